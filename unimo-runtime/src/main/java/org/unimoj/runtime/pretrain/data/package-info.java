/** The files and the three block-shuffled streams of pre-training (pairs, corpus sentences, image-only images). */
package org.unimoj.runtime.pretrain.data;
