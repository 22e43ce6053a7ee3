/**
 * Pre-training heads on the encoder's outputs: the language-model head shared by masked LM and
 * seq2seq LM ({@link org.unimoj.model.heads.LmHead}, output layer tied to the word embedding),
 * masked region modelling ({@link org.unimoj.model.heads.RegionHead}: feature regression and
 * object-class prediction) and CMCL's learnable temperature
 * ({@link org.unimoj.model.heads.ContrastiveHead}). Heads work on gathered rows only (the masked
 * positions), never on the whole sequence.
 */
package org.unimoj.model.heads;
