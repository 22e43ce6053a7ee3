/**
 * WordNet 3.1 (extJWNL) for the metrics that match synonyms: METEOR's synonym module and SPICE's
 * tuple matching.
 */
package org.unimoj.tasks.metrics.wordnet;
