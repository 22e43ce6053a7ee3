package org.unimoj.api.config;

/**
 * Configuration keys shared across modules. Every key is documented with its default in the
 * {@code reference.conf} of the module that reads it; this class only names them once.
 */
public final class ConfigKeys {
    /** Root of every UNIMO-J setting. */
    public static final String ROOT = "unimo";
    /** Guice modules that compose the pipeline, in order; a later one overrides an earlier binding. */
    public static final String PIPELINE_MODULES = "unimo.pipeline.modules";
    /** Directory whose {@code *.jar} files are loaded as plugins. */
    public static final String PLUGINS_DIR = "unimo.plugins.dir";
    /** The run's seed. */
    public static final String SEED = "unimo.seed";
    /** Where a run writes checkpoints, logs and results. */
    public static final String RUN_DIR = "unimo.run.dir";
    /** The data directory of the embedded world or of real data. */
    public static final String DATA_DIR = "unimo.data.dir";
    /** What readers do with a bad record: fail or skip (to quarantine). */
    public static final String READ_POLICY = "unimo.data.read-policy";
    /** Prefix of a task's own settings: {@code unimo.task.<id>.<key>}. */
    public static final String TASK_PREFIX = "unimo.task";
    /** Prefix of a rewriter's own settings: {@code unimo.augment.rewriters.<name>.<key>}. */
    public static final String REWRITER_PREFIX = "unimo.augment.rewriters";

    private ConfigKeys() {}
}
