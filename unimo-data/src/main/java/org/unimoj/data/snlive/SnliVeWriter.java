package org.unimoj.data.snlive;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unimoj.api.data.VisualEntailment;
import org.unimoj.data.io.Json;

/**
 * Writes SNLI-VE jsonl lines with the real files' fields: {@code annotator_labels},
 * {@code captionID}, {@code gold_label}, {@code pairID}, {@code sentence1}, {@code sentence2},
 * {@code Flickr30K_ID} (the parse-tree fields of SNLI are left out).
 */
public final class SnliVeWriter implements AutoCloseable {

    private final Path file;
    private final Writer out;

    public SnliVeWriter(Path file) {
        this.file = file;
        try {
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** @param captionId the id of the premise caption (SNLI-VE's {@code captionID}) */
    public void write(VisualEntailment e, String captionId) {
        try {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(sw)) {
                g.writeStartObject();
                g.writeFieldName("annotator_labels");
                g.writeStartArray();
                g.writeString(e.label().fileName());
                g.writeEndArray();
                g.writeStringField("captionID", captionId);
                g.writeStringField("gold_label", e.label().fileName());
                g.writeStringField("pairID", e.pairId());
                g.writeStringField("sentence1", e.premise());
                g.writeStringField("sentence2", e.hypothesis());
                g.writeStringField("Flickr30K_ID", e.imageId());
                g.writeEndObject();
            }
            out.write(sw.toString());
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
