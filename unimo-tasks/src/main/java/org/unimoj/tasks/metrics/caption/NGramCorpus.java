package org.unimoj.tasks.metrics.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.tasks.metrics.text.PythonText;

/**
 * The 1..n-gram counts of a scored corpus (candidates and references), as pycocoevalcap's
 * {@code precook} counts them after splitting on whitespace, with every distinct n-gram interned to an
 * int id so that BLEU and CIDEr-D work on sorted int arrays instead of string-keyed maps. An n-gram's id
 * is the id of its (n-1)-gram prefix combined with its last word, so equal n-grams get equal ids.
 */
final class NGramCorpus {

    /** The n-grams of one sentence: per order, the distinct ids ascending and their counts. */
    static final class Sentence {
        final int length;
        final int[][] ids;
        final int[][] counts;

        Sentence(int length, int[][] ids, int[][] counts) {
            this.length = length;
            this.ids = ids;
            this.counts = counts;
        }
    }

    final int n;
    /** Candidate ids in iteration order. */
    final List<String> imageIds;
    final Sentence[] tests;
    final Sentence[][] refs;
    /** How many distinct n-grams (of all orders) there are; ids are 0..grams-1. */
    final int grams;

    NGramCorpus(Map<String, List<String>> references, Map<String, String> candidates, int n) {
        CaptionInput.check(references, candidates);
        this.n = n;
        Map<String, Integer> vocabulary = new HashMap<>();
        LongIntMap gramIds = new LongIntMap(1 << 16);
        imageIds = new ArrayList<>(candidates.keySet());
        tests = new Sentence[imageIds.size()];
        refs = new Sentence[imageIds.size()][];
        for (int i = 0; i < imageIds.size(); i++) {
            String id = imageIds.get(i);
            tests[i] = encode(candidates.get(id), vocabulary, gramIds);
            List<String> rs = references.get(id);
            refs[i] = new Sentence[rs.size()];
            for (int r = 0; r < rs.size(); r++) {
                refs[i][r] = encode(rs.get(r), vocabulary, gramIds);
            }
        }
        grams = gramIds.size();
    }

    private Sentence encode(String sentence, Map<String, Integer> vocabulary, LongIntMap gramIds) {
        List<String> words = PythonText.split(sentence);
        int len = words.size();
        int[] tokens = new int[len];
        for (int i = 0; i < len; i++) {
            Integer id = vocabulary.get(words.get(i));
            if (id == null) {
                id = vocabulary.size();
                vocabulary.put(words.get(i), id);
            }
            tokens[i] = id;
        }
        int[][] ids = new int[n][];
        int[][] counts = new int[n][];
        int[] prev = null;
        for (int k = 1; k <= n; k++) {
            int m = Math.max(0, len - k + 1);
            int[] cur = new int[m];
            for (int i = 0; i < m; i++) {
                long prefix = k == 1 ? 0 : prev[i] + 1L;
                long key = (prefix << 32) | tokens[i + k - 1];
                cur[i] = gramIds.putIfAbsent(key, gramIds.size());
            }
            int[] sorted = cur.clone();
            Arrays.sort(sorted);
            int distinct = 0;
            int[] d = new int[m];
            int[] c = new int[m];
            for (int i = 0; i < m; i++) {
                if (distinct > 0 && d[distinct - 1] == sorted[i]) {
                    c[distinct - 1]++;
                } else {
                    d[distinct] = sorted[i];
                    c[distinct] = 1;
                    distinct++;
                }
            }
            ids[k - 1] = Arrays.copyOf(d, distinct);
            counts[k - 1] = Arrays.copyOf(c, distinct);
            prev = cur;
        }
        return new Sentence(len, ids, counts);
    }
}
