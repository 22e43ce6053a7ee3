package org.unimoj.runtime.cli;

/** The user asked for something that cannot work as asked (bad option value, missing file); exit code 2. */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
