package org.unimoj.model.tokenizer.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.unimoj.model.tokenizer.BpeVocabulary;
import org.unimoj.model.tokenizer.ByteLevelAlphabet;
import org.unimoj.model.tokenizer.SpecialTokens;

/**
 * Learns byte-level BPE merges from a corpus. Reads the corpus once, streamed, counting
 * pre-tokenized words (memory grows with distinct words, not with the corpus); then merges, most
 * frequent adjacent pair first, until the vocabulary has the asked size. Ties go to the pair with
 * the smaller (left id, right id), so a corpus and a size always give the same files.
 *
 * <p>The vocabulary follows RoBERTa's layout: {@code <s>}=0, {@code <pad>}=1, {@code </s>}=2,
 * {@code <unk>}=3, the 256 bytes at 4..259 (in GPT-2's byte order), the merged tokens in the
 * order they were learned, and {@code <mask>} last.
 */
public final class BpeTrainer {

    /** A trained vocabulary, and whether it reached the asked size. */
    public record Result(BpeVocabulary vocabulary, int askedSize, long words, int distinctWords, long pruneFloor) {
        public boolean reachedSize() {
            return vocabulary.size() == askedSize;
        }
    }

    private final TrainerSettings settings;

    public BpeTrainer(TrainerSettings settings) {
        this.settings = settings;
    }

    /** Trains on the UTF-8 text files {@code corpus}, read in order. */
    public Result train(List<Path> corpus, TrainingProgress progress) {
        long total = 0;
        for (Path p : corpus) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(p + ": cannot read the corpus file (" + e.getMessage() + ")", e);
            }
        }
        WordCounts counts = new WordCounts(settings.maxDistinctWords());
        long[] words = {0};
        long[] before = {0};
        long totalBytes = total;
        for (Path p : corpus) {
            try (InputStream in = Files.newInputStream(p)) {
                long base = before[0];
                long[] reported = {base};
                CorpusReader.read(in, p.toString(), (s, from, to) -> {
                    counts.add(s, from, to);
                    words[0]++;
                }, bytes -> {
                    before[0] = base + bytes;
                    if (before[0] - reported[0] >= (4 << 20)) {
                        reported[0] = before[0];
                        progress.reading(before[0], totalBytes, counts.size());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(p + ": " + e.getMessage(), e);
            }
        }
        progress.reading(totalBytes, totalBytes, counts.size());
        String source = "trained on " + (corpus.size() == 1 ? corpus.get(0).toString() : corpus.size() + " files")
                + " to " + settings.vocabSize();
        return new Result(learn(counts, progress, source), settings.vocabSize(), words[0], counts.size(), counts.pruneFloor());
    }

    /** Trains on in-memory texts (for tests and small jobs); the same result as a file holding them one after another. */
    public Result train(Iterable<String> texts, TrainingProgress progress) {
        WordCounts counts = new WordCounts(settings.maxDistinctWords());
        long words = 0;
        StringBuilder all = new StringBuilder();
        for (String t : texts) {
            all.append(t);
        }
        byte[] bytes = all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long[] n = {0};
        CorpusReader.read(new java.io.ByteArrayInputStream(bytes), "texts", (s, from, to) -> {
            counts.add(s, from, to);
            n[0]++;
        }, b -> { });
        words = n[0];
        return new Result(learn(counts, progress, "trained on texts to " + settings.vocabSize()),
                settings.vocabSize(), words, counts.size(), counts.pruneFloor());
    }

    private BpeVocabulary learn(WordCounts counts, TrainingProgress progress, String source) {
        // The vocabulary: specials, then bytes; merged tokens follow as they are learned.
        List<String> tokens = new ArrayList<>(SpecialTokens.LEADING);
        Map<String, Integer> ids = new HashMap<>();
        for (String s : SpecialTokens.LEADING) {
            ids.put(s, ids.size());
        }
        int[] byteId = new int[256];
        for (int i = 0; i < 256; i++) {
            int b = ByteLevelAlphabet.byteInGpt2Order(i);
            String t = String.valueOf(ByteLevelAlphabet.charOf(b));
            byteId[b] = tokens.size();
            ids.put(t, tokens.size());
            tokens.add(t);
        }

        // Words as arrays of byte-token ids.
        int n = counts.size();
        int[][] sym = new int[n][];
        int[] len = new int[n];
        long[] freq = new long[n];
        int[] w = {0};
        counts.forEach((word, count) -> {
            byte[] b = utf8(word);
            int[] s = new int[b.length];
            for (int i = 0; i < b.length; i++) {
                s[i] = byteId[b[i] & 0xFF];
            }
            sym[w[0]] = s;
            len[w[0]] = s.length;
            freq[w[0]] = count;
            w[0]++;
        });

        PairCounts pairs = new PairCounts();
        Map<Long, IntArray> where = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j + 1 < len[i]; j++) {
                long p = pair(sym[i][j], sym[i][j + 1]);
                pairs.add(p, freq[i]);
                where.computeIfAbsent(p, k -> new IntArray()).add(i);
            }
        }
        PriorityQueue<long[]> queue = new PriorityQueue<>(BpeTrainer::byCountThenPair);
        pairs.forEach((p, c) -> queue.add(new long[] {c, p}));

        List<BpeVocabulary.Merge> merges = new ArrayList<>();
        int target = settings.vocabSize() - 1; // <mask> comes last
        int[] stamp = new int[n];
        int round = 0;
        while (tokens.size() < target && !queue.isEmpty()) {
            long[] top = queue.poll();
            long p = top[1];
            long current = pairs.get(p);
            if (current != top[0]) {
                if (current >= settings.minFrequency()) {
                    queue.add(new long[] {current, p});
                }
                continue;
            }
            if (current < settings.minFrequency()) {
                break;
            }
            int l = (int) (p >>> 32);
            int r = (int) p;
            String merged = tokens.get(l) + tokens.get(r);
            Integer existing = ids.get(merged);
            int x;
            if (existing != null) {
                x = existing; // the same bytes reached by another split: reuse the token, keep the merge
            } else {
                x = tokens.size();
                ids.put(merged, x);
                tokens.add(merged);
            }
            merges.add(new BpeVocabulary.Merge(tokens.get(l), tokens.get(r)));
            round++;
            List<Long> touched = new ArrayList<>();
            IntArray ws = where.remove(p);
            for (int k = 0; ws != null && k < ws.size(); k++) {
                int wi = ws.get(k);
                if (stamp[wi] == round) {
                    continue;
                }
                stamp[wi] = round;
                mergeInWord(sym[wi], len, wi, freq[wi], l, r, x, pairs, where, touched);
            }
            for (long t : touched) {
                long c = pairs.get(t);
                if (c > 0) {
                    queue.add(new long[] {c, t});
                }
            }
            if ((merges.size() & 255) == 0) {
                progress.merging(tokens.size(), settings.vocabSize());
            }
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            vocab.put(tokens.get(i), i);
        }
        vocab.put(SpecialTokens.MASK, tokens.size());
        progress.merging(vocab.size(), settings.vocabSize());
        return BpeVocabulary.of(vocab, merges, List.of(), source);
    }

    /** Replaces every (l, r) in word {@code wi} by x, moving the counts of the pairs around each occurrence. */
    private static void mergeInWord(int[] s, int[] len, int wi, long f, int l, int r, int x, PairCounts pairs,
                                    Map<Long, IntArray> where, List<Long> touched) {
        int n = len[wi];
        int i = 0;
        while (i < n - 1) {
            if (s[i] == l && s[i + 1] == r) {
                if (i > 0) {
                    pairs.add(pair(s[i - 1], l), -f);
                    long np = pair(s[i - 1], x);
                    pairs.add(np, f);
                    where.computeIfAbsent(np, k -> new IntArray()).add(wi);
                    touched.add(np);
                }
                if (i + 2 < n) {
                    pairs.add(pair(r, s[i + 2]), -f);
                    long np = pair(x, s[i + 2]);
                    pairs.add(np, f);
                    where.computeIfAbsent(np, k -> new IntArray()).add(wi);
                    touched.add(np);
                }
                pairs.add(pair(l, r), -f);
                s[i] = x;
                System.arraycopy(s, i + 2, s, i + 1, n - i - 2);
                n--;
            }
            i++;
        }
        len[wi] = n;
    }

    private static int byCountThenPair(long[] a, long[] b) {
        int c = Long.compare(b[0], a[0]);
        return c != 0 ? c : Long.compare(a[1], b[1]);
    }

    private static long pair(int l, int r) {
        return ((long) l << 32) | (r & 0xFFFFFFFFL);
    }

    /** UTF-8 with a lone surrogate as '?', exactly as the tokenizer encodes. */
    private static byte[] utf8(char[] word) {
        return new String(word).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A growable int array. */
    private static final class IntArray {
        private int[] a = new int[4];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return size;
        }
    }

    /** Pair (packed into a long) to count; open addressing. */
    private static final class PairCounts {
        private long[] keys = new long[1 << 12];
        private long[] vals = new long[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;

        private int slot(long k, long[] ks, boolean[] us) {
            int mask = ks.length - 1;
            int s = (int) ((k * 0x9E3779B97F4A7C15L) >>> 33) & mask;
            while (us[s] && ks[s] != k) {
                s = (s + 1) & mask;
            }
            return s;
        }

        long get(long k) {
            int s = slot(k, keys, used);
            return used[s] ? vals[s] : 0;
        }

        void add(long k, long delta) {
            int s = slot(k, keys, used);
            if (!used[s]) {
                used[s] = true;
                keys[s] = k;
                size++;
                if (size * 2 > keys.length) {
                    vals[s] = delta;
                    grow();
                    return;
                }
            }
            vals[s] += delta;
        }

        private void grow() {
            long[] ok = keys;
            long[] ov = vals;
            boolean[] ou = used;
            keys = new long[ok.length * 2];
            vals = new long[ok.length * 2];
            used = new boolean[ok.length * 2];
            for (int i = 0; i < ok.length; i++) {
                if (ou[i]) {
                    int s = slot(ok[i], keys, used);
                    used[s] = true;
                    keys[s] = ok[i];
                    vals[s] = ov[i];
                }
            }
        }

        interface Visitor {
            void pair(long p, long count);
        }

        void forEach(Visitor v) {
            for (int i = 0; i < keys.length; i++) {
                if (used[i] && vals[i] > 0) {
                    v.pair(keys[i], vals[i]);
                }
            }
        }
    }
}
