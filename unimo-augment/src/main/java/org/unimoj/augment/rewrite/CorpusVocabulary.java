package org.unimoj.augment.rewrite;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.data.Caption;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.parse.CaptionParser;

/**
 * What a caption collection talks about, with frequencies: object nouns, adjectives by family, and
 * predicates, counted over the parses of all its captions. Replacements for hard negatives are drawn
 * from it in proportion to frequency, so a negative uses the corpus's own words. Non-visual adjectives
 * and predicates are left out (their truth cannot be seen). Built once per collection and shared by
 * every rewriter made from it. Immutable.
 */
public final class CorpusVocabulary {

    /** Words seen fewer times are not drawn (in real captions they are mostly parse noise). */
    public static final int MIN_COUNT = 2;

    /** The vocabularies of the last few collections, by identity; weak, so a collection that is dropped is not kept alive. */
    private static final List<Map.Entry<WeakReference<Object>, CorpusVocabulary>> SHARED = new ArrayList<>();

    private final WeightedChoice nouns;
    private final Map<String, WeightedChoice> adjectivesByFamily;
    private final WeightedChoice predicates;
    private final Map<String, Integer> nounCounts;
    private final Map<String, Integer> adjectiveCounts;
    private final int captions;

    private CorpusVocabulary(Map<String, Integer> nouns, Map<String, Map<String, Integer>> adjectives, Map<String, Integer> predicates, int captions) {
        this.nouns = new WeightedChoice(nouns, MIN_COUNT);
        Map<String, WeightedChoice> byFamily = new HashMap<>();
        Map<String, Integer> allAdjectives = new HashMap<>();
        adjectives.forEach((family, counts) -> {
            byFamily.put(family, new WeightedChoice(counts, MIN_COUNT));
            counts.forEach((w, c) -> allAdjectives.merge(w, c, Integer::sum));
        });
        this.adjectivesByFamily = Map.copyOf(byFamily);
        this.predicates = new WeightedChoice(predicates, MIN_COUNT);
        this.nounCounts = Map.copyOf(nouns);
        this.adjectiveCounts = Map.copyOf(allAdjectives);
        this.captions = captions;
    }

    /** Counts the words of parsed graphs. */
    public static CorpusVocabulary of(Iterable<SceneGraph> graphs, Lexicon lexicon) {
        Map<String, Integer> nouns = new HashMap<>();
        Map<String, Map<String, Integer>> adjectives = new HashMap<>();
        Map<String, Integer> predicates = new HashMap<>();
        int n = 0;
        for (SceneGraph g : graphs) {
            n++;
            for (SceneGraph.Entity e : g.objects()) {
                nouns.merge(e.name(), 1, Integer::sum);
            }
            for (SceneGraph.Attribute a : g.attributes()) {
                String w = a.value();
                if (a.span().length() == 1 && lexicon.info(w).adjective() && lexicon.visualAdjective(w)) {
                    adjectives.computeIfAbsent(lexicon.adjectiveFamily(w), k -> new HashMap<>()).merge(w, 1, Integer::sum);
                }
            }
            for (SceneGraph.Relation r : g.relations()) {
                if (lexicon.visualPredicate(r.predicate())) {
                    predicates.merge(r.predicate(), 1, Integer::sum);
                }
            }
        }
        return new CorpusVocabulary(nouns, adjectives, predicates, n);
    }

    /**
     * The vocabulary of a caption collection, from its {@linkplain ParsedCorpus#shared shared parses},
     * made once per collection object: every rewriter created from the same collection shares it.
     */
    public static CorpusVocabulary shared(Iterable<Caption> captions, CaptionParser parser) {
        synchronized (SHARED) {
            CorpusVocabulary v = lookup(captions);
            if (v == null) {
                v = of(ParsedCorpus.shared(captions, parser).graphs(), parser.lexicon());
                put(captions, v);
            }
            return v;
        }
    }

    private static CorpusVocabulary lookup(Object captions) {
        SHARED.removeIf(e -> e.getKey().get() == null);
        for (Map.Entry<WeakReference<Object>, CorpusVocabulary> e : SHARED) {
            if (e.getKey().get() == captions) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void put(Object captions, CorpusVocabulary v) {
        SHARED.removeIf(e -> e.getKey().get() == null || e.getKey().get() == captions);
        if (SHARED.size() >= 4) {
            SHARED.remove(0);
        }
        SHARED.add(Map.entry(new WeakReference<>(captions), v));
    }

    /** Makes {@code vocabulary} the shared one of {@code captions} (a job that has parsed them already need not parse twice). */
    public static void register(Iterable<Caption> captions, CorpusVocabulary vocabulary) {
        synchronized (SHARED) {
            put(captions, vocabulary);
        }
    }

    /** Forgets the vocabulary of {@code captions}. */
    public static void forget(Iterable<Caption> captions) {
        synchronized (SHARED) {
            SHARED.removeIf(e -> e.getKey().get() == null || e.getKey().get() == captions);
        }
    }

    public WeightedChoice nouns() {
        return nouns;
    }

    /** The adjectives of {@code family} ("colour", "size", ..., "other"); empty if the corpus has none. */
    public WeightedChoice adjectives(String family) {
        WeightedChoice c = adjectivesByFamily.get(family);
        return c == null ? new WeightedChoice(Map.of(), 1) : c;
    }

    public Map<String, WeightedChoice> adjectiveFamilies() {
        return adjectivesByFamily;
    }

    public WeightedChoice predicates() {
        return predicates;
    }

    public int nounCount(String lemma) {
        return nounCounts.getOrDefault(lemma, 0);
    }

    public int adjectiveCount(String word) {
        return adjectiveCounts.getOrDefault(word, 0);
    }

    public int captions() {
        return captions;
    }
}
