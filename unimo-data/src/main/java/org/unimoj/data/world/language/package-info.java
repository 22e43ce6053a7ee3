/**
 * The caption grammar: noun phrases for objects and groups
 * ({@link org.unimoj.data.world.language.Describer}), the constructions that word facts
 * ({@link org.unimoj.data.world.language.Grammar}: clauses in three voices, reduced and relative
 * modifiers, existentials, coordination, predicative adjectives), the builder that records the
 * ground-truth scene graph with token spans while it writes
 * ({@link org.unimoj.data.world.language.SentenceBuilder}), and the planner that picks five
 * varied, true captions per image ({@link org.unimoj.data.world.language.CaptionPlanner}).
 * Every construction is unambiguous by the rules in WORLD.md.
 */
package org.unimoj.data.world.language;
