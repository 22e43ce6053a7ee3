package org.unimoj.runtime.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.runtime.cli.Unimo;
import org.unimoj.runtime.train.report.MetricsLog;

/** {@code unimo pretrain} in-process on a tiny world: what a run leaves behind, and what it does with bad records. */
class PretrainRunTest {

    @TempDir
    Path tmp;

    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {}

    static Run unimo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Unimo.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    Path conf(String name, String body) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, body);
        return f;
    }

    @Test
    void aRunTrainsEveryObjectiveJointlyAndLeavesWhatAUserReads() throws Exception {
        Path runDir = tmp.resolve("run");
        Run r = unimo("pretrain", "--config", conf("a.conf", TinyWorld.config(TinyWorld.get(), runDir, 12, "")).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pretrain: completed"), r.out());
        assertTrue(r.out().contains("zero-shot retrieval on 30 images x 150 captions (test-retrieval)"), r.out());
        assertTrue(r.out().contains("text->image  R@1") && r.out().contains("image->text  R@1"), r.out());
        assertTrue(r.out().contains("trainer waited for data"), r.out());

        List<JsonNode> log = MetricsLog.read(runDir.resolve(MetricsLog.FILE));
        List<JsonNode> steps = log.stream().filter(n -> n.path("type").asText().equals("step")).toList();
        assertEquals(12, steps.size());
        for (JsonNode s : steps) {
            for (String o : List.of("MLM", "MRM_FEATURE", "MRM_CLASS", "SEQ2SEQ", "CMCL")) {
                assertTrue(Double.isFinite(s.path("losses").path(o).asDouble(Double.NaN)), o + " in every step: " + s);
            }
        }
        List<JsonNode> evals = log.stream().filter(n -> n.path("type").asText().equals("eval")).toList();
        assertEquals(2, evals.size(), "one periodic evaluation (step 10) and the final one: " + evals);
        assertEquals("val-retrieval", evals.get(0).path("name").asText());
        assertEquals("test-retrieval", evals.get(1).path("name").asText());
        assertTrue(evals.get(1).path("final").asBoolean());

        for (String chart : List.of("loss.png", "eval.png")) {
            byte[] png = Files.readAllBytes(runDir.resolve("charts").resolve(chart));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), chart);
        }
        Path ckpt = runDir.resolve("checkpoints").resolve("step-00000012");
        assertEquals("step-00000012", Files.readString(runDir.resolve("checkpoints/latest")).strip());
        for (String f : List.of("config.json", "model.safetensors", "optimizer.safetensors", "run-state.json", "vocab.json", "merges.txt")) {
            assertTrue(Files.isRegularFile(ckpt.resolve(f)), f);
        }
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertEquals("completed", summary.path("status").asText());
        assertEquals(12, summary.path("last_step").asLong());
        for (String stream : List.of("pairs", "texts", "images")) {
            JsonNode s = summary.path("streams").path(stream);
            assertEquals(s.path("in").asLong(), s.path("trained").asLong() + s.path("quarantined").asLong(), stream);
        }
        assertEquals(12 * 8, summary.path("streams").path("pairs").path("trained").asLong());
        assertTrue(summary.path("data_wait_share_of_wall").asDouble() < 1.0);
        assertTrue(summary.path("final_evaluations").path("test-retrieval").has("IR@1"));

        // the checkpoint is usable on its own: encode a sentence with its own tokenizer
        Run enc = unimo("encode", "--checkpoint", ckpt.toString(), "--text", "A dog on a bench.");
        assertEquals(0, enc.code(), enc.err());
        assertTrue(enc.out().contains("pooled_text") || enc.out().contains("pooledText"), enc.out());
    }

    @Test
    void badRecordsAndAnAugmenterThatCrashesAreQuarantinedAndTheRunGoesOn() throws Exception {
        Path world = TinyWorld.copy(tmp.resolve("world"));
        Path corpus = world.resolve("corpus/text.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(corpus, StandardCharsets.UTF_8));
        lines.set(1, "   ");                       // line 2: white space only
        lines.set(3, "a line with \u0001 a control character");  // line 4
        Files.write(corpus, lines, StandardCharsets.UTF_8);
        Path images = world.resolve("features/image_only.tsv");
        List<String> feats = new ArrayList<>(Files.readAllLines(images, StandardCharsets.UTF_8));
        String[] f = feats.get(2).split("\t");       // line 3: features that are not base64
        f[5] = "not*base64";
        feats.set(2, String.join("\t", f));
        Files.write(images, feats, StandardCharsets.UTF_8);

        Path runDir = tmp.resolve("run");
        String extra = "    data.block-size = 8\n    augment.max-restarts = 1000\n"
                + "    modules = [\"org.unimoj.runtime.pipeline.PretrainDataModule\", \"org.unimoj.runtime.pipeline.NoAugmentationModule\", \"org.unimoj.runtime.pipeline.JointBatchModule\", \"org.unimoj.runtime.pipeline.RetrievalEvaluationModule\", \"org.unimoj.runtime.pretrain.CrashingAugmentationModule\"]\n";
        String body = TinyWorld.config(world, runDir, 12, extra).replace("  seed = 3\n", "  seed = 3\n  data.read-policy = skip\n");
        Run r = unimo("pretrain", "--config", conf("q.conf", body).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("crashing on caption ids ending in 3"), "the configured module replaced the augmentation: " + r.err());

        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertEquals("completed", summary.path("status").asText());
        JsonNode texts = summary.path("streams").path("texts");
        JsonNode imgs = summary.path("streams").path("images");
        JsonNode pairs = summary.path("streams").path("pairs");
        for (JsonNode s : List.of(texts, imgs, pairs)) {
            assertEquals(s.path("in").asLong(), s.path("trained").asLong() + s.path("quarantined").asLong(), "in = trained + quarantined: " + s);
        }
        assertEquals(2, texts.path("quarantined").asLong(), "both bad corpus lines lie in the first block, which training covered");
        assertEquals(1, imgs.path("quarantined").asLong());
        assertEquals(12 * 4, texts.path("trained").asLong());
        assertEquals(12 * 8, pairs.path("trained").asLong());

        List<JsonNode> q = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("quarantine.jsonl"))) {
            q.add(JSON.readTree(line));
        }
        assertTrue(q.stream().anyMatch(n -> n.path("file").asText().endsWith("text.txt") && n.path("line").asLong() == 2 && n.path("field").asText().equals("text")), q.toString());
        assertTrue(q.stream().anyMatch(n -> n.path("file").asText().endsWith("text.txt") && n.path("line").asLong() == 4), q.toString());
        assertTrue(q.stream().anyMatch(n -> n.path("file").asText().endsWith("image_only.tsv") && n.path("line").asLong() == 3
                && n.path("field").asText().equals("features")), q.toString());
        // every caption an augmenter crashed on is quarantined with the exception; those in the trained range are the pairs' gaps
        Pattern slot = Pattern.compile("stream pairs, slot (\\d+),");
        Set<Long> crashedSlots = new TreeSet<>();
        for (JsonNode n : q) {
            if (n.path("field").asText().equals("augment")) {
                assertTrue(n.path("reason").asText().contains(CrashingAugmentationModule.MESSAGE), n.toString());
                assertTrue(n.path("record").asText().matches("caption \\d*3 of image .*"), n.toString());
                Matcher m = slot.matcher(n.path("reason").asText());
                assertTrue(m.find(), n.toString());
                crashedSlots.add(Long.parseLong(m.group(1)));
            }
        }
        long inRange = crashedSlots.stream().filter(s -> s >= pairs.path("from_slot").asLong() && s < pairs.path("to_slot").asLong()).count();
        assertTrue(inRange > 0, "some captions of the trained range end in 3");
        assertEquals(inRange, pairs.path("quarantined").asLong(), "the pairs' gaps are exactly the crashes in range");
        assertTrue(summary.path("augmenters").path("pairs").path("crashed").asLong() >= inRange);
        assertTrue(r.out().contains("augmenters crashed on"), r.out());
    }

    @Test
    void theCompositionIsConfigurationAndShownWithoutRunning() throws Exception {
        Path c = conf("s.conf", "unimo.pretrain.modules = [\"org.unimoj.runtime.pipeline.PretrainDataModule\", \"org.unimoj.runtime.pipeline.NoAugmentationModule\", \"org.unimoj.runtime.pipeline.JointBatchModule\", \"org.unimoj.runtime.pipeline.RetrievalEvaluationModule\", \"org.unimoj.runtime.pretrain.CrashingAugmentationModule\"]\n");
        Run r = unimo("pretrain", "--config", c.toString(), "--show-pipeline");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("unimo.pretrain.modules[4]") && r.out().contains("CrashingAugmentationModule"), r.out());
        String binding = r.out().substring(r.out().indexOf("org.unimoj.runtime.pretrain.augment.PairAugmentation"));
        assertTrue(binding.lines().limit(3).anyMatch(l -> l.contains("CrashingAugmentationModule")), "the later module's binding wins: " + binding);
    }

    @Test
    void resumingWithoutACheckpointOrStartingOverARunIsAUsageError() throws Exception {
        Path runDir = tmp.resolve("empty");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("run.conf"), TinyWorld.config(TinyWorld.get(), runDir, 5, ""));
        Run r = unimo("pretrain", "--resume", runDir.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no checkpoint there yet"), r.err());
        Run none = unimo("pretrain", "--resume", tmp.resolve("nowhere").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("not a pre-training run directory"), none.err());
    }
}
