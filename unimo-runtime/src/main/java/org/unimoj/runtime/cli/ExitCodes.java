package org.unimoj.runtime.cli;

/** The launcher's exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and failed (bad data, a diverged run, an I/O error). */
    public static final int FAILED = 1;
    /** The command line or the configuration is wrong. */
    public static final int USAGE = 2;
    /** The command exists but its capability has not landed yet. */
    public static final int NOT_AVAILABLE = 3;

    private ExitCodes() {}
}
