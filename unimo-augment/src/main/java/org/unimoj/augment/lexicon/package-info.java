/**
 * What caption words are and mean: closed classes, the domain vocabulary of the embedded world, WordNet
 * readings, predicate wordings, concept equivalence (synonyms, hypernyms, adjective values) and
 * English inflection for regenerating sentences. Entry point: {@link org.unimoj.augment.lexicon.Lexicon#standard()}.
 */
package org.unimoj.augment.lexicon;
