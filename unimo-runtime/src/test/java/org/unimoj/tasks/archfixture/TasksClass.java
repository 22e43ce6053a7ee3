package org.unimoj.tasks.archfixture;

/** A tasks-module class for ArchitectureTest's deliberately wrong set to depend on. */
public final class TasksClass {}
