package org.unimoj.api;

/**
 * The version of the plugin contracts in this module. A plugin states the version it was built
 * for; the runtime refuses a plugin whose version differs, because a plugin built against another
 * shape of these interfaces would fail later with a linkage error far from its cause.
 */
public final class SpiVersion {
    /** Bumped on any incompatible change to {@code org.unimoj.api.task} or {@code org.unimoj.api.rewrite}. */
    public static final int CURRENT = 1;

    /** Jar-manifest attribute in which a plugin jar may declare its SPI version before any class loads. */
    public static final String MANIFEST_ATTRIBUTE = "Unimo-Spi-Version";

    private SpiVersion() {}
}
