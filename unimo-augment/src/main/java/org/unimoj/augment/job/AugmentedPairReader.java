package org.unimoj.augment.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.unimoj.data.io.JsonLinesRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Streams the pairs of an augmentation job's {@code augment.jsonl}, validating every field; a bad line
 * is a {@code DataError} "FILE:LINE: field 'F': reason" (or goes to the quarantine under
 * {@code ReadPolicy.SKIP}), like every reader of unimo-data. Shards ({@code ReadOptions.withShard})
 * let several loaders split the file.
 *
 * <pre>{@code
 * try (AugmentedPairReader r = AugmentedPairReader.open(Path.of("out/augment.jsonl"), ReadOptions.failFast())) {
 *     r.forEachRemaining(pair -> ...);
 * }
 * }</pre>
 */
public final class AugmentedPairReader extends JsonLinesRecordReader<AugmentedPair> {

    private AugmentedPairReader(Path file, ReadOptions options) {
        super(file, options);
    }

    public static AugmentedPairReader open(Path file, ReadOptions options) {
        return new AugmentedPairReader(file, options);
    }

    @Override
    protected AugmentedPair parseObject(JsonNode object) throws RecordProblem {
        return AugmentedPairJson.read(object);
    }
}
