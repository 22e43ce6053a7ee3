package org.unimoj.runtime.pretrain;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.runtime.config.ConfigError;

/**
 * The {@code unimo.pretrain} section (and the shared keys it uses) as typed values, checked once:
 * a bad value is a {@link ConfigError} naming the key. Documented in the runtime's reference.conf.
 */
public record PretrainSettings(long seed, Path runDir, Path dataDir, ReadPolicy readPolicy, long steps, World world, Data data, Tokenizer tokenizer,
                               Model model, Optim optimizer, Batch batch, Augment augment, Pipeline pipeline, int workers, int checkpointEvery,
                               int keepCheckpoints, Eval eval, int progressLineSeconds) {

    static final String P = "unimo.pretrain.";

    /** {@code unimo.pretrain.world}. */
    public record World(boolean generateIfAbsent, long seed, int images, int featureDim, int maxRegions) {}

    /** {@code unimo.pretrain.data}; empty paths are resolved against the world layout. */
    public record Data(String captions, String pairFeatures, String pairsSplit, String corpus, String images, int blockSize, int maxTextLength) {}

    /** {@code unimo.pretrain.tokenizer}. */
    public record Tokenizer(String dir, int vocabSize) {}

    /** {@code unimo.pretrain.model}. */
    public record Model(String preset, int layers, int hidden, int heads, int maxRegions, double dropout, double initStd, double temperature,
                        boolean learnTemperature) {}

    /** {@code unimo.pretrain.optimizer}. */
    public record Optim(double learningRate, double warmup, double weightDecay, double beta1, double beta2, double epsilon, double maxGradNorm) {}

    /**
     * {@code unimo.pretrain.batch}.
     *
     * @param cmcl whether the pairs are also encoded alone for cross-modal contrastive learning; false leaves them to the
     *             joint (MLM + masked regions) and captioning objectives only (the "no CMCL" ablation)
     */
    public record Batch(int pairs, int joint, int captioning, int texts, int images, int positives, int negatives, int relatedImages,
                        int relatedTexts, double mlmProbability, double mrmProbability, boolean cmcl) {
        /** Examples of one batch at most. */
        public int maxExamples() {
            int contrastive = cmcl ? pairs * (2 + positives + negatives + relatedImages + relatedTexts) : 0;
            return contrastive + joint + captioning + texts + images;
        }
    }

    /**
     * {@code unimo.pretrain.augment} (and the rewriters' own settings, {@code unimo.augment.rewriters}).
     *
     * @param offlineFile      the offline job's augment.jsonl ("": DATA_DIR/augmented/augment.jsonl)
     * @param runIfAbsent      run the offline job first when that file is missing
     * @param relatedImages    related images retrieved per pair (offline job and on the fly)
     * @param relatedTexts     related corpus sentences retrieved per pair
     * @param rewriterSettings per rewriter name, its settings
     */
    public record Augment(List<String> rewriters, int augmenters, int perAugmenter, int capacity, int maxRestarts, Duration restartWindow,
                          String offlineFile, boolean runIfAbsent, int relatedImages, int relatedTexts,
                          Map<String, Map<String, String>> rewriterSettings) {}

    /** {@code unimo.pretrain.pipeline}. */
    public record Pipeline(int prefetch, int chunk, long maxGapsInARow) {}

    /** {@code unimo.pretrain.eval}. */
    public record Eval(int every, String split, int maxImages, String finalSplit, int finalMaxImages, int batch) {}

    public static PretrainSettings from(Config c) {
        try {
            PretrainSettings s = new PretrainSettings(
                    c.getLong(ConfigKeys.SEED),
                    Path.of(c.getString(ConfigKeys.RUN_DIR)),
                    Path.of(c.getString(ConfigKeys.DATA_DIR)),
                    policy(c.getString(ConfigKeys.READ_POLICY)),
                    positive(c, "steps"),
                    new World(c.getBoolean(P + "world.generate-if-absent"), c.getLong(P + "world.seed"), positive(c, "world.images"),
                            positive(c, "world.feature-dim"), positive(c, "world.max-regions")),
                    new Data(c.getString(P + "data.captions"), c.getString(P + "data.pair-features"), c.getString(P + "data.pairs-split"),
                            c.getString(P + "data.corpus"), c.getString(P + "data.images"), positive(c, "data.block-size"),
                            atLeast(c, "data.max-text-length", 3)),
                    new Tokenizer(c.getString(P + "tokenizer.dir"), atLeast(c, "tokenizer.vocab-size", 261)),
                    new Model(c.getString(P + "model.preset"), atLeast(c, "model.layers", 0), atLeast(c, "model.hidden", 0), atLeast(c, "model.heads", 0),
                            atLeast(c, "model.max-regions", 0), fraction(c, "model.dropout"), c.getDouble(P + "model.init-std"), c.getDouble(P + "model.temperature"),
                            c.getBoolean(P + "model.learn-temperature")),
                    new Optim(c.getDouble(P + "optimizer.learning-rate"), fraction(c, "optimizer.warmup"), c.getDouble(P + "optimizer.weight-decay"),
                            c.getDouble(P + "optimizer.beta1"), c.getDouble(P + "optimizer.beta2"), c.getDouble(P + "optimizer.epsilon"),
                            c.getDouble(P + "optimizer.max-grad-norm")),
                    new Batch(atLeast(c, "batch.pairs", 0), atLeast(c, "batch.joint", 0), atLeast(c, "batch.captioning", 0), atLeast(c, "batch.texts", 0),
                            atLeast(c, "batch.images", 0), atLeast(c, "batch.positives", 0), atLeast(c, "batch.negatives", 0),
                            atLeast(c, "batch.related-images", 0), atLeast(c, "batch.related-texts", 0), fraction(c, "batch.mlm-probability"),
                            fraction(c, "batch.mrm-probability"), c.getBoolean(P + "batch.cmcl")),
                    new Augment(List.copyOf(c.getStringList(P + "augment.rewriters")), positive(c, "augment.augmenters"),
                            positive(c, "augment.per-augmenter"), positive(c, "augment.capacity"), atLeast(c, "augment.max-restarts", 0),
                            c.getDuration(P + "augment.restart-window"), c.getString(P + "augment.offline.file"),
                            c.getBoolean(P + "augment.offline.run-if-absent"), atLeast(c, "augment.related-images", 0),
                            atLeast(c, "augment.related-texts", 0), rewriterSettings(c)),
                    new Pipeline(positive(c, "pipeline.prefetch"), positive(c, "pipeline.chunk"), positive(c, "pipeline.max-gaps-in-a-row")),
                    positive(c, "workers"),
                    atLeast(c, "checkpoint.every", 0),
                    positive(c, "checkpoint.keep"),
                    new Eval(atLeast(c, "eval.every", 0), c.getString(P + "eval.split"), atLeast(c, "eval.max-images", 0),
                            c.getString(P + "eval.final-split"), atLeast(c, "eval.final-max-images", 0), positive(c, "eval.batch")),
                    positive(c, "progress.line-seconds"));
            s.check();
            return s;
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage());
        }
    }

    private void check() {
        if (batch.joint() + batch.captioning() > batch.pairs()) {
            throw new ConfigError("unimo.pretrain.batch: joint (" + batch.joint() + ") + captioning (" + batch.captioning()
                    + ") take their examples from the pairs and cannot exceed pairs (" + batch.pairs() + ")");
        }
        if (batch.pairs() + batch.texts() + batch.images() == 0) {
            throw new ConfigError("unimo.pretrain.batch: pairs, texts and images are all 0; a batch needs examples");
        }
        if (!(model.initStd() > 0)) {
            throw new ConfigError("unimo.pretrain.model.init-std must be > 0, got " + model.initStd());
        }
        if (!(optimizer.learningRate() > 0)) {
            throw new ConfigError("unimo.pretrain.optimizer.learning-rate must be > 0, got " + optimizer.learningRate());
        }
    }

    /** {@code unimo.augment.rewriters.<name>.<key> = value} as name to key to value. */
    private static Map<String, Map<String, String>> rewriterSettings(Config c) {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        if (!c.hasPath("unimo.augment.rewriters")) {
            return out;
        }
        for (Map.Entry<String, com.typesafe.config.ConfigValue> e : c.getConfig("unimo.augment.rewriters").entrySet()) {
            List<String> path = com.typesafe.config.ConfigUtil.splitPath(e.getKey());
            String name = path.get(0);
            String key = String.join(".", path.subList(1, path.size()));
            out.computeIfAbsent(name, k -> new java.util.TreeMap<>()).put(key, String.valueOf(e.getValue().unwrapped()));
        }
        return out;
    }

    /** The offline augmentation file: {@code augment.offline.file}, or DATA_DIR/augmented/augment.jsonl. */
    public Path offlineAugmentFile() {
        return augment.offlineFile().isBlank() ? dataDir.resolve("augmented").resolve("augment.jsonl") : Path.of(augment.offlineFile());
    }

    /** The world's seed: {@code world.seed}, or the run's seed when that is 0. */
    public long worldSeed() {
        return world.seed() != 0 ? world.seed() : seed;
    }

    private static ReadPolicy policy(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fail": return ReadPolicy.FAIL;
            case "skip": return ReadPolicy.SKIP;
            default: throw new ConfigError("key '" + ConfigKeys.READ_POLICY + "': expected fail or skip, got '" + s + "'");
        }
    }

    private static int positive(Config c, String key) {
        return atLeast(c, key, 1);
    }

    private static int atLeast(Config c, String key, int min) {
        long v = c.getLong(P + key);
        if (v < min || v > Integer.MAX_VALUE) {
            throw new ConfigError("key '" + P + key + "' must be an integer >= " + min + ", got " + v);
        }
        return (int) v;
    }

    private static double fraction(Config c, String key) {
        double v = c.getDouble(P + key);
        if (!(v >= 0 && v < 1)) {
            throw new ConfigError("key '" + P + key + "' must be in [0, 1), got " + v);
        }
        return v;
    }
}
