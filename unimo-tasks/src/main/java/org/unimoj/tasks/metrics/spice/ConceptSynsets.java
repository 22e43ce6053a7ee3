package org.unimoj.tasks.metrics.spice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import net.sf.extjwnl.data.POS;
import org.unimoj.augment.wordnet.WordNet;

/**
 * The WordNet synsets of a scene-graph concept, by the role the concept plays in a tuple. Two concepts
 * are similar when their lemmas are equal or their synset sets intersect. Implementations must be
 * thread-safe.
 */
public interface ConceptSynsets {

    /** The role of a concept in a tuple. */
    enum Role { OBJECT, ATTRIBUTE, RELATION }

    /** Synset ids of {@code lemma} in {@code role}, sorted ascending; empty if none. */
    long[] synsets(String lemma, Role role);

    /** No synonyms: concepts match only when their lemmas are equal. */
    ConceptSynsets NONE = (lemma, role) -> new long[0];

    /**
     * WordNet 3.1: objects take the noun senses of their lemma, attributes the adjective senses (the
     * noun senses when the attribute has no adjective sense, as for "wooden" versus "brick"), relations
     * the verb senses of the predicate. A synset id combines the part of speech and the offset.
     */
    static ConceptSynsets wordNet(WordNet wordNet) {
        Map<String, long[]> cache = new ConcurrentHashMap<>();
        return (lemma, role) -> cache.computeIfAbsent(role + "\u0000" + lemma, k -> {
            String l = lemma.toLowerCase(Locale.ROOT).trim();
            long[] ids = switch (role) {
                case OBJECT -> ids(wordNet, POS.NOUN, l);
                case ATTRIBUTE -> {
                    long[] adj = ids(wordNet, POS.ADJECTIVE, l);
                    yield adj.length > 0 ? adj : ids(wordNet, POS.NOUN, l);
                }
                case RELATION -> ids(wordNet, POS.VERB, l);
            };
            Arrays.sort(ids);
            return ids;
        });
    }

    private static long[] ids(WordNet wordNet, POS pos, String lemma) {
        long tag = (long) pos.getId() << 40;
        return LongStream.of(wordNet.offsets(pos, lemma)).map(o -> tag | o).toArray();
    }
}
