/**
 * METEOR 1.5 for English (exact, stem and WordNet-synonym modules; no paraphrase table). Entry point:
 * {@link org.unimoj.tasks.metrics.meteor.Meteor#english()}.
 */
package org.unimoj.tasks.metrics.meteor;
