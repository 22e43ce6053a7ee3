package org.unimoj.runtime.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.augment.job.AugmentedPair;
import org.unimoj.augment.job.AugmentedPairReader;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.runtime.cli.Unimo;
import org.unimoj.runtime.pretrain.augment.Encoders;
import org.unimoj.runtime.pretrain.augment.OfflinePairs;
import org.unimoj.runtime.pretrain.augment.OnTheFlyPairs;
import org.unimoj.runtime.pretrain.data.DataFiles;
import org.unimoj.runtime.pretrain.data.PairRecord;
import org.unimoj.runtime.train.SlotTransform;

/**
 * The two augmentation modules on the tiny world: the offline one (runs the job when its file is
 * missing, then hands each pair the job's rewrites and related images and texts) and the on-the-fly
 * one (the augmenters call the rewriters per pair); both in a whole run, feeding CMCL groups.
 */
class PretrainAugmentationTest {

    @TempDir
    Path tmp;

    static final String EXTRA = "    batch { positives = 2, negatives = 3, related-images = 1, related-texts = 1 }\n";

    /** The settings, files, tokenizer and model configuration a run on the tiny world settles before its pipeline. */
    private PretrainContext context(String extra, StringWriter log) {
        Path runDir = tmp.resolve("ctx");
        Config c = ConfigFactory.parseString(TinyWorld.config(TinyWorld.get(), runDir, 4, EXTRA + extra))
                .withFallback(ConfigFactory.defaultReference()).resolve();
        PretrainSettings s = PretrainSettings.from(c);
        Preparation prep = new Preparation(s, new PrintWriter(log));
        DataFiles files = DataFiles.of(s).requireExisting();
        ByteLevelBpeTokenizer tok = prep.tokenizer(files, runDir.resolve("tokenizer"));
        int[] shape = Preparation.featureShape(files.pairFeatures());
        UnimoConfig model = prep.modelConfig(tok, shape[0], shape[1]);
        return new PretrainContext(s, files, tok, runDir.resolve("tokenizer"), model, Quarantine.toFile(runDir.resolve("q.jsonl")), new PrintWriter(log, true));
    }

    /** The pairs of the tiny world's train split, joined with their features. */
    private static List<PairRecord> pairs(PretrainContext c, int n) {
        List<PairRecord> out = new ArrayList<>();
        try (FeatureStore f = FeatureStore.open(c.files().pairFeatures());
             var r = org.unimoj.data.captions.KarpathyJsonReader.open(c.files().captions(), ReadOptions.failFast())) {
            while (r.hasNext() && out.size() < n) {
                var img = r.next();
                if (img.split() == org.unimoj.api.data.Split.TRAIN) {
                    for (Caption cap : img.captions()) {
                        out.add(new PairRecord(cap, f.get(cap.imageId())));
                    }
                }
            }
        }
        return out.subList(0, Math.min(n, out.size()));
    }

    private static boolean sameIds(int[] ids, List<String> texts, Encoders enc) {
        return texts.stream().anyMatch(t -> Arrays.equals(ids, enc.text(t)));
    }

    @Test
    void theOfflineModuleRunsTheJobWhenItsFileIsMissingAndHandsEachPairTheJobsMaterial() throws Exception {
        Path file = tmp.resolve("augmented/augment.jsonl");
        StringWriter log = new StringWriter();
        PretrainContext c = context("    augment.offline.file = \"" + file + "\"\n", log);
        Encoders enc = c.encoders();
        java.util.Map<String, AugmentedPair> job = new java.util.HashMap<>();
        List<PairRecord> records;
        try (OfflinePairs offline = new OfflinePairs(c)) {
            assertTrue(Files.isRegularFile(file), "the job wrote its file where the run expected it: " + log);
            assertTrue(log.toString().contains("running the augmentation job first"), log.toString());
            try (AugmentedPairReader r = AugmentedPairReader.open(file, ReadOptions.failFast())) {
                r.forEachRemaining(p -> job.put(p.captionId(), p));
            }
            assertEquals(job.size(), offline.size());
            records = pairs(c, 200);
            SlotTransform<PairRecord, PretrainExample> t = offline.newTransform(enc);
            int withPos = 0;
            int withNeg = 0;
            int withImg = 0;
            int withText = 0;
            for (PairRecord r : records) {
                AugmentedPair a = job.get(r.caption().id());
                PretrainExample.Pair p = (PretrainExample.Pair) t.apply(r, 0, new SplittableRandom(5));
                assertArrayEquals(enc.text(r.caption().text()), p.ids());
                List<String> pos = a.positives().stream().map(Rewrite::text).toList();
                List<String> neg = a.negatives().stream().map(Rewrite::text).toList();
                assertEquals(Math.min(2, pos.size()), p.positives().size());
                assertEquals(Math.min(3, neg.size()), p.negatives().size());
                p.positives().forEach(ids -> assertTrue(sameIds(ids, pos, enc), "a positive of the job's: " + a));
                p.negatives().forEach(ids -> assertTrue(sameIds(ids, neg, enc), "a negative of the job's: " + a));
                assertEquals(Math.min(1, a.relatedImages().size()), p.relatedImages().size());
                if (!p.relatedImages().isEmpty()) {
                    assertEquals(a.relatedImages().get(0).imageId(), p.relatedImages().get(0).imageId(), "the best related image");
                }
                assertEquals(Math.min(1, a.relatedTexts().size()), p.relatedTexts().size());
                if (!p.relatedTexts().isEmpty()) {
                    assertArrayEquals(enc.text(a.relatedTexts().get(0).text()), p.relatedTexts().get(0), "the best related text");
                }
                // the draw is the slot generator's: the same generator, the same example
                PretrainExample.Pair again = (PretrainExample.Pair) t.apply(r, 0, new SplittableRandom(5));
                assertEquals(p.negatives().stream().map(Arrays::toString).toList(), again.negatives().stream().map(Arrays::toString).toList());
                withPos += p.positives().isEmpty() ? 0 : 1;
                withNeg += p.negatives().isEmpty() ? 0 : 1;
                withImg += p.relatedImages().isEmpty() ? 0 : 1;
                withText += p.relatedTexts().isEmpty() ? 0 : 1;
            }
            assertTrue(withPos > records.size() / 2 && withNeg > records.size() * 9 / 10 && withImg > 0 && withText > records.size() / 2,
                    "the job found material for most pairs: " + withPos + " " + withNeg + " " + withImg + " " + withText + " of " + records.size());

            PairRecord r0 = records.get(0);
            PairRecord other = new PairRecord(new Caption(r0.caption().id(), r0.caption().imageId(), "A text the job never saw."), r0.image());
            Exception e = assertThrows(IllegalArgumentException.class, () -> t.apply(other, 0, new SplittableRandom(1)));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(r0.caption().id()), e.getMessage());
        }
        // a second run reads the file the first one made, without running the job
        StringWriter log2 = new StringWriter();
        try (OfflinePairs again = new OfflinePairs(context("    augment.offline.file = \"" + file + "\"\n", log2))) {
            assertFalse(log2.toString().contains("running the augmentation job"), log2.toString());
            assertEquals(job.size(), again.size());
        }
    }

    @Test
    void theOnTheFlyModuleCallsTheRewritersPerPair() throws Exception {
        StringWriter log = new StringWriter();
        PretrainContext c = context("    augment.rewriters = [\"object-swap\", \"drop-attribute\", \"negation\"]\n", log);
        Encoders enc = c.encoders();
        try (OnTheFlyPairs fly = new OnTheFlyPairs(c)) {
            assertTrue(fly.describe().contains("object-swap, drop-attribute, negation"), fly.describe());
            assertTrue(log.toString().contains("ground-truth scenes"), log.toString());
            SlotTransform<PairRecord, PretrainExample> t = fly.newTransform(enc);
            List<PairRecord> records = pairs(c, 200);
            int withNeg = 0;
            int withPos = 0;
            int withImg = 0;
            int withText = 0;
            int negatives = 0;
            int sameAsCaption = 0;
            for (PairRecord r : records) {
                PretrainExample.Pair p = (PretrainExample.Pair) t.apply(r, 0, new SplittableRandom(9));
                assertTrue(p.negatives().size() <= 3 && p.positives().size() <= 2 && p.relatedImages().size() <= 1 && p.relatedTexts().size() <= 1);
                for (int[] n : p.negatives()) {
                    // a rewrite past the model's text length can encode as its caption does; rare
                    sameAsCaption += Arrays.equals(n, p.ids()) ? 1 : 0;
                    negatives++;
                }
                PretrainExample.Pair again = (PretrainExample.Pair) t.apply(r, 0, new SplittableRandom(9));
                assertEquals(p.negatives().stream().map(Arrays::toString).toList(), again.negatives().stream().map(Arrays::toString).toList(),
                        "the same slot generator, the same rewrites");
                p.relatedImages().forEach(img -> assertFalse(img.imageId().equals(r.image().imageId())));
                withNeg += p.negatives().isEmpty() ? 0 : 1;
                withPos += p.positives().isEmpty() ? 0 : 1;
                withImg += p.relatedImages().isEmpty() ? 0 : 1;
                withText += p.relatedTexts().isEmpty() ? 0 : 1;
            }
            // object-swap applies to every caption with an object; drop-attribute to those with an adjective
            assertTrue(withNeg > records.size() * 9 / 10 && withPos > 0 && withImg > 0 && withText > records.size() / 2,
                    withNeg + " " + withPos + " " + withImg + " " + withText + " of " + records.size());
            assertTrue(sameAsCaption * 20 < negatives, sameAsCaption + " of " + negatives + " hard negatives read as their caption");
        }
    }

    @Test
    void bothModulesFeedTheBatchersCmclGroupsInARun() throws Exception {
        for (String module : List.of("OfflineAugmentationModule", "OnTheFlyAugmentationModule")) {
            Path runDir = tmp.resolve("run-" + module);
            String extra = EXTRA + "    augment.offline.file = \"" + tmp.resolve("run-aug/augment.jsonl") + "\"\n"
                    + "    modules = [\"org.unimoj.runtime.pipeline.PretrainDataModule\", \"org.unimoj.runtime.pipeline." + module
                    + "\", \"org.unimoj.runtime.pipeline.JointBatchModule\", \"org.unimoj.runtime.pipeline.RetrievalEvaluationModule\"]\n";
            Path conf = tmp.resolve(module + ".conf");
            Files.writeString(conf, TinyWorld.config(TinyWorld.get(), runDir, 4, extra));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Unimo.execute(new String[] {"pretrain", "--config", conf.toString()}, new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, err.toString());
            assertTrue(err.toString().contains(module.startsWith("Offline") ? "augmentation offline: " : "augmentation on the fly: "), err.toString());
            JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
            assertEquals("completed", summary.path("status").asText());
            JsonNode pairs = summary.path("streams").path("pairs");
            assertEquals(pairs.path("in").asLong(), pairs.path("trained").asLong() + pairs.path("quarantined").asLong());
            assertEquals(0, pairs.path("quarantined").asLong(), module + ": every pair augmented");
        }
    }

    /** The batcher turns a pair's material into CMCL references: its positives and related ones on the positive side, hard negatives on the negative. */
    @Test
    void aPairsMaterialBecomesItsCmclGroups() {
        StringWriter log = new StringWriter();
        PretrainContext c = context("", log);
        Encoders enc = c.encoders();
        List<PairRecord> records = pairs(c, 20);
        List<PretrainExample> ex = new ArrayList<>();
        RegionFeatures related = records.get(9).image();
        for (int i = 0; i < 3; i++) {
            PairRecord r = records.get(i * 5);   // three different images
            ex.add(new PretrainExample.Pair(r.caption().id(), r.image(), enc.text(r.caption().text()), List.of(enc.text("a positive")),
                    List.of(enc.text("a negative"), enc.text("another negative")), List.of(related), List.of(enc.text("a related sentence"))));
        }
        var assembler = new org.unimoj.runtime.pretrain.batch.JointBatchAssembler(c.settings().batch(), c.model(), c.tokenizer().maskId(), 1);
        var batch = assembler.assemble(0, java.util.Map.of(org.unimoj.runtime.pretrain.data.PretrainSources.PAIRS, ex)).batch();
        var groups = batch.cmcl();
        assertEquals(6, groups.size());
        // 3 images + 3 captions + per pair (1 positive + 2 negatives (3 allowed) + 1 related image + 1 related text) + 3 joint (MLM+MRM)
        assertEquals(3 + 3 + 3 * 5 + 3, batch.input().batchSize());
        // caption 0 against images: its image and its related image are positives, the two other images negatives
        assertEquals(2, groups.get(0).positives().size());
        assertEquals(2, groups.get(0).negatives().size());
        // image 0 against captions: its caption, its positive rewrite and its related text; negatives: 2 other captions, their
        // 2 positive rewrites (a rewrite is a negative of every other image, as its caption is) + all 6 hard negatives
        assertEquals(3, groups.get(1).positives().size());
        assertEquals(2 + 2 + 6, groups.get(1).negatives().size());
        int ownPositive = groups.get(1).positives().get(1).text();
        for (int g = 3; g < 6; g += 2) {
            assertTrue(groups.get(g).negatives().stream().anyMatch(r -> r.text() == ownPositive), "pair 0's rewrite is a negative of image " + g / 2);
        }

        // without CMCL (the ablation's "no-cmcl" variant) the same pairs feed only the joint objectives: no groups, no single-modal inputs
        PretrainSettings.Batch b = c.settings().batch();
        var noCmcl = new PretrainSettings.Batch(b.pairs(), b.joint(), b.captioning(), b.texts(), b.images(), b.positives(), b.negatives(),
                b.relatedImages(), b.relatedTexts(), b.mlmProbability(), b.mrmProbability(), false);
        var plain = new org.unimoj.runtime.pretrain.batch.JointBatchAssembler(noCmcl, c.model(), c.tokenizer().maskId(), 1)
                .assemble(0, java.util.Map.of(org.unimoj.runtime.pretrain.data.PretrainSources.PAIRS, ex)).batch();
        assertEquals(null, plain.cmcl());
        assertEquals(3, plain.input().batchSize(), "the 3 joint (MLM + MRM) inputs only");
        assertEquals(b.joint() + b.captioning() + b.texts() + b.images(), noCmcl.maxExamples());
        assertTrue(b.maxExamples() > noCmcl.maxExamples());
    }
}
