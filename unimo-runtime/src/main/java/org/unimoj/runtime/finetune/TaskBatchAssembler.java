package org.unimoj.runtime.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.Task;
import org.unimoj.runtime.train.BatchAssembler;

/**
 * A fine-tuning batch: {@code batchSize} examples of the training stream, each encoded by the task
 * ({@link Task#encode}: token ids, regions, targets). Runs on the batcher's thread, so the next
 * batch is encoded while the trainer updates on this one. Encoding is deterministic, so batch
 * {@code step} is the same in a resumed run.
 */
final class TaskBatchAssembler<E> implements BatchAssembler<E, List<EncodedExample>> {

    private final Task<E> task;
    private final int batchSize;

    TaskBatchAssembler(Task<E> task, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.task = task;
        this.batchSize = batchSize;
    }

    @Override
    public Map<String, Integer> demand() {
        return Map.of(TaskExamples.STREAM, batchSize);
    }

    @Override
    public Assembled<List<EncodedExample>> assemble(long step, Map<String, List<E>> records) {
        List<E> rows = records.getOrDefault(TaskExamples.STREAM, List.of());
        List<EncodedExample> batch = new ArrayList<>(rows.size());
        for (E e : rows) {
            batch.add(task.encode(e));
        }
        return new Assembled<>(List.copyOf(batch), batch.size());
    }
}
