package org.unimoj.augment.rewrite;

import java.util.List;
import java.util.random.RandomGenerator;
import org.unimoj.api.data.Caption;

/**
 * Something that says a caption again in other words: the paper's back-translation, a paraphrase
 * file made by any external system ({@link ParaphraseFile}), or the built-in WordNet synonym
 * paraphraser ({@link SynonymParaphraser}). To plug in a machine-translation engine, implement this
 * (translate to a pivot language and back) and name the class in the paraphrase rewriter's
 * {@code source} setting; it is made with a public constructor taking the rewriter's settings
 * ({@code Map<String, String>}) or none. Implementations must be thread-safe.
 */
public interface Paraphraser {

    /** Sentences that mean what {@code caption} means, best first; possibly none. Randomness only from {@code random}. */
    List<String> paraphrase(Caption caption, RandomGenerator random);
}
