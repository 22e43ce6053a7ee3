/**
 * Scene graphs and what they mean: the full scene of an image ({@link org.unimoj.data.scene.ImageScene}:
 * objects with classes, attributes and boxes, and every relation), the ground-truth graph of a
 * caption ({@link org.unimoj.data.scene.GroundedCaption}), the world's words
 * ({@link org.unimoj.data.scene.Vocabulary}), the spatial relations that boxes imply
 * ({@link org.unimoj.data.scene.BoxGeometry}) and whether a sentence's graph is true, false or
 * undecidable in an image ({@link org.unimoj.data.scene.SceneTruth}), with JSON-lines readers and
 * writers for both kinds of graph.
 */
package org.unimoj.data.scene;
