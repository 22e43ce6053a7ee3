/**
 * A simulated object detector: per region a feature built from embeddings of the object's class
 * (sharing a component with its super-category, so similar classes have similar features) and
 * attribute values plus noise, a jittered box, and a class distribution with realistic confusion
 * between similar classes; some images with a missed object, a spurious box or a misclassified
 * region. The embeddings come from the world's seed.
 */
package org.unimoj.data.world.detector;
