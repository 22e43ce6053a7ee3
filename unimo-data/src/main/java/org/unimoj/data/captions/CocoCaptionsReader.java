package org.unimoj.data.captions;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.unimoj.api.data.Caption;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.JsonArrayRecordReader;
import org.unimoj.data.io.JsonArrayRecordReader.JsonCursor;
import org.unimoj.data.io.KnownIds;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Streams the captions of a COCO {@code captions_*.json} file ({@code annotations[]} of
 * {@code {id, image_id, caption}}). Two passes: the first collects the ids of the file's
 * {@code images} (a set of ids, not the file), the second streams the annotations and checks that
 * each {@code image_id} is among them (and among {@link KnownIds}), that the caption is not blank
 * and that annotation ids are unique.
 */
public final class CocoCaptionsReader extends JsonArrayRecordReader<Caption> {

    private final Set<String> images;
    private final KnownIds knownImages;
    private final Set<String> seen = new HashSet<>();

    private CocoCaptionsReader(Path file, ReadOptions options, Set<String> images, KnownIds knownImages) {
        super(file, options, "annotations");
        this.images = images;
        this.knownImages = knownImages;
    }

    public static CocoCaptionsReader open(Path file, ReadOptions options) {
        return open(file, options, KnownIds.ANY);
    }

    public static CocoCaptionsReader open(Path file, ReadOptions options, KnownIds knownImages) {
        return new CocoCaptionsReader(file, options, imageIds(file), knownImages);
    }

    /** The ids of the {@code images} array of a COCO file. */
    public static Set<String> imageIds(Path file) {
        Set<String> ids = new HashSet<>();
        try (JsonCursor c = new JsonCursor(file, "images")) {
            while (c.nextElement()) {
                JsonNode img = c.readElement();
                String at = "images[" + c.elementIndex() + "]";
                try {
                    ids.add(Json.id(Json.object(img, at), "id", at));
                } catch (RecordProblem p) {
                    throw new DataError(file, c.elementLine(), p.field(), p.reason());
                }
            }
        } catch (RecordProblem p) {
            throw new DataError(file, 0, p.field(), p.reason());
        }
        return ids;
    }

    @Override
    protected Caption parseElement(JsonNode e, long index) throws RecordProblem {
        String at = "annotations[" + index + "]";
        Json.object(e, at);
        String id = Json.id(e, "id", at);
        String imageId = Json.id(e, "image_id", at);
        String caption = Json.text(e, "caption", at);
        if (!images.contains(imageId)) {
            throw new RecordProblem(at + ".image_id", "unknown image id '" + imageId + "' (not in this file's images)");
        }
        knownImages.check(imageId, at + ".image_id");
        if (!seen.add(id)) {
            throw new RecordProblem(at + ".id", "duplicate annotation id '" + id + "'");
        }
        return new Caption(id, imageId, caption);
    }
}
