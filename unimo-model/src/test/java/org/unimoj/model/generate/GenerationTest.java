package org.unimoj.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.model.testing.ToyBatches;

class GenerationTest {

    private static final int EOS = 2;

    private static UnimoPretrainModel model(long seed) {
        UnimoConfig c = ToyBatches.tinyConfig().withMaxPositions(24);
        return UnimoPretrainModel.create(c, DataType.DOUBLE, seed);
    }

    private static List<ModelInput> prompts(UnimoConfig c) {
        return List.of(
                new ModelInput(new int[] {0, 11, 12, 2}, 4, null, AttentionKind.SEQ2SEQ),
                new ModelInput(new int[] {0}, 1, ToyBatches.image("a", 3, c.featureDim(), 5), AttentionKind.CAPTION),
                new ModelInput(new int[] {0, 7, 2, 9, 9}, 3, ToyBatches.image("b", 2, c.featureDim(), 6), AttentionKind.SEQ2SEQ));
    }

    @Test
    void beamOfOneIsGreedy() {
        for (long seed = 1; seed <= 3; seed++) {
            UnimoPretrainModel m = model(seed);
            List<ModelInput> in = prompts(m.config());
            GenerationSettings s = new GenerationSettings(1, 0.6, 2, 12, true);
            List<Hypothesis> greedy = GreedySearch.search(new CachedDecoder(m.encoder(), m.lmHead()), in, s, EOS);
            List<Hypothesis> beam = BeamSearch.search(new CachedDecoder(m.encoder(), m.lmHead()), in, s, EOS);
            for (int i = 0; i < in.size(); i++) {
                assertArrayEquals(greedy.get(i).tokens(), beam.get(i).tokens(), "seed " + seed + " input " + i);
                assertEquals(greedy.get(i).logProbability(), beam.get(i).logProbability(), 1e-9);
                assertTrue(greedy.get(i).tokens().length >= 1);
            }
        }
    }

    @Test
    void theCacheGivesTheSameSearchAsRecomputing() {
        UnimoPretrainModel m = model(4);
        List<ModelInput> in = prompts(m.config());
        for (GenerationSettings s : List.of(new GenerationSettings(3, 0.6, 0, 10, false), new GenerationSettings(4, 1.0, 3, 9, true))) {
            List<Hypothesis> cached = BeamSearch.search(new CachedDecoder(m.encoder(), m.lmHead()), in, s, EOS);
            List<Hypothesis> recomputed = BeamSearch.search(new RecomputingDecoder(m.encoder(), m.lmHead()), in, s, EOS);
            for (int i = 0; i < in.size(); i++) {
                assertArrayEquals(recomputed.get(i).tokens(), cached.get(i).tokens(), "input " + i);
                assertEquals(recomputed.get(i).score(), cached.get(i).score(), 1e-9);
            }
        }
        GenerationSettings g = new GenerationSettings(1, 0.0, 0, 10, false);
        List<Hypothesis> a = GreedySearch.search(new CachedDecoder(m.encoder(), m.lmHead()), in, g, EOS);
        List<Hypothesis> b = GreedySearch.search(new RecomputingDecoder(m.encoder(), m.lmHead()), in, g, EOS);
        for (int i = 0; i < in.size(); i++) {
            assertArrayEquals(b.get(i).tokens(), a.get(i).tokens());
            assertEquals(b.get(i).logProbability(), a.get(i).logProbability(), 1e-9);
        }
    }

    @Test
    void batchingDoesNotChangeResults() {
        UnimoPretrainModel m = model(5);
        List<ModelInput> in = prompts(m.config());
        GenerationSettings s = new GenerationSettings(3, 0.6, 1, 8, true);
        Generator gen = new Generator(m.encoder(), m.lmHead(), EOS);
        List<Hypothesis> together = gen.generate(in, s);
        for (int i = 0; i < in.size(); i++) {
            Hypothesis alone = gen.generate(List.of(in.get(i)), s).get(0);
            assertArrayEquals(alone.tokens(), together.get(i).tokens());
            assertEquals(alone.score(), together.get(i).score(), 1e-9);
        }
    }

    @Test
    void minimumLengthEndOfSequenceAndTrigramBlocking() {
        UnimoPretrainModel m = model(6);
        List<ModelInput> in = prompts(m.config());
        // make end-of-sequence the most likely token everywhere
        m.lmHead().decoder().bias().value().putScalar(EOS, 50.0);
        List<Hypothesis> out = new Generator(m.encoder(), m.lmHead(), EOS).generate(in, new GenerationSettings(3, 0.6, 4, 10, false));
        for (Hypothesis h : out) {
            assertEquals(5, h.tokens().length, "4 tokens, then end-of-sequence as soon as allowed");
            assertEquals(EOS, h.tokens()[4]);
        }
        // and a token that always wins: without blocking it repeats, with blocking no trigram repeats
        m.lmHead().decoder().bias().value().putScalar(EOS, -50.0);
        m.lmHead().decoder().bias().value().putScalar(13, 40.0);
        Hypothesis loop = new Generator(m.encoder(), m.lmHead(), EOS).generate(in, new GenerationSettings(2, 0.6, 0, 10, false)).get(0);
        assertArrayEquals(new int[] {13, 13, 13, 13, 13, 13, 13, 13, 13, 13}, loop.tokens());
        for (int beam : new int[] {1, 3}) {
            for (Hypothesis h : new Generator(m.encoder(), m.lmHead(), EOS).generate(in, new GenerationSettings(beam, 0.6, 0, 10, true))) {
                Set<String> seen = new HashSet<>();
                int[] t = h.tokens();
                for (int i = 0; i + 2 < t.length; i++) {
                    assertTrue(seen.add(t[i] + "," + t[i + 1] + "," + t[i + 2]), "repeated trigram in " + java.util.Arrays.toString(t));
                }
                assertEquals(10, t.length);
            }
        }
    }

    @Test
    void lengthPenaltyIsGnmts() {
        assertEquals(1.0, Hypothesis.lengthPenalty(1, 0.6), 1e-12);
        assertEquals(Math.pow(15.0 / 6.0, 0.6), Hypothesis.lengthPenalty(10, 0.6), 1e-12);
        assertEquals(1.0, Hypothesis.lengthPenalty(10, 0.0), 1e-12);
        assertFalse(Hypothesis.lengthPenalty(10, 1.0) < Hypothesis.lengthPenalty(5, 1.0));
    }
}
