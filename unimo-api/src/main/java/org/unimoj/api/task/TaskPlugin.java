package org.unimoj.api.task;

/**
 * A downstream task, found with {@link java.util.ServiceLoader}: a jar lists its implementation in
 * {@code META-INF/services/org.unimoj.api.task.TaskPlugin}. Implementations need a public
 * no-argument constructor and must not do work in it; {@link #info()} must be cheap, because the
 * launcher calls it to list plugins.
 */
public interface TaskPlugin {

    TaskInfo info();

    /**
     * Opens one task of this plugin.
     *
     * @param subtask one of {@link TaskInfo#subtasks()}, or the empty string for a plugin without subtasks
     * @param context where the data is and what the runtime provides
     * @throws IllegalArgumentException for an unknown subtask or a bad setting, with a message that names it
     */
    Task<?> open(String subtask, TaskContext context);
}
