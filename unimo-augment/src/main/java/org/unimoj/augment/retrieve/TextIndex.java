package org.unimoj.augment.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of short texts (captions, corpus sentences), searched with one text as
 * the query: its words (Lucene's standard tokenizer, lower case, English stop words removed) as
 * optional term clauses, scored with the chosen Lucene similarity: classic TF-IDF
 * ({@link ClassicSimilarity}, the paper's sentence-level hard negatives) or BM25 (related texts).
 * Each text may belong to a group (its image) that a search can exclude. Top hits are ranked by
 * score, ties by the order texts were added, so results are repeatable.
 *
 * <p>{@link #search} scores term at a time: the postings and length norms of the Lucene index are
 * copied into arrays once, and each posting is scored by the similarity's own Lucene
 * {@code SimScorer}, so scores are Lucene's. Lucene's document-at-a-time search
 * ({@link #searchWithLucene}) gives the same hits (a test checks it) but captions have few distinct,
 * frequent words, so its max-score skipping saves little and it is several times slower: about 0.7 ms
 * against 0.1 ms a query over 100,000 captions. Built once, then searched from any number of threads.
 */
public final class TextIndex implements AutoCloseable {

    /** The ranking functions offered. */
    public enum Scoring {
        /** Lucene's classic TF-IDF ({@link ClassicSimilarity}), as in the paper. */
        TFIDF,
        /** Okapi BM25 with Lucene's defaults (k1 1.2, b 0.75). */
        BM25
    }

    /** One hit: the text's position in the index, its id, group and text, and its score. */
    public record Hit(int ordinal, String id, String group, String text, float score) {}

    private static final String FIELD = "text";
    private static final int INDEX_THREADS = Runtime.getRuntime().availableProcessors();
    /** Documents and frequencies are all a bag-of-words score needs: no positions, no stored text. */
    private static final org.apache.lucene.document.FieldType TEXT_TYPE = textType();
    private static final String ORDINAL = "ord";

    private final Analyzer analyzer = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String[] ids;
    private final String[] groups;
    private final String[] texts;
    private final int[] ordinalOfDoc;
    private final Similarity similarity;
    /** Per term: the ordinals of the texts that hold it, ascending, and each one's score for the term (from its Lucene scorer). */
    private final Map<String, Postings> postings = new java.util.HashMap<>();
    /** Per text ordinal: its length norm as Lucene encoded it. */
    private final long[] norms;
    /** Per thread: the accumulators of one block of ordinals (all zero between searches). */
    private final ThreadLocal<float[]> accumulators = ThreadLocal.withInitial(() -> new float[BLOCK]);
    /** Per thread: which accumulators of the block a search touched, one bit each. */
    private final ThreadLocal<long[]> touchedBits = ThreadLocal.withInitial(() -> new long[BLOCK / 64]);

    private record Postings(int[] ordinals, float[] scores) {}

    /** Ordinals scored together: their float accumulators (32 KB) stay in a core's level-1/2 cache. */
    private static final int BLOCK = 8192;
    /** How many more texts a kept ranking holds than asked for, to leave room for the exclusions. */
    private static final int SLACK = 8;
    /** Rankings kept at most (about 200 bytes each). */
    private static final int MAX_CACHED = 1 << 18;

    private final Map<String, Ranking> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private TextIndex(List<String> ids, List<String> groups, List<String> texts, Scoring scoring) {
        int n = texts.size();
        if (ids.size() != n || groups != null && groups.size() != n) {
            throw new IllegalArgumentException("ids, groups and texts differ in length");
        }
        this.ids = ids.toArray(String[]::new);
        this.groups = groups == null ? null : groups.toArray(String[]::new);
        this.texts = texts.toArray(String[]::new);
        this.similarity = similarity(scoring);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity).setRAMBufferSizeMB(256)
                    .setMergePolicy(new LogDocMergePolicy()).setCommitOnClose(true);
            try (IndexWriter w = new IndexWriter(directory, config)) {
                // Both cores add documents; which doc id a text gets then varies, so each carries its ordinal.
                int threads = Math.min(INDEX_THREADS, Math.max(1, n / 10_000));
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
                try {
                    List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int from = (int) ((long) n * t / threads);
                        int to = (int) ((long) n * (t + 1) / threads);
                        parts.add(pool.submit(() -> {
                            Document doc = new Document();
                            Field text = new Field(FIELD, "", TEXT_TYPE);
                            NumericDocValuesField ord = new NumericDocValuesField(ORDINAL, 0);
                            doc.add(text);
                            doc.add(ord);
                            for (int i = from; i < to; i++) {
                                text.setStringValue(this.texts[i]);
                                ord.setLongValue(i);
                                w.addDocument(doc);
                            }
                            return null;
                        }));
                    }
                    for (java.util.concurrent.Future<?> f : parts) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while indexing", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
            reader = DirectoryReader.open(directory);
            ordinalOfDoc = new int[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues dv = leaf.reader().getNumericDocValues(ORDINAL);
                for (int d = dv.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = dv.nextDoc()) {
                    ordinalOfDoc[leaf.docBase + d] = (int) dv.longValue();
                }
            }
            searcher = new IndexSearcher(reader);
            searcher.setSimilarity(similarity);
            norms = new long[n];
            loadPostings();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the text index: " + e.getMessage(), e);
        }
    }

    private static org.apache.lucene.document.FieldType textType() {
        org.apache.lucene.document.FieldType t = new org.apache.lucene.document.FieldType();
        t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
        t.setTokenized(true);
        t.setStored(false);
        t.freeze();
        return t;
    }

    /**
     * Indexes {@code texts}; {@code ids} names each, {@code groups} (may be null) says which group
     * each belongs to.
     */
    public static TextIndex build(List<String> ids, List<String> groups, List<String> texts, Scoring scoring) {
        return new TextIndex(ids, groups, texts, scoring);
    }

    private static Similarity similarity(Scoring scoring) {
        return scoring == Scoring.TFIDF ? new ClassicSimilarity() : new BM25Similarity();
    }

    public int size() {
        return texts.length;
    }

    public String text(int ordinal) {
        return texts[ordinal];
    }

    public String id(int ordinal) {
        return ids[ordinal];
    }

    /** As {@link #search}, through Lucene's {@link IndexSearcher} (document at a time with max-score skipping). */
    public List<Hit> searchWithLucene(String query, int k, String excludeGroup) {
        Query q = query(query);
        if (q == null || k <= 0) {
            return List.of();
        }
        // The excluded group (an image's own captions) may take some of the top places: ask for a few more.
        int want = k + (excludeGroup == null ? 1 : 8);
        try {
            TopDocs top = searcher.search(q, new TopScoreDocCollectorManager(want, null, want, false));
            List<Hit> out = new ArrayList<>(k);
            for (ScoreDoc sd : top.scoreDocs) {
                int o = ordinalOfDoc[sd.doc];
                String g = groups == null ? null : groups[o];
                if (excludeGroup != null && excludeGroup.equals(g) || texts[o].equals(query)) {
                    continue;
                }
                out.add(new Hit(o, ids[o], g, texts[o], sd.score));
                if (out.size() == k) {
                    break;
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(), e);
        }
    }

    /** Copies every term's postings (as text ordinals) and every text's norm out of the index, with a Lucene scorer per term. */
    private void loadPostings() throws IOException {
        Map<String, List<int[]>> byTerm = new LinkedHashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues nv = leaf.reader().getNormValues(FIELD);
            if (nv != null) {
                for (int d = nv.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = nv.nextDoc()) {
                    norms[ordinalOfDoc[leaf.docBase + d]] = nv.longValue();
                }
            }
            org.apache.lucene.index.Terms terms = leaf.reader().terms(FIELD);
            if (terms == null) {
                continue;
            }
            org.apache.lucene.index.TermsEnum te = terms.iterator();
            org.apache.lucene.index.PostingsEnum pe = null;
            for (org.apache.lucene.util.BytesRef t = te.next(); t != null; t = te.next()) {
                pe = te.postings(pe, org.apache.lucene.index.PostingsEnum.FREQS);
                int[] ords = new int[te.docFreq()];
                int[] freqs = new int[ords.length];
                int k = 0;
                for (int d = pe.nextDoc(); d != org.apache.lucene.index.PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                    ords[k] = ordinalOfDoc[leaf.docBase + d];
                    freqs[k] = pe.freq();
                    k++;
                }
                List<int[]> parts = byTerm.computeIfAbsent(t.utf8ToString(), x -> new ArrayList<>());
                parts.add(java.util.Arrays.copyOf(ords, k));
                parts.add(java.util.Arrays.copyOf(freqs, k));
            }
        }
        org.apache.lucene.search.CollectionStatistics stats = searcher.collectionStatistics(FIELD);
        for (Map.Entry<String, List<int[]>> e : byTerm.entrySet()) {
            int total = 0;
            for (int i = 0; i < e.getValue().size(); i += 2) {
                total += e.getValue().get(i).length;
            }
            int[] ords = new int[total];
            int[] freqs = new int[total];
            long ttf = 0;
            int at = 0;
            for (int i = 0; i < e.getValue().size(); i += 2) {
                int[] o = e.getValue().get(i);
                int[] f = e.getValue().get(i + 1);
                System.arraycopy(o, 0, ords, at, o.length);
                System.arraycopy(f, 0, freqs, at, f.length);
                for (int x : f) {
                    ttf += x;
                }
                at += o.length;
            }
            org.apache.lucene.search.TermStatistics ts = searcher.termStatistics(new Term(FIELD, e.getKey()), total, ttf);
            Similarity.SimScorer scorer = similarity.scorer(1f, stats, ts);
            sortByOrdinal(ords, freqs);
            float[] scores = new float[total];
            for (int i = 0; i < total; i++) {
                scores[i] = scorer.score(freqs[i], norms[ords[i]]);
            }
            postings.put(e.getKey(), new Postings(ords, scores));
        }
    }

    /** Sorts postings by ordinal (they are already, unless Lucene reordered documents), carrying the frequencies along. */
    private static void sortByOrdinal(int[] ords, int[] freqs) {
        boolean sorted = true;
        for (int i = 1; i < ords.length && sorted; i++) {
            sorted = ords[i - 1] < ords[i];
        }
        if (sorted) {
            return;
        }
        long[] packed = new long[ords.length];
        for (int i = 0; i < ords.length; i++) {
            packed[i] = (long) ords[i] << 32 | freqs[i];
        }
        java.util.Arrays.sort(packed);
        for (int i = 0; i < ords.length; i++) {
            ords[i] = (int) (packed[i] >>> 32);
            freqs[i] = (int) packed[i];
        }
    }

    /**
     * The {@code k} best texts for {@code query}, leaving out those of group {@code excludeGroup}
     * (may be null) and those whose text equals the query; scored term at a time with Lucene's scorers.
     */
    public List<Hit> search(String query, int k, String excludeGroup) {
        Map<String, Integer> terms = terms(query);
        if (terms.isEmpty() || k <= 0) {
            return List.of();
        }
        // Texts with the same analysed words rank the same: the ranking is kept, a little longer than asked, without
        // exclusions; the exclusions (the query's group, the query's own text) are applied to it afterwards. Filtering a
        // ranking by (score, ordinal) keeps its order, so a kept ranking gives exactly what a fresh search would.
        String key = key(terms);
        Ranking r = cache.get(key);
        if (r == null || r.ordinals().length < k + SLACK && !r.complete()) {
            r = rank(terms, k + SLACK, null, null);
            if (cache.size() < MAX_CACHED) {
                cache.put(key, r);
            }
        }
        List<Hit> out = new ArrayList<>(k);
        for (int i = 0; i < r.ordinals().length && out.size() < k; i++) {
            int o = r.ordinals()[i];
            if (excludeGroup != null && groups != null && excludeGroup.equals(groups[o]) || texts[o].equals(query)) {
                continue;
            }
            out.add(new Hit(o, ids[o], groups == null ? null : groups[o], texts[o], r.scores()[i]));
        }
        if (out.size() < k && !r.complete()) {
            return rank(terms, k, query, excludeGroup).hits(this);
        }
        return out;
    }

    /** A ranking of the texts for some words: ordinals and scores, best first; complete when it holds every text with a positive score. */
    private record Ranking(int[] ordinals, float[] scores, boolean complete) {
        List<Hit> hits(TextIndex index) {
            List<Hit> out = new ArrayList<>(ordinals.length);
            for (int i = 0; i < ordinals.length; i++) {
                int o = ordinals[i];
                out.add(new Hit(o, index.ids[o], index.groups == null ? null : index.groups[o], index.texts[o], scores[i]));
            }
            return out;
        }
    }

    private static String key(Map<String, Integer> terms) {
        List<String> parts = new ArrayList<>(terms.size());
        terms.forEach((t, c) -> parts.add(c == 1 ? t : t + "^" + c));
        java.util.Collections.sort(parts);
        return String.join(" ", parts);
    }

    /** The best {@code n} texts for {@code terms}, leaving out group {@code excludeGroup} and text {@code query} (either may be null). */
    private Ranking rank(Map<String, Integer> terms, int n, String query, String excludeGroup) {
        int m = 0;
        int[][] ords = new int[terms.size()][];
        float[][] scores = new float[terms.size()][];
        float[] boosts = new float[terms.size()];
        for (Map.Entry<String, Integer> t : terms.entrySet()) {
            Postings p = postings.get(t.getKey());
            if (p != null) {
                ords[m] = p.ordinals();
                scores[m] = p.scores();
                boosts[m] = t.getValue();
                m++;
            }
        }
        Selection top = new Selection(n);
        // Block by block of ordinals, so the accumulators stay in the core's cache: each term's postings (ascending)
        // are added into the block, then the block is scanned in ordinal order and cleared.
        float[] block = accumulators.get();
        long[] touched = touchedBits.get();
        int[] cursor = new int[m];
        for (int base = 0; base < texts.length; base += BLOCK) {
            int limit = base + BLOCK;
            boolean any = false;
            for (int t = 0; t < m; t++) {
                int[] o = ords[t];
                float[] s = scores[t];
                float b = boosts[t];
                int c = cursor[t];
                int start = c;
                while (c < o.length && o[c] < limit) {
                    int d = o[c] - base;
                    block[d] += b * s[c];
                    touched[d >>> 6] |= 1L << d;
                    c++;
                }
                cursor[t] = c;
                any |= c > start;
            }
            if (!any) {
                continue;
            }
            // Only the touched accumulators are read (and cleared), in ordinal order.
            float floor = top.full() ? top.kth() : 0f;
            for (int w = 0; w < touched.length; w++) {
                long x = touched[w];
                if (x == 0) {
                    continue;
                }
                touched[w] = 0;
                while (x != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(x);
                    x &= x - 1;
                    float v = block[i];
                    block[i] = 0;
                    if (v > floor || v == floor && top.competitive(v, base + i)) {
                        offer(top, base + i, v, query, excludeGroup);
                        floor = top.full() ? top.kth() : 0f;
                    }
                }
            }
        }
        return top.ranking();
    }

    private void offer(Selection top, int o, float sc, String query, String excludeGroup) {
        if (!top.competitive(sc, o)) {
            return;
        }
        if (excludeGroup != null && groups != null && excludeGroup.equals(groups[o]) || query != null && texts[o].equals(query)) {
            return;
        }
        top.add(sc, o);
    }

    /** The best k by (score desc, ordinal asc). */
    private static final class Selection {
        final int k;
        final int[] best;
        final float[] score;
        int have;

        Selection(int k) {
            this.k = k;
            this.best = new int[k];
            this.score = new float[k];
        }

        void clear() {
            have = 0;
        }

        boolean full() {
            return have == k;
        }

        float kth() {
            return have == k ? score[k - 1] : Float.NEGATIVE_INFINITY;
        }

        boolean competitive(float sc, int o) {
            return have < k || sc > score[k - 1] || sc == score[k - 1] && o < best[k - 1];
        }

        void add(float sc, int o) {
            int pos = have == k ? k - 1 : have++;
            while (pos > 0 && (sc > score[pos - 1] || sc == score[pos - 1] && o < best[pos - 1])) {
                best[pos] = best[pos - 1];
                score[pos] = score[pos - 1];
                pos--;
            }
            best[pos] = o;
            score[pos] = sc;
        }

        Ranking ranking() {
            return new Ranking(java.util.Arrays.copyOf(best, have), java.util.Arrays.copyOf(score, have), have < k);
        }
    }

    /** The query's analysed terms with their counts, in order. */
    private Map<String, Integer> terms(String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.merge(term.toString(), 1, Integer::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The query's terms as optional clauses, a repeated term boosted by its count; null if no term remains. */
    Query query(String text) {
        Map<String, Integer> terms = terms(text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        terms.forEach((t, c) -> {
            Query tq = new TermQuery(new Term(FIELD, t));
            b.add(c == 1 ? tq : new BoostQuery(tq, c), BooleanClause.Occur.SHOULD);
        });
        return b.build();
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "TextIndex[" + texts.length + " texts]";
    }
}
