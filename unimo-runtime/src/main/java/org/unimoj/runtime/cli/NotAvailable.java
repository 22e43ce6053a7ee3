package org.unimoj.runtime.cli;

/**
 * A command whose capability has not landed yet; exit code 3. Thrown rather than printed so that
 * no command can pretend to have done its work.
 */
public final class NotAvailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotAvailable(String what, int issue) {
        super(what + " is not available yet (it lands with issue #" + issue + ")");
    }
}
