package org.unimoj.augment.archfixture;

/** Deliberately wrong, for ArchitectureTest only: augment depending on the tasks module. */
public final class AugmentUsingTasks {
    public Object reach() {
        return new org.unimoj.tasks.archfixture.TasksClass();
    }
}
