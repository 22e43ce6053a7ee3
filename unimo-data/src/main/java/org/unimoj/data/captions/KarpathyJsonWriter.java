package org.unimoj.data.captions;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.data.io.JsonArrayWriter;

/**
 * Writes a Karpathy-style caption file, image by image: {@code {"images": [{"filepath",
 * "sentids", "filename", "imgid", "split", "sentences": [{"tokens", "raw", "imgid", "sentid"}],
 * "cocoid"}], "dataset": NAME}}. Numeric ids are written as numbers, as in the originals.
 */
public final class KarpathyJsonWriter implements AutoCloseable {

    private final Path file;
    private final String dataset;
    private final JsonArrayWriter json;
    private final JsonGenerator g;
    private int imgid;

    public KarpathyJsonWriter(Path file, String dataset) {
        this.file = file;
        this.dataset = dataset;
        this.json = new JsonArrayWriter(file);
        this.g = json.generator();
        try {
            g.writeFieldName("images");
            g.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public void add(CaptionedImage image) {
        try {
            int img = imgid++;
            List<Caption> captions = image.captions();
            g.writeStartObject();
            g.writeStringField("filepath", image.split().fileName());
            g.writeFieldName("sentids");
            g.writeStartArray();
            for (Caption c : captions) {
                writeId(c.id());
            }
            g.writeEndArray();
            g.writeStringField("filename", image.fileName());
            g.writeNumberField("imgid", img);
            g.writeStringField("split", image.split().fileName());
            g.writeFieldName("sentences");
            g.writeStartArray();
            for (int i = 0; i < captions.size(); i++) {
                g.writeStartObject();
                g.writeFieldName("tokens");
                g.writeStartArray();
                for (String t : image.tokens().get(i)) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeStringField("raw", captions.get(i).text());
                g.writeNumberField("imgid", img);
                g.writeFieldName("sentid");
                writeId(captions.get(i).id());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("cocoid");
            writeId(image.imageId());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void writeId(String id) throws IOException {
        if (!id.isEmpty() && id.length() < 18 && id.chars().allMatch(Character::isDigit)) {
            g.writeNumber(Long.parseLong(id));
        } else {
            g.writeString(id);
        }
    }

    @Override
    public void close() {
        try {
            g.writeEndArray();
            g.writeStringField("dataset", dataset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        json.close();
    }
}
