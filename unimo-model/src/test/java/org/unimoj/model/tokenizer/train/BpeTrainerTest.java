package org.unimoj.model.tokenizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.unimoj.model.tokenizer.BpeVocabulary;
import org.unimoj.model.tokenizer.ByteLevelAlphabet;
import org.unimoj.model.tokenizer.Gpt2PreTokenizer;
import org.unimoj.model.tokenizer.sample.VariedText;

/** The incremental trainer learns the merges a naive one (recount every pair, every round) learns. */
class BpeTrainerTest {

    private static String sample(int bytes) {
        Path flickr = Path.of(System.getProperty("unimo.root", ".")).resolve("../shared/data/flickr8k/Flickr8k.token.txt");
        return VariedText.generate(5L, VariedText.flickr8kCaptions(flickr), bytes);
    }

    @Test
    void learnsTheSameMergesAsANaiveTrainer() {
        String text = sample(40_000);
        int size = 900;
        for (int minFrequency : new int[] {1, 2}) {
            BpeVocabulary v = new BpeTrainer(TrainerSettings.of(size).withMinFrequency(minFrequency))
                    .train(List.of(text), TrainingProgress.NONE).vocabulary();
            assertEquals(naiveMerges(text, size, minFrequency), v.merges(), "min frequency " + minFrequency);
        }
    }

    /** The specification, spelled out: words as token lists, every round recount all pairs, merge the best everywhere. */
    private static List<BpeVocabulary.Merge> naiveMerges(String text, int size, int minFrequency) {
        Map<String, Long> counts = new HashMap<>();
        for (String w : Gpt2PreTokenizer.split(text)) {
            counts.merge(w, 1L, Long::sum);
        }
        List<String> tokens = new ArrayList<>(List.of("<s>", "<pad>", "</s>", "<unk>"));
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            ids.put(tokens.get(i), i);
        }
        for (int i = 0; i < 256; i++) {
            String t = String.valueOf(ByteLevelAlphabet.charOf(ByteLevelAlphabet.byteInGpt2Order(i)));
            ids.put(t, tokens.size());
            tokens.add(t);
        }
        List<List<Integer>> words = new ArrayList<>();
        List<Long> freq = new ArrayList<>();
        counts.forEach((w, c) -> {
            List<Integer> s = new ArrayList<>();
            for (byte b : w.getBytes(StandardCharsets.UTF_8)) {
                s.add(ids.get(String.valueOf(ByteLevelAlphabet.charOf(b & 0xFF))));
            }
            words.add(s);
            freq.add(c);
        });
        List<BpeVocabulary.Merge> merges = new ArrayList<>();
        while (tokens.size() < size - 1) {
            TreeMap<List<Integer>, Long> pairs = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                    ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
            for (int w = 0; w < words.size(); w++) {
                List<Integer> s = words.get(w);
                for (int i = 0; i + 1 < s.size(); i++) {
                    pairs.merge(List.of(s.get(i), s.get(i + 1)), freq.get(w), Long::sum);
                }
            }
            List<Integer> best = null;
            long bestCount = 0;
            for (Map.Entry<List<Integer>, Long> e : pairs.entrySet()) { // ascending pairs: the first of equal counts wins
                if (e.getValue() > bestCount) {
                    bestCount = e.getValue();
                    best = e.getKey();
                }
            }
            if (best == null || bestCount < minFrequency) {
                break;
            }
            int l = best.get(0);
            int r = best.get(1);
            String merged = tokens.get(l) + tokens.get(r);
            int x = ids.computeIfAbsent(merged, k -> {
                tokens.add(k);
                return tokens.size() - 1;
            });
            merges.add(new BpeVocabulary.Merge(tokens.get(l), tokens.get(r)));
            for (List<Integer> s : words) {
                for (int i = 0; i + 1 < s.size(); i++) {
                    if (s.get(i) == l && s.get(i + 1) == r) {
                        s.set(i, x);
                        s.remove(i + 1);
                    }
                }
            }
        }
        return merges;
    }

    @Test
    void pruningBoundsTheWordTableAndStaysDeterministic() {
        String text = sample(300_000);
        TrainerSettings small = TrainerSettings.of(1000).withMaxDistinctWords(1000);
        BpeTrainer.Result a = new BpeTrainer(small).train(List.of(text), TrainingProgress.NONE);
        BpeTrainer.Result b = new BpeTrainer(small).train(List.of(text), TrainingProgress.NONE);
        assertTrue(a.distinctWords() <= 1000, "distinct words " + a.distinctWords());
        assertTrue(a.pruneFloor() >= 2);
        assertEquals(a.vocabulary().merges(), b.vocabulary().merges());
        BpeTrainer.Result unpruned = new BpeTrainer(TrainerSettings.of(1000)).train(List.of(text), TrainingProgress.NONE);
        assertEquals(1, unpruned.pruneFloor());
        assertTrue(unpruned.distinctWords() > 1000);
    }

    @Test
    void tooSmallACorpusGivesASmallerVocabularyAndSaysSo() {
        BpeTrainer.Result r = new BpeTrainer(TrainerSettings.of(1000)).train(List.of("a cat, a cat, a dog"), TrainingProgress.NONE);
        assertFalse(r.reachedSize());
        assertTrue(r.vocabulary().size() < 1000);
        assertEquals(r.vocabulary().size() - 1, r.vocabulary().specials().mask());
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.of(260));
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.of(1000).withMinFrequency(0));
    }
}
