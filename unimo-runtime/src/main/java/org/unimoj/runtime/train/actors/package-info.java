/**
 * The training pipeline as Akka Typed actors, generic over records, batches and snapshots. Every
 * actor has a sealed {@code Command} interface of immutable records.
 *
 * <h2>Data flow</h2>
 * <pre>
 *   DataLoader(stream) --Slots--&gt; AugmenterPool(stream) --Work--&gt; Augmenter x N
 *        ^    (one per stream)          |   ^        &lt;--Done / Failed--
 *        +------------Pull--------------+   |
 *                                           Pull            Slots (in slot order, gaps kept)
 *                                           |               v
 *                                         Batcher --BatchReady--&gt; Trainer --CheckpointRequest / EvaluationRequest--&gt; RunCoordinator
 *                                           ^                       |                                                   |        |
 *                                           +---------Pull----------+                                 Checkpointer &lt;-Save   Evaluator &lt;-Evaluate
 * </pre>
 * {@link org.unimoj.runtime.train.actors.RunCoordinator} spawns and watches everything. For each
 * stream a {@link org.unimoj.runtime.train.actors.DataLoader} reads slots (a record, or a gap where a
 * bad record was quarantined) and an {@link org.unimoj.runtime.train.actors.AugmenterPool} hands them
 * to its {@link org.unimoj.runtime.train.actors.Augmenter}s, which apply the stream's transform (for
 * pre-training: tokenize, rewrite, retrieve). The {@link org.unimoj.runtime.train.actors.Batcher}
 * takes, per step, the counts the batch assembler demands from each stream and builds the batch; the
 * {@link org.unimoj.runtime.train.actors.Trainer} runs the step; the
 * {@link org.unimoj.runtime.train.actors.Evaluator} and the
 * {@link org.unimoj.runtime.train.actors.Checkpointer} work on snapshots off the trainer's thread.
 *
 * <h2>Flow control</h2>
 * Demand flows from the trainer upward: the trainer pulls one batch ({@code Batcher.Pull}) before
 * each step, so the next one is built during the step; the batcher keeps at most {@code prefetch}
 * built batches and pulls records ({@code AugmenterPool.Pull}) only while its buffer is short; a pool
 * holds at most {@code capacity} records and gives each augmenter at most {@code perAugmenter};
 * a loader reads only when pulled ({@code DataLoader.Pull}, at most {@code chunk} slots). No mailbox
 * grows without bound. The time between the trainer's pull and the batch's arrival is its wait for
 * data, reported in the run summary.
 *
 * <h2>Failure</h2>
 * An augmenter that throws on a record writes it to the quarantine with the exception, answers
 * {@code Failed} (the pool turns the slot into a gap) and is restarted by its supervisor; past the
 * restart limit the run fails. A non-finite loss ends training without checkpointing that state
 * ({@code Diverged}); {@code StopRequested} (SIGINT/SIGTERM) ends it after the current step with a
 * checkpoint. Counts of every loader and pool ({@code CountQuery}) make the summary's
 * in = trained + quarantined.
 */
package org.unimoj.runtime.train.actors;
