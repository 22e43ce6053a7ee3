package org.unimoj.tasks.metrics.meteor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * METEOR 1.5's aligner with its exact, stem (Snowball English) and synonym modules: every candidate
 * word match is found, one-to-one matches that overlap nothing are fixed, and a left-to-right beam
 * search (beam 40) over the reference picks the alignment with the most matched words, then the fewest
 * chunks, then the smallest total position distance.
 *
 * <p>Reproduced details of the reference: the search weighs exact matches 1 and stem/synonym matches
 * 0.5 but keeps the weighted totals in integers (so a single non-exact match adds nothing to them);
 * the distance of a newly chosen match is added to the path that skips it, not to the path that takes
 * it; identical sentences are aligned with the exact module only.
 */
final class MeteorAligner {

    static final int EXACT = 0;
    static final int STEM = 1;
    static final int SYNONYM = 2;
    static final int MODULES = 3;

    private static final int BEAM = 40;
    /** METEOR's scorer resets the aligner's weights to these before aligning. */
    private static final double[] SEARCH_WEIGHTS = {1.0, 0.5, 0.5};

    private static final Comparator<Path> BEST_FIRST = (x, y) -> {
        int matchDiff = (y.matches1 + y.matches2) - (x.matches1 + x.matches2);
        if (matchDiff > 0) {
            return 1;
        }
        if (matchDiff < 0) {
            return -1;
        }
        int chunkDiff = x.chunks - y.chunks;
        if (chunkDiff != 0) {
            return chunkDiff;
        }
        return x.distance - y.distance;
    };

    private final MeteorSynonyms synonyms;
    private final Map<String, String> stems = new ConcurrentHashMap<>();
    private final ThreadLocal<EnglishStemmer> stemmer = ThreadLocal.withInitial(EnglishStemmer::new);

    MeteorAligner(MeteorSynonyms synonyms) {
        this.synonyms = synonyms;
    }

    /** One word match: reference words {@code [start, start+length)} to test words {@code [matchStart, ...)}. */
    record Match(int start, int length, int matchStart, int matchLength, int module) {
    }

    /** The chosen alignment of a test sentence (words1) to a reference (words2). */
    record Alignment(Words test, Words ref, Match[] matches, int chunks) {
    }

    /**
     * A sentence's words with what the matchers compare: stems and synsets, looked up once. A test
     * sentence of at most 64 words also gets an index from synset to the positions holding it, so its
     * synonym matches against each reference take one pass over the reference's synsets.
     */
    record Words(String[] words, String[] stems, int[][] synsets, SynsetPositions index) {
        int size() {
            return words.length;
        }
    }

    /** Words of a reference. */
    Words words(List<String> words) {
        return words(words, false);
    }

    /** Words of a test sentence, indexed by synset when short enough. */
    Words testWords(List<String> words) {
        return words(words, true);
    }

    private Words words(List<String> words, boolean indexed) {
        String[] w = words.toArray(new String[0]);
        String[] st = new String[w.length];
        int[][] syn = new int[w.length][];
        for (int i = 0; i < w.length; i++) {
            st[i] = stem(w[i]);
            syn[i] = synonyms.synsets(w[i]);
        }
        return new Words(w, st, syn, indexed && w.length <= 64 ? new SynsetPositions(syn) : null);
    }

    /** Synset id to the bit mask of the positions (below 64) whose word has it; open addressing. */
    static final class SynsetPositions {
        private final int[] keys;
        private final long[] masks;
        private final boolean[] used;

        SynsetPositions(int[][] synsets) {
            int total = 0;
            for (int[] s : synsets) {
                total += s.length;
            }
            int cap = Integer.highestOneBit(Math.max(4, total * 2)) << 1;
            keys = new int[cap];
            masks = new long[cap];
            used = new boolean[cap];
            for (int pos = 0; pos < synsets.length; pos++) {
                for (int id : synsets[pos]) {
                    int i = slot(id);
                    keys[i] = id;
                    used[i] = true;
                    masks[i] |= 1L << pos;
                }
            }
        }

        private int slot(int id) {
            int mask = keys.length - 1;
            int i = (id * 0x9E3779B9) >>> 7 & mask;
            while (used[i] && keys[i] != id) {
                i = (i + 1) & mask;
            }
            return i;
        }

        long positions(int id) {
            int i = slot(id);
            return used[i] ? masks[i] : 0L;
        }
    }

    String stem(String word) {
        return stems.computeIfAbsent(word, w -> {
            EnglishStemmer s = stemmer.get();
            s.setCurrent(w);
            s.stem();
            return s.getCurrent();
        });
    }

    Alignment align(Words test, Words ref) {
        int n1 = test.size();
        int n2 = ref.size();
        List<List<Match>> candidates = new ArrayList<>(n2);
        for (int j = 0; j < n2; j++) {
            candidates.add(new ArrayList<>());
        }
        int[] coverage1 = new int[n1];
        int[] coverage2 = new int[n2];
        boolean identical = Arrays.equals(test.words(), ref.words());
        boolean[][] same = new boolean[n2][n1];
        for (int j = 0; j < n2; j++) {
            for (int i = 0; i < n1; i++) {
                if (test.words()[i].equals(ref.words()[j])) {
                    same[j][i] = true;
                    add(candidates, coverage1, coverage2, new Match(j, 1, i, 1, EXACT));
                }
            }
        }
        if (!identical) {
            for (int j = 0; j < n2; j++) {
                for (int i = 0; i < n1; i++) {
                    if (!same[j][i] && test.stems()[i].equals(ref.stems()[j])) {
                        add(candidates, coverage1, coverage2, new Match(j, 1, i, 1, STEM));
                    }
                }
            }
            for (int j = 0; j < n2; j++) {
                if (test.index() != null) {
                    long shared = 0;
                    for (int id : ref.synsets()[j]) {
                        shared |= test.index().positions(id);
                    }
                    for (long bits = shared; bits != 0; bits &= bits - 1) {
                        int i = Long.numberOfTrailingZeros(bits);
                        if (!same[j][i]) {
                            add(candidates, coverage1, coverage2, new Match(j, 1, i, 1, SYNONYM));
                        }
                    }
                } else {
                    for (int i = 0; i < n1; i++) {
                        if (!same[j][i] && intersects(test.synsets()[i], ref.synsets()[j])) {
                            add(candidates, coverage1, coverage2, new Match(j, 1, i, 1, SYNONYM));
                        }
                    }
                }
            }
        }

        Path start = new Path(new Match[n2], new boolean[n1], new boolean[n2]);
        for (int j = 0; j < n2; j++) {
            if (candidates.get(j).size() == 1) {
                Match m = candidates.get(j).get(0);
                boolean overlap = false;
                for (int k = 0; k < m.length(); k++) {
                    overlap |= coverage2[j + k] != 1;
                }
                for (int k = 0; k < m.matchLength(); k++) {
                    overlap |= coverage1[m.matchStart() + k] != 1;
                }
                if (!overlap) {
                    start.matches[j] = m;
                    start.setUsed(m);
                }
            }
        }
        Path best = resolve(candidates, start);
        return new Alignment(test, ref, best.matches, countChunks(best.matches));
    }

    private static void add(List<List<Match>> candidates, int[] coverage1, int[] coverage2, Match m) {
        candidates.get(m.start()).add(m);
        coverage1[m.matchStart()]++;
        coverage2[m.start()]++;
    }

    private static boolean intersects(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0 || a[a.length - 1] < b[0] || b[b.length - 1] < a[0]) {
            return false;
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    private Path resolve(List<List<Match>> candidates, Path start) {
        int n2 = candidates.size();
        List<Path> next = new ArrayList<>();
        next.add(start);
        for (int current = 0; current <= n2; current++) {
            List<Path> paths = next;
            next = new ArrayList<>();
            paths.sort(BEST_FIRST);
            for (int rank = 0; rank < BEAM && rank < paths.size(); rank++) {
                Path path = paths.get(rank);
                if (current == n2) {
                    if (path.lastMatchEnd != -1) {
                        path.chunks++;
                    }
                    next.add(path);
                    continue;
                }
                if (path.used2[current]) {
                    if (current < path.idx) {
                        next.add(path);
                    } else if (path.matches[path.idx] != null) {
                        path.take(path.matches[path.idx]);
                        next.add(path);
                    }
                    continue;
                }
                for (Match m : candidates.get(current)) {
                    if (path.isUsed(m)) {
                        continue;
                    }
                    Path extended = new Path(path);
                    extended.setUsed(m);
                    extended.matches[current] = m;
                    extended.count(m);
                    // The reference adds this distance to the path being extended, not to the new one.
                    path.distance += Math.abs(m.start() - m.matchStart());
                    next.add(extended);
                }
                if (path.lastMatchEnd != -1) {
                    path.chunks++;
                    path.lastMatchEnd = -1;
                }
                path.idx++;
                next.add(path);
            }
            if (next.isEmpty()) {
                next.add(paths.get(0));
            }
        }
        next.sort(BEST_FIRST);
        return next.get(0);
    }

    /** Chunks of an alignment: maximal runs of matches adjacent and in order on both sides. */
    static int countChunks(Match[] matches) {
        int chunks = 0;
        int idx = 0;
        int lastMatchEnd = -1;
        while (idx < matches.length) {
            Match m = matches[idx];
            if (m == null) {
                if (lastMatchEnd != -1) {
                    chunks++;
                    lastMatchEnd = -1;
                }
                idx++;
            } else {
                if (lastMatchEnd != -1 && m.matchStart() != lastMatchEnd) {
                    chunks++;
                }
                idx = m.start() + m.length();
                lastMatchEnd = m.matchStart() + m.matchLength();
            }
        }
        if (lastMatchEnd != -1) {
            chunks++;
        }
        return chunks;
    }

    /** A partial alignment in the beam. */
    private static final class Path {
        final Match[] matches;
        final boolean[] used1;
        final boolean[] used2;
        int matches1;
        int matches2;
        int chunks;
        int idx;
        int lastMatchEnd = -1;
        int distance;

        Path(Match[] matches, boolean[] used1, boolean[] used2) {
            this.matches = matches;
            this.used1 = used1;
            this.used2 = used2;
        }

        Path(Path o) {
            matches = Arrays.copyOf(o.matches, o.matches.length);
            used1 = Arrays.copyOf(o.used1, o.used1.length);
            used2 = Arrays.copyOf(o.used2, o.used2.length);
            matches1 = o.matches1;
            matches2 = o.matches2;
            chunks = o.chunks;
            idx = o.idx;
            lastMatchEnd = o.lastMatchEnd;
            distance = o.distance;
        }

        boolean isUsed(Match m) {
            for (int k = 0; k < m.length(); k++) {
                if (used2[m.start() + k]) {
                    return true;
                }
            }
            for (int k = 0; k < m.matchLength(); k++) {
                if (used1[m.matchStart() + k]) {
                    return true;
                }
            }
            return false;
        }

        void setUsed(Match m) {
            for (int k = 0; k < m.length(); k++) {
                used2[m.start() + k] = true;
            }
            for (int k = 0; k < m.matchLength(); k++) {
                used1[m.matchStart() + k] = true;
            }
        }

        /** Adds a match's totals; the weighted totals truncate to int as the reference's do. */
        void count(Match m) {
            double w = SEARCH_WEIGHTS[m.module()];
            matches1 = (int) (matches1 + m.matchLength() * w);
            matches2 = (int) (matches2 + m.length() * w);
            if (lastMatchEnd != -1 && m.matchStart() != lastMatchEnd) {
                chunks++;
            }
            idx = m.start() + m.length();
            lastMatchEnd = m.matchStart() + m.matchLength();
        }

        /** Takes a match fixed in the start path. */
        void take(Match m) {
            count(m);
            distance += Math.abs(m.start() - m.matchStart());
        }
    }
}
