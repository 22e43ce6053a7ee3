package org.unimoj.data.scene;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.unimoj.data.io.JsonLinesRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Streams ground-truth caption graphs ({@code scenes/captions_<split>.jsonl},
 * {@code snli_ve/hypothesis_graphs_<split>.jsonl}), validating indices and spans.
 */
public final class CaptionGraphJsonlReader extends JsonLinesRecordReader<GroundedCaption> {

    private CaptionGraphJsonlReader(Path file, ReadOptions options) {
        super(file, options);
    }

    public static CaptionGraphJsonlReader open(Path file, ReadOptions options) {
        return new CaptionGraphJsonlReader(file, options);
    }

    @Override
    protected GroundedCaption parseObject(JsonNode object) throws RecordProblem {
        return SceneJson.readCaption(object);
    }
}
