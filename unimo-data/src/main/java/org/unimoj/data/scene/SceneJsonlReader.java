package org.unimoj.data.scene;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.unimoj.data.io.JsonLinesRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/** Streams the world's image scene graphs ({@code scenes/<split>.jsonl}), validating each. */
public final class SceneJsonlReader extends JsonLinesRecordReader<ImageScene> {

    private SceneJsonlReader(Path file, ReadOptions options) {
        super(file, options);
    }

    public static SceneJsonlReader open(Path file, ReadOptions options) {
        return new SceneJsonlReader(file, options);
    }

    @Override
    protected ImageScene parseObject(JsonNode object) throws RecordProblem {
        return SceneJson.readScene(object);
    }
}
