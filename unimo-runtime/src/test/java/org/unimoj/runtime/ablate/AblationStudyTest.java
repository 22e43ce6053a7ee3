package org.unimoj.runtime.ablate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.data.world.ProgressListener;
import org.unimoj.data.world.WorldGenerator;
import org.unimoj.data.world.WorldSpec;
import org.unimoj.runtime.cli.Unimo;
import org.unimoj.runtime.finetune.PluginDropInTest;

/**
 * {@code unimo ablate} end to end at a tiny size: two variants (in-batch negatives only; with
 * sentence-level rewriting) and one seed, each pre-trained, probed and fine-tuned on SNLI-VE from
 * the plugin's own jar, through the launcher in this JVM; then the same command again resumes
 * (runs nothing and writes the same table).
 */
class AblationStudyTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run unimo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Unimo.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static String studyConfig(Path world, Path out) {
        return "unimo {\n"
                + "  seed = 5\n"
                + "  data.dir = \"" + world + "\"\n"
                + "  pretrain {\n"
                + "    steps = 4\n"
                + "    tokenizer.vocab-size = 300\n"
                + "    model { layers = 1, hidden = 16, heads = 2, init-std = 0.1 }\n"
                + "    batch { pairs = 6, joint = 2, texts = 2, images = 2, positives = 0, negatives = 0, related-images = 0, related-texts = 0 }\n"
                + "    augment { related-images = 0, related-texts = 0 }\n"
                + "    data.block-size = 64\n"
                + "    checkpoint.every = 0\n"
                + "    eval { every = 0, final-max-images = 0, batch = 64 }\n"
                + "  }\n"
                + "  finetune { log-every = 1 }\n"
                + "  ablate {\n"
                + "    out = \"" + out + "\"\n"
                + "    seeds = [7]\n"
                + "    variants = [\n"
                + "      { name = \"in-batch\", about = \"in-batch negatives only\" }\n"
                + "      { name = \"sentence\", about = \"+ sentence rewriting\", augment = [\"sentence\"], compare-to = \"in-batch\",\n"
                + "        set = [\"unimo.pretrain.batch.positives = 1\", \"unimo.pretrain.batch.negatives = 1\"] }\n"
                + "    ]\n"
                + "    downstream = [ { task = \"snli-ve\", label = \"SNLI-VE\", metrics = [\"accuracy\"],\n"
                + "      set = [\"unimo.finetune.max-steps = 2\", \"unimo.finetune.batch-size = 8\"] } ]\n"
                + "    probe.max-images = 12\n"
                + "  }\n"
                + "}\n";
    }

    @Test
    void aTwoVariantOneSeedStudyRunsEndToEndWritesTheTableAndResumes() throws Exception {
        Path world = tmp.resolve("world");
        new WorldGenerator(WorldSpec.defaults(3, 60).withFeatures(16, 6).withThreads(1), world, ProgressListener.NONE).generate();
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(PluginDropInTest.builtJar("snli-ve"), plugins.resolve("snli-ve.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path out = tmp.resolve("study");
        Path conf = tmp.resolve("ablation.conf");
        Files.writeString(conf, studyConfig(world, out));

        Run r = unimo("ablate", "--config", conf.toString(), "--plugins-dir", plugins.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("cell 2/2 sentence seed 7 finished"), r.out());
        for (String f : List.of("table.md", "table.csv", "chart.png", "study.json", "augment/sentence/augment.jsonl", "foils/augment.jsonl")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }

        List<String> columns = List.of("zero-shot IR@1", "zero-shot TR@1", "probe object-swap", "probe attribute-swap", "probe relation-swap",
                "probe word-order", "probe negation", "probe mean", "SNLI-VE accuracy");
        List<String> csv = Files.readAllLines(out.resolve("table.csv"));
        assertEquals(1 + 2 * columns.size(), csv.size(), String.join("\n", csv));
        for (int v = 0; v < 2; v++) {
            for (int c = 0; c < columns.size(); c++) {
                String line = csv.get(1 + v * columns.size() + c);
                String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                assertEquals(List.of("in-batch", "sentence").get(v), f[0], line);
                assertEquals(columns.get(c), f[1].replace("\"", ""), line);
                assertEquals("1", f[2], line);
                double mean = Double.parseDouble(f[3]);
                assertTrue(mean >= 0 && mean <= 1, line);
                assertEquals(v == 0 ? "" : "in-batch", f[6], line);
                if (v == 1) {
                    // one seed: a paired difference but no interval, so never marked
                    assertEquals("false", f[11], line);
                    assertEquals("1", f[10], line);
                }
            }
        }
        String md = Files.readString(out.resolve("table.md"));
        assertTrue(md.contains("| in-batch | 1 |") && md.contains("| sentence | 1 |") && md.contains("| sentence | in-batch |"), md);
        assertTrue(md.contains("bin/unimo ablate --config " + conf), md);
        var png = ImageIO.read(out.resolve("chart.png").toFile());
        assertEquals(3 * 460, png.getWidth());
        assertEquals(40 + 3 * 330, png.getHeight(), "nine columns in rows of three");

        JsonNode study = new ObjectMapper().readTree(out.resolve("study.json").toFile());
        assertEquals(2, study.get("cells").size());
        for (JsonNode cell : study.get("cells")) {
            assertEquals("", cell.get("error").asText());
            assertEquals(columns.size(), cell.get("metrics").size(), cell.toString());
            for (String step : List.of("pretrain", "probe", "SNLI-VE")) {
                assertTrue(cell.get("seconds").get(step).asDouble() > 0, step + " " + cell);
            }
        }
        // the sentence variant trained with its rewritten positives and negatives, the in-batch one without
        assertTrue(Files.readString(out.resolve("cells/in-batch/seed-7/pretrain/run.conf")).contains("NoAugmentationModule"));
        assertTrue(Files.readString(out.resolve("cells/sentence/seed-7/pretrain/run.conf")).contains("OfflineAugmentationModule"));

        byte[] before = Files.readAllBytes(out.resolve("table.csv"));
        Run again = unimo("ablate", "--config", conf.toString(), "--plugins-dir", plugins.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("2 of 2 cells finished by an earlier run; 0 to run"), again.out());
        assertTrue(Arrays.equals(before, Files.readAllBytes(out.resolve("table.csv"))), "the same table from the finished cells");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(out.resolve("chart.png")), 4));
    }

    @Test
    void badStudySettingsAreOneLineErrorsNamingTheKey() throws IOException {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "unimo.ablate.variants = [\n  { name = \"a\" }\n  { name = \"b\", compare-to = \"c\" }\n]\n");
        Run r = unimo("ablate", "--config", conf.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unimo.ablate.variants[1].compare-to") && r.err().contains("bad.conf:3")
                && r.err().contains("'c' is not a variant listed before it"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Files.writeString(conf, "unimo.ablate.variants = [ { name = \"Bad Name\" } ]\n");
        r = unimo("ablate", "--config", conf.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("variants[0].name") && r.err().contains("'Bad Name' is not an id"), r.err());

        Files.writeString(conf, "unimo.ablate { seeds = [1, 1], variants = [ { name = \"a\" } ] }\n");
        r = unimo("ablate", "--config", conf.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unimo.ablate.seeds") && r.err().contains("all different"), r.err());

        r = unimo("ablate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--config is required"), r.err());
    }
}
