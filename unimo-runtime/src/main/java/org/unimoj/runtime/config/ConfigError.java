package org.unimoj.runtime.config;

/** A configuration a user wrote is wrong; the message names the key, what was expected and where it came from. */
public final class ConfigError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigError(String message) {
        super(message);
    }
}
