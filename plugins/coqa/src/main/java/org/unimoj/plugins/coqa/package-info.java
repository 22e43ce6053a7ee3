/**
 * The {@code coqa} task plugin: CoQA as generation of the free-form answer from story, dialogue
 * history and question under the seq2seq mask, scored with the official CoQA F1 beside the
 * majority-answer baseline. Entry point: {@link org.unimoj.plugins.coqa.CoqaPlugin}; reader in
 * {@link org.unimoj.plugins.coqa.data}.
 */
package org.unimoj.plugins.coqa;
