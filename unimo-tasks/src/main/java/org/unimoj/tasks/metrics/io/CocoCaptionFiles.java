package org.unimoj.tasks.metrics.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers for the COCO caption formats: the references file ({@code captions_*.json}: an object whose
 * {@code "annotations"} array holds {@code {"image_id", "caption"}}) and the results file a captioning
 * system writes (a top-level array of {@code {"image_id", "caption"}}). Image ids may be integers or
 * strings; they are keyed by their text.
 */
public final class CocoCaptionFiles {

    private CocoCaptionFiles() {
    }

    /** Image id to its reference captions, in file order. */
    public static Map<String, List<String>> references(Path file) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        int n = JsonRecords.forEach(file, "annotations", r -> {
            String id = JsonRecords.id(file, r, "annotations", "image_id");
            String caption = JsonRecords.text(file, r, "annotations", "caption");
            refs.computeIfAbsent(id, k -> new ArrayList<>()).add(caption);
        });
        if (n == 0) {
            throw new MetricInputException(file, "the \"annotations\" array is empty");
        }
        return refs;
    }

    /** The results of a captioning system: image id to its caption and the line it was read from. */
    public record Results(Map<String, String> captions, Map<String, Long> lines) {
    }

    /** Image id to candidate caption; an image with two results is an error, as in the COCO evaluation. */
    public static Results results(Path file) {
        Map<String, String> captions = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        int n = JsonRecords.forEach(file, null, r -> {
            String id = JsonRecords.id(file, r, "results", "image_id");
            String caption = JsonRecords.text(file, r, "results", "caption");
            Long earlier = lines.putIfAbsent(id, r.line());
            if (earlier != null) {
                throw new MetricInputException(file, r.line(), "results[" + r.index() + "].image_id",
                        "image " + id + " already has a result (line " + earlier + "); the COCO evaluation needs one caption per image");
            }
            captions.put(id, caption);
        });
        if (n == 0) {
            throw new MetricInputException(file, "no results (the top-level array is empty)");
        }
        return new Results(captions, lines);
    }
}
