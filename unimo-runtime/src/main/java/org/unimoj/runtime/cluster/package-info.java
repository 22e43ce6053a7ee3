/**
 * Multi-node pre-training on Akka Cluster Typed (Artery TCP). Trainer members join through seed
 * nodes and agree on a ring (their addresses, sorted). Each of the three streams is cut into as
 * many shards as the first ring has trainers ({@link org.unimoj.runtime.cluster.ClusterData},
 * {@link org.unimoj.runtime.cluster.ShardReader}); trainer r reads shard r through an
 * {@link org.unimoj.runtime.cluster.AugmentService} (its own, or augmenter members reached by a
 * cluster-aware router). Every step each trainer assembles its part of the batch, tells the ring
 * the part's target counts and the slots it read, computes its part's gradient exactly as the
 * single-process step would for that part of the union batch, sums the gradients with a bucketed
 * ring all-reduce made of actor messages (compact binary serializers, Artery's large-message
 * lane) and applies the same AdamW update, so every replica stays identical. Every member keeps
 * the same {@link org.unimoj.runtime.cluster.ShardTable} of where each shard stands. When a member
 * is lost the split-brain resolver downs it; the survivors re-form the ring, agree on the step
 * (rolling back one that only some had applied), take its shards over where the table says, and
 * go on; the leader's summary accounts for every slot.
 */
package org.unimoj.runtime.cluster;
