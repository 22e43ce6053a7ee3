/**
 * What the world knows about its classes (sizes, colours, materials, patterns, where they occur,
 * which relations they can take part in: {@link org.unimoj.data.world.sampling.Ontology}) and the
 * sampler that lays out a scene of 2-8 objects with consistent boxes
 * ({@link org.unimoj.data.world.sampling.SceneSampler}).
 */
package org.unimoj.data.world.sampling;
