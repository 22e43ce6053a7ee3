package org.unimoj.tasks.metrics.meteor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import net.sf.extjwnl.data.POS;
import org.unimoj.augment.wordnet.WordNet;

/**
 * METEOR 1.5's synonym lookup over WordNet 3.1 (extJWNL): the synsets of the word itself plus those of
 * its base form, where the base form comes from WordNet's exception lists or, failing that, from the
 * first of METEOR's twenty suffix rules ("-ses" to "-s", "-ies" to "-y", "-ing" to "-e", ...) that
 * yields a word WordNet knows.
 *
 * <p>As in METEOR's own table (built from {@code index.sense}), a synset is identified by its byte offset
 * alone, for every part of speech. Differences: WordNet 3.1 instead of METEOR's 3.0 tables, so a few
 * offsets and senses differ.
 */
public final class WordNetSynonyms implements MeteorSynonyms {

    private static final String[] SUFFIX = {
        "s", "ses", "xes", "zes", "ches", "shes", "men", "ies",
        "s", "ies", "es", "es", "ed", "ed", "ing", "ing",
        "er", "est", "er", "est"};
    private static final String[] ENDING = {
        "", "s", "x", "z", "ch", "sh", "man", "y",
        "", "y", "e", "", "e", "", "e", "",
        "", "", "e", "e"};

    private final WordNet wordNet;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    public WordNetSynonyms(WordNet wordNet) {
        this.wordNet = wordNet;
    }

    @Override
    public int[] synsets(String word) {
        return cache.computeIfAbsent(word, this::lookup);
    }

    private int[] lookup(String word) {
        LongStream.Builder ids = LongStream.builder();
        addSynsets(word, ids);
        List<String> bases = wordNet.exceptionBases(word);
        if (!bases.isEmpty()) {
            for (String base : bases) {
                addSynsets(base, ids);
            }
        } else {
            addSynsets(morph(word), ids);
        }
        return ids.build().mapToInt(l -> (int) l).distinct().sorted().toArray();
    }

    private void addSynsets(String lemma, LongStream.Builder ids) {
        for (POS pos : POS.getAllPOS()) {
            Arrays.stream(wordNet.offsets(pos, lemma)).forEach(ids::add);
        }
    }

    /** METEOR's suffix rules: the first candidate base form that WordNet knows, or "" if none. */
    String morph(String word) {
        if (word.endsWith("ss") || word.length() <= 2) {
            return word;
        }
        for (int i = 0; i < SUFFIX.length; i++) {
            if (word.endsWith(SUFFIX[i])) {
                String candidate = word.substring(0, word.length() - SUFFIX[i].length()) + ENDING[i];
                if (wordNet.contains(candidate)) {
                    return candidate;
                }
            }
        }
        return "";
    }
}
