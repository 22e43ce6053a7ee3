/** UNIMO's joint batches: CMCL groups, masked LM (15%, 80/10/10), masked regions and seq2seq targets drawn from (seed, step). */
package org.unimoj.runtime.pretrain.batch;
