/**
 * Scene graphs as evidence: the graph of an image (ground truth or the union of its captions), whether
 * an image graph backs what a caption claims ({@link org.unimoj.augment.graph.GraphSupport}: how
 * negatives are checked), and whether one caption's graph entails another's
 * ({@link org.unimoj.augment.graph.Entailment}: how positives are checked).
 */
package org.unimoj.augment.graph;
