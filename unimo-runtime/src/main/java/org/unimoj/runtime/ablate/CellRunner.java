package org.unimoj.runtime.ablate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.unimoj.runtime.train.FileTrees;

/**
 * Runs one cell of a study (a variant with a seed) as independent runs of the runtime's commands:
 * {@code pretrain} (with the variant's settings and offline augmentation), {@code probe} on the
 * final checkpoint, then {@code finetune} of each downstream task from it. A step whose output
 * exists is skipped and an interrupted pre-training resumes from its newest checkpoint, so running
 * a cell again finishes what is missing. The cell's figures go to {@code cell.json}.
 */
public final class CellRunner {

    /** Module class names of the pre-training pair augmentation (one is swapped per variant). */
    static final String OFFLINE = "org.unimoj.runtime.pipeline.OfflineAugmentationModule";
    static final String NONE = "org.unimoj.runtime.pipeline.NoAugmentationModule";
    private static final List<String> AUGMENTATION_MODULES = List.of(OFFLINE, NONE, "org.unimoj.runtime.pipeline.OnTheFlyAugmentationModule");

    /** Reports steps as they start and end. */
    public interface Listener {
        void step(String variant, long seed, String step, boolean started, double seconds, int exitCode);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final AblationPlan plan;
    private final Config base;
    private final List<String> extraSets;
    private final List<String> extraArgs;
    private final StepRunner runner;
    private final Listener listener;

    /**
     * @param base      the study's configuration as loaded (for the base modules and text length)
     * @param extraSets settings every step gets (--set KEY=VALUE), after the variant's
     * @param extraArgs options every step gets (e.g. --plugins-dir DIR)
     */
    public CellRunner(AblationPlan plan, Config base, List<String> extraSets, List<String> extraArgs, StepRunner runner, Listener listener) {
        this.plan = plan;
        this.base = base;
        this.extraSets = List.copyOf(extraSets);
        this.extraArgs = List.copyOf(extraArgs);
        this.runner = runner;
        this.listener = listener;
    }

    public static Path cellDir(AblationPlan plan, String variant, long seed) {
        return plan.out().resolve("cells").resolve(variant).resolve("seed-" + seed);
    }

    /** The offline augmentation file of a variant (shared by variants with the same rewriters). */
    public static Path augmentFile(AblationPlan plan, AblationPlan.Variant v) {
        return plan.out().resolve("augment").resolve(v.augmentKey()).resolve("augment.jsonl");
    }

    public static Path foilsFile(AblationPlan plan) {
        return plan.out().resolve("foils").resolve("augment.jsonl");
    }

    /** The table's columns, in order. */
    public static List<String> columns(AblationPlan plan) {
        List<String> c = new ArrayList<>(List.of("zero-shot IR@1", "zero-shot TR@1"));
        for (String t : plan.probeTypes()) {
            c.add("probe " + t);
        }
        if (!plan.probeTypes().isEmpty()) {
            c.add("probe mean");
        }
        for (AblationPlan.Downstream d : plan.downstream()) {
            for (String m : d.metrics()) {
                c.add(d.label() + " " + m);
            }
        }
        return c;
    }

    /** The cell's figures when an earlier run finished it. */
    public static java.util.Optional<CellResult> finished(AblationPlan plan, String variant, long seed) {
        Path f = cellDir(plan, variant, seed).resolve("cell.json");
        if (!Files.isRegularFile(f)) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return java.util.Optional.of(new CellResult(variant, seed, doubles(n.get("metrics")), doubles(n.get("seconds")), n.path("error").asText("")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    public CellResult run(String variantName, long seed) {
        AblationPlan.Variant v = plan.variant(variantName);
        Path dir = cellDir(plan, v.name(), seed);
        Path log = dir.resolve("log.txt");
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        java.util.Optional<CellResult> earlier = finished(plan, v.name(), seed);
        if (earlier.isPresent() && earlier.get().ok()) {
            return earlier.get();
        }
        try {
            Files.createDirectories(dir);
            Path pre = dir.resolve("pretrain");
            Path summary = pre.resolve("summary.json");
            if (!completed(summary)) {
                int code = step(v, seed, "pretrain", pretrainArgs(v, seed, pre), log, seconds);
                if (code != 0 || !completed(summary)) {
                    return fail(v, seed, metrics, seconds, "pretrain exited with " + code + " (log: " + log + ")");
                }
            } else {
                seconds.put("pretrain", earlierSeconds(dir, "pretrain"));
            }
            JsonNode s = JSON.readTree(summary.toFile());
            Path checkpoint = Path.of(s.get("checkpoint").asText());
            JsonNode finals = s.path("final_evaluations");
            for (Iterator<String> it = finals.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.endsWith("retrieval")) {
                    metrics.put("zero-shot IR@1", finals.get(k).get("IR@1").asDouble());
                    metrics.put("zero-shot TR@1", finals.get(k).get("TR@1").asDouble());
                    break;
                }
            }
            if (!plan.probeTypes().isEmpty()) {
                Path probe = dir.resolve("probe.json");
                if (!Files.isRegularFile(probe)) {
                    int code = step(v, seed, "probe", probeArgs(checkpoint, probe), log, seconds);
                    if (code != 0) {
                        return fail(v, seed, metrics, seconds, "probe exited with " + code + " (log: " + log + ")");
                    }
                } else {
                    seconds.put("probe", earlierSeconds(dir, "probe"));
                }
                JsonNode p = JSON.readTree(probe.toFile());
                for (String t : plan.probeTypes()) {
                    JsonNode a = p.path("types").path(t).path("accuracy");
                    metrics.put("probe " + t, a.isNumber() ? a.asDouble() : Double.NaN);
                }
                metrics.put("probe mean", p.get("mean").asDouble());
            }
            for (AblationPlan.Downstream d : plan.downstream()) {
                Path ft = dir.resolve("ft").resolve(d.dir());
                Path m = ft.resolve("metrics.json");
                if (!Files.isRegularFile(m)) {
                    FileTrees.deleteTree(ft);
                    int code = step(v, seed, d.label(), finetuneArgs(d, seed, checkpoint, ft), log, seconds);
                    if (code != 0 || !Files.isRegularFile(m)) {
                        return fail(v, seed, metrics, seconds, "finetune " + d.task() + " exited with " + code + " (log: " + log + ")");
                    }
                } else {
                    seconds.put(d.label(), earlierSeconds(dir, d.label()));
                }
                JsonNode test = JSON.readTree(m.toFile()).path("splits").path("test").path("metrics");
                for (String name : d.metrics()) {
                    if (!test.has(name)) {
                        return fail(v, seed, metrics, seconds, m + ": the test split has no metric '" + name + "' (it has: "
                                + String.join(", ", iterable(test.fieldNames())) + ")");
                    }
                    metrics.put(d.label() + " " + name, test.get(name).asDouble());
                }
            }
            CellResult r = new CellResult(v.name(), seed, metrics, seconds, "");
            write(dir, r);
            return r;
        } catch (IOException e) {
            return fail(v, seed, metrics, seconds, e.getMessage());
        }
    }

    private int step(AblationPlan.Variant v, long seed, String name, List<String> args, Path log, Map<String, Double> seconds) {
        listener.step(v.name(), seed, name, true, 0, 0);
        long t0 = System.nanoTime();
        int code = runner.run(args, log);
        double s = (System.nanoTime() - t0) / 1e9;
        seconds.put(name, s);
        recordSeconds(cellDir(plan, v.name(), seed), name, s);
        listener.step(v.name(), seed, name, false, s, code);
        return code;
    }

    List<String> pretrainArgs(AblationPlan.Variant v, long seed, Path runDir) throws IOException {
        List<String> a = new ArrayList<>();
        if (Files.isRegularFile(runDir.resolve("run.conf")) && hasCheckpoint(runDir)) {
            a.addAll(List.of("pretrain", "--resume", runDir.toString()));
            a.addAll(extraArgs);
            return a;
        }
        FileTrees.deleteTree(runDir);
        a.addAll(List.of("pretrain", "--config", plan.config().toString()));
        set(a, "unimo.run.dir", ConfigUtil.quoteString(runDir.toString()));
        set(a, "unimo.seed", Long.toString(seed));
        set(a, "unimo.data.dir", ConfigUtil.quoteString(plan.data().toString()));
        List<String> modules = new ArrayList<>();
        boolean swapped = false;
        for (String m : base.getStringList("unimo.pretrain.modules")) {
            if (AUGMENTATION_MODULES.contains(m)) {
                if (!swapped) {
                    modules.add(v.augment().isEmpty() ? NONE : OFFLINE);
                    swapped = true;
                }
            } else {
                modules.add(m);
            }
        }
        if (!swapped) {
            modules.add(1, v.augment().isEmpty() ? NONE : OFFLINE);
        }
        set(a, "unimo.pretrain.modules", modules.stream().map(ConfigUtil::quoteString).collect(Collectors.joining(",", "[", "]")));
        if (!v.augment().isEmpty()) {
            set(a, "unimo.pretrain.augment.offline.file", ConfigUtil.quoteString(augmentFile(plan, v).toString()));
            set(a, "unimo.pretrain.augment.offline.run-if-absent", "false");
        }
        for (String s : v.sets()) {
            a.addAll(List.of("--set", s));
        }
        for (String s : extraSets) {
            a.addAll(List.of("--set", s));
        }
        a.addAll(extraArgs);
        return a;
    }

    List<String> probeArgs(Path checkpoint, Path out) {
        return List.of("probe", "--checkpoint", checkpoint.toString(), "--foils", foilsFile(plan).toString(), "--data", plan.data().toString(),
                "--split", "test", "--types", String.join(",", plan.probeTypes()), "--max-images", Integer.toString(plan.probeImages()),
                "--max-text-length", Integer.toString(base.getInt("unimo.pretrain.data.max-text-length")), "--out", out.toString());
    }

    List<String> finetuneArgs(AblationPlan.Downstream d, long seed, Path checkpoint, Path out) {
        List<String> a = new ArrayList<>(List.of("finetune", "--task", d.task(), "--checkpoint", checkpoint.toString(), "--data",
                plan.data().toString(), "--out", out.toString(), "--config", plan.config().toString()));
        set(a, "unimo.seed", Long.toString(seed));
        set(a, "unimo.finetune.evaluate", "[test]");
        set(a, "unimo.finetune.baseline", "false");
        set(a, "unimo.finetune.validate-every", "-1");
        for (String s : d.sets()) {
            a.addAll(List.of("--set", s));
        }
        for (String s : extraSets) {
            a.addAll(List.of("--set", s));
        }
        a.addAll(extraArgs);
        return a;
    }

    private static void set(List<String> a, String key, String value) {
        a.add("--set");
        a.add(key + "=" + value);
    }

    private static boolean completed(Path summary) throws IOException {
        return Files.isRegularFile(summary) && "completed".equals(JSON.readTree(summary.toFile()).path("status").asText());
    }

    private static boolean hasCheckpoint(Path runDir) throws IOException {
        Path c = runDir.resolve("checkpoints");
        if (!Files.isDirectory(c)) {
            return false;
        }
        try (Stream<Path> s = Files.list(c)) {
            return s.anyMatch(p -> Files.isRegularFile(p.resolve("model.safetensors")));
        }
    }

    private CellResult fail(AblationPlan.Variant v, long seed, Map<String, Double> metrics, Map<String, Double> seconds, String why) {
        CellResult r = new CellResult(v.name(), seed, metrics, seconds, why);
        write(cellDir(plan, v.name(), seed), r);
        return r;
    }

    private static void write(Path dir, CellResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("variant", r.variant());
        doc.put("seed", r.seed());
        doc.put("metrics", r.metrics());
        doc.put("seconds", r.seconds());
        doc.put("error", r.error());
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve("cell.json").toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("cell.json") + ": " + e.getMessage(), e);
        }
    }

    /** Step times survive a resumed cell in {@code seconds.json}. */
    private static void recordSeconds(Path dir, String step, double s) {
        Path f = dir.resolve("seconds.json");
        try {
            Map<String, Double> m = Files.isRegularFile(f) ? doubles(JSON.readTree(f.toFile())) : new LinkedHashMap<>();
            m.merge(step, s, Double::sum);
            JSON.writeValue(f.toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    private static double earlierSeconds(Path dir, String step) throws IOException {
        Path f = dir.resolve("seconds.json");
        return Files.isRegularFile(f) ? JSON.readTree(f.toFile()).path(step).asDouble(0) : 0;
    }

    private static Map<String, Double> doubles(JsonNode n) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (n != null) {
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN));
        }
        return m;
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

}
