/**
 * SPICE: an F-score over scene-graph tuples (objects, attributes, relations) with WordNet synonym
 * matching. Entry point: {@link org.unimoj.tasks.metrics.spice.Spice}, built with a
 * {@link org.unimoj.api.text.SceneGraphParser}.
 */
package org.unimoj.tasks.metrics.spice;
