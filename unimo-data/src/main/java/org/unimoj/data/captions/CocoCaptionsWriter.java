package org.unimoj.data.captions;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.unimoj.api.data.Caption;
import org.unimoj.data.io.JsonArrayWriter;

/**
 * Writes a COCO {@code captions_*.json} file: {@code {"info", "licenses", "images": [{"id",
 * "file_name", "width", "height"}], "annotations": [{"image_id", "id", "caption"}]}}. Images and
 * annotations are given whole (a split's captions are small).
 */
public final class CocoCaptionsWriter {

    /** One entry of {@code images}. */
    public record Image(long id, String fileName, int width, int height) {}

    private CocoCaptionsWriter() {}

    public static void write(Path file, String description, List<Image> images, List<Caption> captions) {
        try (JsonArrayWriter json = new JsonArrayWriter(file)) {
            JsonGenerator g = json.generator();
            g.writeFieldName("info");
            g.writeStartObject();
            g.writeStringField("description", description);
            g.writeStringField("version", "1.0");
            g.writeEndObject();
            g.writeFieldName("licenses");
            g.writeStartArray();
            g.writeEndArray();
            g.writeFieldName("images");
            g.writeStartArray();
            for (Image im : images) {
                g.writeStartObject();
                g.writeNumberField("id", im.id());
                g.writeStringField("file_name", im.fileName());
                g.writeNumberField("width", im.width());
                g.writeNumberField("height", im.height());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("annotations");
            g.writeStartArray();
            for (Caption c : captions) {
                g.writeStartObject();
                g.writeNumberField("image_id", Long.parseLong(c.imageId()));
                g.writeNumberField("id", Long.parseLong(c.id()));
                g.writeStringField("caption", c.text());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
