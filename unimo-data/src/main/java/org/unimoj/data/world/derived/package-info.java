/**
 * Data sets derived from the world's scenes: VQA questions with ten annotator answers
 * ({@link org.unimoj.data.world.derived.VqaBuilder}), SNLI-VE hypotheses labelled by the scene
 * graph ({@link org.unimoj.data.world.derived.EntailmentBuilder}), and the text-only sets: the
 * corpus, the plausibility classification task and the paragraph-to-summary task
 * ({@link org.unimoj.data.world.derived.TextTasks}), and the reading sets: SQuAD-style question
 * generation and CoQA-style dialogues about a story ({@link org.unimoj.data.world.derived.ReadingTasks}). Each builder constructs its answers and labels
 * from the scene by rule; the tests check every one of them against the scene graph with
 * independent code.
 */
package org.unimoj.data.world.derived;
