package org.unimoj.runtime.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.data.world.ProgressListener;
import org.unimoj.data.world.WorldGenerator;
import org.unimoj.data.world.WorldSpec;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.TensorType;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.model.tokenizer.TokenizerFiles;
import org.unimoj.model.tokenizer.train.BpeTrainer;
import org.unimoj.model.tokenizer.train.TrainerSettings;
import org.unimoj.model.tokenizer.train.TrainingProgress;

/**
 * Each plugin's jar (vision-language and text-only), as its module built it, dropped alone into an empty plugins
 * directory and driven through the launcher's main class in a JVM of its own (the runtime's class
 * path, which holds no plugin): it is listed, fine-tunes a tiny pre-trained checkpoint on a tiny
 * generated world end to end (training, checkpoint, scores of val and test, results files), and
 * {@code evaluate task} on the saved checkpoint reproduces the run's final test figures exactly.
 */
public class PluginDropInTest {

    @TempDir
    static Path shared;

    static Path world;
    static Path pretrained;

    @TempDir
    Path tmp;

    @BeforeAll
    static void tinyWorldAndCheckpoint() throws IOException {
        world = shared.resolve("world");
        new WorldGenerator(WorldSpec.defaults(3, 40).withFeatures(16, 6).withThreads(1), world, ProgressListener.NONE).generate();
        pretrained = shared.resolve("pretrained");
        List<String> text = new ArrayList<>(Files.readAllLines(world.resolve("corpus/text.txt")));
        BpeTrainer.Result r = new BpeTrainer(new TrainerSettings(400, 2, 1 << 20)).train(text, TrainingProgress.NONE);
        TokenizerFiles.write(r.vocabulary(), pretrained);
        int vocab = ByteLevelBpeTokenizer.load(pretrained).vocabSize();
        UnimoConfig c = new UnimoConfig("drop-in", 1, 16, 2, 32, vocab, 42, 16, 6, 65, 0.1, 0.1, 1e-5, 0.02, 1, 0.07, true);
        Checkpoint.save(pretrained, c, UnimoPretrainModel.create(c, DataType.FLOAT, 1).parameters(), null, Map.of(), TensorType.F32);
    }

    /** The jar the plugin's module built (the reactor builds the plugins before these tests). */
    public static Path builtJar(String module) throws IOException {
        Path root = Path.of(System.getProperty("unimo.root", "."));
        Path target = root.resolve("plugins").resolve(module).resolve("target");
        try (Stream<Path> s = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return s.filter(p -> p.getFileName().toString().startsWith(module + "-") && p.toString().endsWith(".jar")
                            && !p.toString().endsWith("-sources.jar") && !p.toString().endsWith("-tests.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in " + target + ": build the plugin first (mvn package, or -pl unimo-runtime -am)"));
        }
    }

    record Launch(int code, String out, String err) {}

    /** Runs {@code org.unimoj.runtime.cli.Unimo} in a new JVM on the runtime's (test) class path. */
    static Launch launch(Path work, String... args) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", ""),
                "-cp", cp, "org.unimoj.runtime.cli.Unimo"));
        cmd.addAll(List.of(args));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("UNIMO_PLUGINS_DIR");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("launcher did not finish in 5 minutes: " + String.join(" ", args));
        }
        return new Launch(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"retrieval, retrieval", "snli-ve, snli-ve", "vqa, vqa", "coco-caption, coco-caption",
            "glue, glue/sst2", "summarization, summarization/cnndm", "question-generation, question-generation/squad", "coqa, coqa"})
    void aPluginJarAloneInAnEmptyDirectoryIsListedFineTunesAndEvaluates(String module, String task) throws Exception {
        String id = task.contains("/") ? task.substring(0, task.indexOf('/')) : task;
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(builtJar(module), plugins.resolve(module + ".jar"), StandardCopyOption.REPLACE_EXISTING);

        Launch list = launch(tmp, "plugins", "list", "--plugins-dir", plugins.toString());
        assertEquals(0, list.code(), list.err());
        List<String> tasks = list.out().lines().dropWhile(l -> !l.equals("tasks:")).skip(1).takeWhile(l -> l.startsWith("  ")).toList();
        assertEquals(1, tasks.size(), list.out());
        assertTrue(tasks.get(0).strip().startsWith(id + " ") && tasks.get(0).contains(plugins.resolve(module + ".jar").toString()), list.out());

        Path run = tmp.resolve("run");
        Launch ft = launch(tmp, "finetune", "--task", task, "--checkpoint", pretrained.toString(), "--data", world.toString(),
                "--out", run.toString(), "--plugins-dir", plugins.toString(), "--set", "unimo.finetune.epochs=1",
                "--set", "unimo.finetune.max-train-examples=48", "--set", "unimo.finetune.batch-size=16", "--set", "unimo.finetune.log-every=1",
                "--set", "unimo.task." + id + ".beam-size=2");
        assertEquals(0, ft.code(), ft.err());
        // The tiny world's text sets may hold fewer than 48 training examples; the updates follow from what was read.
        java.util.regex.Matcher read = java.util.regex.Pattern.compile("read (\\d+) training examples").matcher(ft.err());
        assertTrue(read.find(), "no count of training examples: " + ft.err());
        int updates = (Math.min(48, Integer.parseInt(read.group(1))) + 15) / 16;
        assertTrue(updates >= 2, "too few training examples for a run: " + read.group());
        assertTrue(ft.err().contains("update " + updates + "/" + updates), "progress lines: " + ft.err());
        for (String f : List.of("ckpt/task.json", "ckpt/config.json", "ckpt/model.safetensors", "ckpt/vocab.json", "ckpt/finetune.json",
                "metrics.jsonl", "metrics.json")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " missing from the run directory");
        }
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals(updates, metrics.get("training").get("updates").asInt());
        for (String split : List.of("val", "test")) {
            JsonNode s = metrics.get("splits").get(split);
            assertTrue(s.get("metrics").size() > 0, split);
            assertTrue(Files.isRegularFile(Path.of(s.get("results").asText())), split + " results file");
            assertTrue(metrics.get("baseline").get(split).get("metrics").size() > 0, split + " baseline");
        }
        assertTrue(ft.out().contains("checkpoint: " + run.resolve("ckpt")), ft.out());

        Path eval = tmp.resolve("eval");
        Launch ev = launch(tmp, "evaluate", "task", "--checkpoint", run.resolve("ckpt").toString(), "--data", world.toString(),
                "--split", "test", "--out", eval.toString(), "--plugins-dir", plugins.toString(), "--set", "unimo.task." + id + ".beam-size=2");
        assertEquals(0, ev.code(), ev.err());
        JsonNode again = new ObjectMapper().readTree(eval.resolve("metrics.json").toFile());
        JsonNode before = metrics.get("splits").get("test").get("metrics");
        JsonNode after = again.get("splits").get("test").get("metrics");
        before.fieldNames().forEachRemaining(k -> {
            if (!k.startsWith("seconds") && !k.startsWith("speed-up")) {
                assertEquals(before.get(k).asDouble(), after.get(k).asDouble(), 0.0, k + ": the saved checkpoint scores as the run's final model");
            }
        });
        assertTrue(Files.size(eval.resolve("results").toFile().listFiles()[0].toPath()) > 0);
    }
}
