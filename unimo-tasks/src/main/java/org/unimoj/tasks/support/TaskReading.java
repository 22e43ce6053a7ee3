package org.unimoj.tasks.support;

import java.util.Objects;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.task.TaskContext;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;

/**
 * The reader options of a task's context: fail on the first bad record, or skip bad records into
 * one quarantine file in the work directory ({@code quarantine-<task>.jsonl}), shared by every
 * reader the task opens.
 */
public final class TaskReading {

    private final ReadOptions options;

    public TaskReading(String task, TaskContext context) {
        Objects.requireNonNull(task, "task");
        this.options = context.readPolicy() == ReadPolicy.SKIP
                ? ReadOptions.skipTo(Quarantine.toFile(context.workDir().resolve("quarantine-" + task.replace('/', '-') + ".jsonl")))
                : ReadOptions.failFast();
    }

    public ReadOptions options() {
        return options;
    }
}
