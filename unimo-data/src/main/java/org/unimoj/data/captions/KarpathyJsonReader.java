package org.unimoj.data.captions;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.data.Split;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.JsonArrayRecordReader;
import org.unimoj.data.io.KnownIds;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Streams the images of a Karpathy-style caption file ({@code dataset_coco.json},
 * {@code dataset_flickr30k.json}, the world's {@code dataset_world.json}): the top-level
 * {@code images} array, one image at a time.
 *
 * <p>The image id is {@code cocoid} when present (COCO, the world), else the file name without its
 * extension (Flickr30k: "1000092795.jpg" -> "1000092795", as Flickr30k feature files name images).
 * A caption's id is its {@code sentid}. Checked: the split ("restval" counts as train), a
 * non-empty {@code sentences} array whose {@code raw} texts are non-blank, {@code tokens} (when
 * present) an array of strings, ids unique in the file and known to {@link KnownIds}.
 */
public final class KarpathyJsonReader extends JsonArrayRecordReader<CaptionedImage> {

    private final KnownIds knownImages;
    private final Set<String> seen = new HashSet<>();

    private KarpathyJsonReader(Path file, ReadOptions options, KnownIds knownImages) {
        super(file, options, "images");
        this.knownImages = knownImages;
    }

    public static KarpathyJsonReader open(Path file, ReadOptions options) {
        return new KarpathyJsonReader(file, options, KnownIds.ANY);
    }

    /** Also checks that every image id is among {@code knownImages} (e.g. a feature file's). */
    public static KarpathyJsonReader open(Path file, ReadOptions options, KnownIds knownImages) {
        return new KarpathyJsonReader(file, options, knownImages);
    }

    @Override
    protected CaptionedImage parseElement(JsonNode e, long index) throws RecordProblem {
        String at = "images[" + index + "]";
        Json.object(e, at);
        String fileName = Json.text(e, "filename", at);
        String idField;
        String imageId;
        if (e.has("cocoid")) {
            idField = "cocoid";
            imageId = Json.id(e, "cocoid", at);
        } else {
            idField = "filename";
            int dot = fileName.lastIndexOf('.');
            imageId = dot > 0 ? fileName.substring(0, dot) : fileName;
        }
        Split split;
        String splitText = Json.text(e, "split", at);
        try {
            split = Split.parse(splitText);
        } catch (IllegalArgumentException ex) {
            throw new RecordProblem(at + ".split", ex.getMessage());
        }
        knownImages.check(imageId, at + "." + idField);
        JsonNode sentences = Json.array(e, "sentences", at);
        if (sentences.isEmpty()) {
            throw new RecordProblem(at + ".sentences", "no captions");
        }
        List<Caption> captions = new ArrayList<>(sentences.size());
        List<List<String>> tokens = new ArrayList<>(sentences.size());
        for (int k = 0; k < sentences.size(); k++) {
            String sat = at + ".sentences[" + k + "]";
            JsonNode s = Json.object(sentences.get(k), sat);
            String raw = Json.text(s, "raw", sat);
            String id = s.has("sentid") ? Json.id(s, "sentid", sat) : imageId + "#" + k;
            List<String> tok = new ArrayList<>();
            if (s.has("tokens")) {
                JsonNode t = Json.array(s, "tokens", sat);
                for (int j = 0; j < t.size(); j++) {
                    if (!t.get(j).isTextual()) {
                        throw new RecordProblem(sat + ".tokens[" + j + "]", "expected a string, got " + t.get(j));
                    }
                    tok.add(t.get(j).textValue());
                }
            }
            captions.add(new Caption(id, imageId, raw));
            tokens.add(tok);
        }
        if (!seen.add(imageId)) {
            throw new RecordProblem(at + "." + idField, "duplicate image id '" + imageId + "'");
        }
        return new CaptionedImage(imageId, fileName, split, captions, tokens);
    }
}
