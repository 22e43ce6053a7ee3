package org.unimoj.augment.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.Caption;
import org.unimoj.augment.SharedFiles;

/**
 * The term-at-a-time search returns Lucene's own hits: the same texts with the same scores as Lucene's
 * IndexSearcher, for classic TF-IDF and for BM25, on the Flickr8k captions.
 */
class TextIndexTest {

    @Test
    void termAtATimeSearchEqualsLuceneSearchForTfidfAndBm25() {
        List<Caption> captions = SharedFiles.flickr8k();
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Caption c : captions) {
            ids.add(c.id());
            groups.add(c.imageId());
            texts.add(c.text());
        }
        for (TextIndex.Scoring scoring : TextIndex.Scoring.values()) {
            try (TextIndex index = TextIndex.build(ids, groups, texts, scoring)) {
                int compared = 0;
                int sameOrder = 0;
                for (int i = 0; i < captions.size(); i += 97) {
                    List<TextIndex.Hit> ours = index.search(texts.get(i), 10, groups.get(i));
                    List<TextIndex.Hit> lucene = index.searchWithLucene(texts.get(i), 10, groups.get(i));
                    assertEquals(lucene.size(), ours.size(), texts.get(i));
                    boolean same = true;
                    for (int k = 0; k < ours.size(); k++) {
                        // Float sums may differ in the last bit; the scores at each rank must agree.
                        float score = lucene.get(k).score();
                        assertEquals(score, ours.get(k).score(), 1e-4 * Math.abs(score), scoring + " rank " + k + " of '" + texts.get(i) + "'");
                        same &= lucene.get(k).ordinal() == ours.get(k).ordinal();
                        assertTrue(!ours.get(k).group().equals(groups.get(i)), "a caption of the query's own image");
                    }
                    // Equal scores are ordered by doc id in Lucene, by the order texts were given here (the index is built on
                    // several threads, so the two differ): each run of equal scores that ends before the last rank must hold the
                    // same texts; the last run may be cut differently.
                    int from = 0;
                    while (from < ours.size()) {
                        int to = from + 1;
                        while (to < ours.size() && Math.abs(lucene.get(to).score() - lucene.get(from).score()) <= 1e-4 * lucene.get(from).score()) {
                            to++;
                        }
                        if (to < ours.size()) {
                            assertEquals(java.util.Set.copyOf(lucene.subList(from, to).stream().map(TextIndex.Hit::ordinal).toList()),
                                    java.util.Set.copyOf(ours.subList(from, to).stream().map(TextIndex.Hit::ordinal).toList()),
                                    scoring + " ranks " + from + ".." + to + " of '" + texts.get(i) + "'");
                        }
                        from = to;
                    }
                    sameOrder += same ? 1 : 0;
                    compared++;
                    // A kept ranking serves the same words again: another caption of another image, and fewer hits.
                    assertEquals(ours, index.search(texts.get(i), 10, groups.get(i)));
                    int j = (i + 5) % captions.size();
                    List<TextIndex.Hit> l3 = index.searchWithLucene(texts.get(i), 3, groups.get(j));
                    List<TextIndex.Hit> o3 = index.search(texts.get(i), 3, groups.get(j));
                    assertEquals(l3.size(), o3.size());
                    for (int k = 0; k < o3.size(); k++) {
                        assertEquals(l3.get(k).score(), o3.get(k).score(), 1e-4 * l3.get(k).score());
                    }
                }
                System.out.printf("text index %s: %d queries, same scores at every rank; %d with the very same hits in the same order "
                        + "(the rest differ only in the order of equal scores)%n", scoring, compared, sameOrder);
                assertTrue(compared > 400);
            }
        }
    }
}
