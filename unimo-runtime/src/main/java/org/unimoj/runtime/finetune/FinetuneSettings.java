package org.unimoj.runtime.finetune;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.api.data.Split;
import org.unimoj.runtime.config.ConfigError;

/**
 * The {@code unimo.finetune} section (documented with its defaults in the runtime's
 * {@code reference.conf}), after the task's own suggestions ({@code FinetuneDefaults}) replaced the
 * general defaults the user left alone.
 *
 * @param epochs             passes over the training split
 * @param maxSteps           stop after this many updates (0: the epochs decide)
 * @param batchSize          examples per update
 * @param learningRate       peak AdamW learning rate
 * @param warmup             warm-up as a fraction of all updates
 * @param weightDecay        AdamW weight decay
 * @param maxGradNorm        gradient-norm clipping
 * @param dropout            hidden and attention dropout while training (negative: the checkpoint's)
 * @param workers            threads a batch is split over
 * @param maxExamplesPerPass examples per forward/backward pass at most (0: no limit)
 * @param maxTrainExamples   train on at most this many examples (0: all)
 * @param validateEvery      validate every this many updates (0: at each epoch's end; negative: never)
 * @param evaluate           splits scored at the end, with their results files
 * @param baseline           also score the task's trivial baseline
 * @param logEvery           a progress line every this many updates
 * @param predictBatch       inputs per forward pass when predicting
 * @param seed               the run's seed ({@code unimo.seed})
 * @param sources            where each value came from ("reference.conf", "task", or the user's file or --set)
 */
public record FinetuneSettings(int epochs, long maxSteps, int batchSize, double learningRate, double warmup, double weightDecay,
                               double maxGradNorm, double dropout, int workers, int maxExamplesPerPass, int maxTrainExamples,
                               long validateEvery, List<Split> evaluate, boolean baseline, int logEvery, int predictBatch, long seed,
                               Map<String, String> sources) {

    public static final String SECTION = "unimo.finetune";

    public FinetuneSettings {
        evaluate = List.copyOf(evaluate);
        sources = Map.copyOf(sources);
        check(epochs >= 1, "epochs", "must be >= 1");
        check(maxSteps >= 0, "max-steps", "must be >= 0");
        check(batchSize >= 1, "batch-size", "must be >= 1");
        check(learningRate > 0 && Double.isFinite(learningRate), "learning-rate", "must be positive");
        check(warmup >= 0 && warmup <= 1, "warmup", "must be in [0, 1]");
        check(weightDecay >= 0, "weight-decay", "must be >= 0");
        check(maxGradNorm > 0, "max-grad-norm", "must be positive");
        check(dropout < 1, "dropout", "must be < 1 (negative keeps the checkpoint's)");
        check(workers >= 1, "workers", "must be >= 1");
        check(maxExamplesPerPass >= 0, "max-examples-per-pass", "must be >= 0");
        check(maxTrainExamples >= 0, "max-train-examples", "must be >= 0");
        check(logEvery >= 1, "log-every", "must be >= 1");
        check(predictBatch >= 1, "predict-batch", "must be >= 1");
    }

    private static void check(boolean ok, String key, String what) {
        if (!ok) {
            throw new ConfigError(SECTION + "." + key + " " + what);
        }
    }

    /**
     * Reads the section from {@code cfg}, first replacing each value the user did not set with the
     * task's suggestion from {@code taskDefaults} (keys relative to the section).
     *
     * @param who names the task, for errors in its suggestions
     */
    public static FinetuneSettings from(Config cfg, Map<String, String> taskDefaults, String who) {
        Map<String, String> sources = new LinkedHashMap<>();
        Config section = cfg.getConfig(SECTION);
        for (Map.Entry<String, String> d : taskDefaults.entrySet()) {
            String key = d.getKey();
            if (!section.hasPath(key)) {
                throw new ConfigError(who + " suggests unknown fine-tuning setting '" + key + "' (known: "
                        + String.join(", ", section.root().keySet().stream().sorted().toList()) + ")");
            }
            if (fromReference(section.getValue(key))) {
                try {
                    Config one = ConfigFactory.parseString(com.typesafe.config.ConfigUtil.quoteString(key) + " = " + d.getValue());
                    section = one.withFallback(section);
                } catch (ConfigException e) {
                    throw new ConfigError(who + " suggests '" + key + " = " + d.getValue() + "': " + e.getMessage());
                }
                sources.put(key, "task");
            }
        }
        for (Map.Entry<String, ConfigValue> e : section.entrySet()) {
            sources.putIfAbsent(e.getKey(), describe(e.getValue().origin()));
        }
        try {
            List<Split> evaluate = new ArrayList<>();
            for (String s : section.getStringList("evaluate")) {
                try {
                    evaluate.add(Split.parse(s));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigError(SECTION + ".evaluate: " + ex.getMessage());
                }
            }
            return new FinetuneSettings(section.getInt("epochs"), section.getLong("max-steps"), section.getInt("batch-size"),
                    section.getDouble("learning-rate"), section.getDouble("warmup"), section.getDouble("weight-decay"),
                    section.getDouble("max-grad-norm"), section.getDouble("dropout"), section.getInt("workers"),
                    section.getInt("max-examples-per-pass"), section.getInt("max-train-examples"), section.getLong("validate-every"),
                    evaluate, section.getBoolean("baseline"), section.getInt("log-every"), section.getInt("predict-batch"),
                    cfg.getLong(ConfigKeys.SEED), sources);
        } catch (ConfigException e) {
            throw new ConfigError(SECTION + ": " + e.getMessage());
        }
    }

    private static boolean fromReference(ConfigValue v) {
        String r = v.origin() == null ? null : v.origin().resource();
        return r != null && r.endsWith("reference.conf");
    }

    private static String describe(ConfigOrigin o) {
        if (o == null) {
            return "?";
        }
        if (o.resource() != null && o.resource().endsWith("reference.conf")) {
            return "default";
        }
        return o.filename() != null ? o.filename() : o.description();
    }

    /** Updates for {@code examples} training examples: epochs times batches per epoch, cut at {@code maxSteps}. */
    public long totalSteps(long examples) {
        long perEpoch = (examples + batchSize - 1) / batchSize;
        long all = perEpoch * epochs;
        return maxSteps > 0 ? Math.min(all, maxSteps) : all;
    }

    /** The values as strings, in a stable order, for the run's record. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("max-steps", maxSteps);
        m.put("batch-size", batchSize);
        m.put("learning-rate", learningRate);
        m.put("warmup", warmup);
        m.put("weight-decay", weightDecay);
        m.put("max-grad-norm", maxGradNorm);
        m.put("dropout", dropout);
        m.put("workers", workers);
        m.put("max-examples-per-pass", maxExamplesPerPass);
        m.put("max-train-examples", maxTrainExamples);
        m.put("validate-every", validateEvery);
        m.put("evaluate", evaluate.stream().map(Split::fileName).toList());
        m.put("baseline", baseline);
        m.put("log-every", logEvery);
        m.put("predict-batch", predictBatch);
        m.put("seed", seed);
        return m;
    }
}
