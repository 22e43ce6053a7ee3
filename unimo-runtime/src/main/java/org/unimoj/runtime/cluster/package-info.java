/**
 * Multi-node pre-training on Akka Cluster Typed (Artery TCP): trainer members join through seed
 * nodes, agree on a ring (their addresses, sorted), compute the gradient of their part of each
 * step's batch exactly as the single-process step does, sum the gradients with a bucketed ring
 * all-reduce made of actor messages (a compact binary serializer, Artery's large-message lane),
 * and apply the same AdamW update, so every replica stays identical. When a member is lost the
 * split-brain resolver downs it; the survivors re-form the ring, agree on the step (rolling back
 * one that only some had applied) and go on with the rest of the data.
 */
package org.unimoj.runtime.cluster;
