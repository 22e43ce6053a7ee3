package org.unimoj.data.snlive;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.unimoj.api.data.EntailmentLabel;
import org.unimoj.api.data.VisualEntailment;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.JsonLinesRecordReader;
import org.unimoj.data.io.KnownIds;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Streams an SNLI-VE jsonl file. Checked: {@code Flickr30K_ID}, {@code sentence1},
 * {@code sentence2} present and non-blank, {@code gold_label} one of entailment, neutral,
 * contradiction (SNLI's "-" for "no consensus" is a bad record), {@code pairID} unique (the line
 * number when absent), and the image known to {@link KnownIds}.
 */
public final class SnliVeReader extends JsonLinesRecordReader<VisualEntailment> {

    private final KnownIds knownImages;
    private final Set<String> seen = new HashSet<>();

    private SnliVeReader(Path file, ReadOptions options, KnownIds knownImages) {
        super(file, options);
        this.knownImages = knownImages;
    }

    public static SnliVeReader open(Path file, ReadOptions options) {
        return new SnliVeReader(file, options, KnownIds.ANY);
    }

    public static SnliVeReader open(Path file, ReadOptions options, KnownIds knownImages) {
        return new SnliVeReader(file, options, knownImages);
    }

    @Override
    protected VisualEntailment parseObject(JsonNode o) throws RecordProblem {
        String image = Json.id(o, "Flickr30K_ID", "");
        String premise = Json.text(o, "sentence1", "");
        String hypothesis = Json.text(o, "sentence2", "");
        String gold = Json.text(o, "gold_label", "");
        EntailmentLabel label;
        try {
            label = EntailmentLabel.parse(gold);
        } catch (IllegalArgumentException e) {
            throw new RecordProblem("gold_label", e.getMessage());
        }
        String pairId = o.has("pairID") ? Json.id(o, "pairID", "") : "line " + lines.lineNumber();
        knownImages.check(image, "Flickr30K_ID");
        if (!seen.add(pairId)) {
            throw new RecordProblem("pairID", "duplicate pair id '" + pairId + "'");
        }
        return new VisualEntailment(pairId, image, premise, hypothesis, label);
    }
}
