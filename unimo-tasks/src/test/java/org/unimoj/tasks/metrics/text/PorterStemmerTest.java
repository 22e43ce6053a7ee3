package org.unimoj.tasks.metrics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Porter stemmer against NLTK's, the implementation rouge-score calls. {@code porter-nltk.tsv} was
 * written by NLTK 3.8's {@code PorterStemmer().stem} (Debian's python3-nltk) for every word of the
 * Flickr8k captions plus the examples of Porter's paper, with:
 * <pre>
 * python3 -c "from nltk.stem.porter import PorterStemmer; s = PorterStemmer(); [print(w + '\t' + s.stem(w)) for w in words]"
 * </pre>
 */
class PorterStemmerTest {

    @Test
    void agreesWithNltkOnEveryWord() throws IOException {
        PorterStemmer stemmer = new PorterStemmer();
        int total = 0;
        List<String> misses = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("porter-nltk.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] wordStem = line.split("\t", -1);
                total++;
                String ours = stemmer.stem(wordStem[0]);
                if (!ours.equals(wordStem[1])) {
                    misses.add(wordStem[0] + ": ours " + ours + ", nltk " + wordStem[1]);
                }
            }
        }
        System.out.println("porter: " + (total - misses.size()) + " of " + total + " words agree with NLTK");
        misses.stream().limit(30).forEach(m -> System.out.println("  " + m));
        assertTrue(total > 8000, "oracle file too small: " + total);
        assertEquals(List.of(), misses);
    }

    @Test
    void nltkExtensions() {
        PorterStemmer s = new PorterStemmer();
        assertEquals("die", s.stem("dying"));
        assertEquals("die", s.stem("dies"));
        assertEquals("spi", s.stem("spied"));
        assertEquals("enjoy", s.stem("enjoy"));
        assertEquals("is", s.stem("is"));
        assertEquals("geolog", s.stem("geology"));
    }
}
