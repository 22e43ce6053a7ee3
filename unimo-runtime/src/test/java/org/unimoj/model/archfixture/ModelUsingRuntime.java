package org.unimoj.model.archfixture;

/** Deliberately wrong, for ArchitectureTest only: a model class that reaches into the runtime. */
public final class ModelUsingRuntime {
    public int code() {
        return org.unimoj.runtime.cli.ExitCodes.USAGE + new org.unimoj.runtime.cli.UsageError("x").getMessage().length();
    }
}
