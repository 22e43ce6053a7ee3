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
import org.apache.lucene.document.TextField;
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
 * optional term clauses, scored with the chosen similarity: classic TF-IDF (the paper's sentence-level
 * hard negatives) or BM25 (related texts). Each text may belong to a group (its image) that a search
 * can exclude. Top hits are ranked by score, ties by the order texts were added, so results are
 * repeatable. Built once, then searched from any number of threads.
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
    private static final String ORDINAL = "ord";

    private final Analyzer analyzer = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String[] ids;
    private final String[] groups;
    private final String[] texts;
    private final int[] ordinalOfDoc;

    private TextIndex(List<String> ids, List<String> groups, List<String> texts, Scoring scoring) {
        int n = texts.size();
        if (ids.size() != n || groups != null && groups.size() != n) {
            throw new IllegalArgumentException("ids, groups and texts differ in length");
        }
        this.ids = ids.toArray(String[]::new);
        this.groups = groups == null ? null : groups.toArray(String[]::new);
        this.texts = texts.toArray(String[]::new);
        Similarity similarity = similarity(scoring);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity).setRAMBufferSizeMB(256)
                    .setMergePolicy(new LogDocMergePolicy()).setCommitOnClose(true);
            try (IndexWriter w = new IndexWriter(directory, config)) {
                Document doc = new Document();
                TextField text = new TextField(FIELD, "", Field.Store.NO);
                NumericDocValuesField ord = new NumericDocValuesField(ORDINAL, 0);
                doc.add(text);
                doc.add(ord);
                for (int i = 0; i < n; i++) {
                    text.setStringValue(this.texts[i]);
                    ord.setLongValue(i);
                    w.addDocument(doc);
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the text index: " + e.getMessage(), e);
        }
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

    /**
     * The {@code k} best texts for {@code query}, leaving out those of group {@code excludeGroup}
     * (may be null) and those whose text equals the query.
     */
    public List<Hit> search(String query, int k, String excludeGroup) {
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

    /** The query's terms as optional clauses, a repeated term boosted by its count; null if no term remains. */
    Query query(String text) {
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
