package org.unimoj.tasks.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared reference data the metric tests read (never copied into the project). */
public final class SharedData {

    private SharedData() {
    }

    public static Path shared(String relative) {
        Path p = Path.of(System.getProperty("unimo.root", ".")).resolve("../shared").resolve(relative).normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared data missing: " + p);
        }
        return p;
    }

    /** The pycocoevalcap reference fixture: 300 Flickr8k images, candidate = caption #0. */
    public record CaptionFixture(Map<String, String> candidates, Map<String, List<String>> references,
            Map<String, String> candidatesRaw, Map<String, List<String>> referencesRaw, Map<String, Double> scores) {
    }

    public static CaptionFixture captionFixture() {
        try {
            JsonNode root = new ObjectMapper().readTree(shared("fixtures/metrics/flickr8k-cand0-first300.json").toFile());
            Map<String, String> cands = new LinkedHashMap<>();
            Map<String, List<String>> refs = new LinkedHashMap<>();
            Map<String, String> candsRaw = new LinkedHashMap<>();
            Map<String, List<String>> refsRaw = new LinkedHashMap<>();
            for (JsonNode item : root.get("items")) {
                String id = item.get("image").asText();
                cands.put(id, item.get("candidate").asText());
                candsRaw.put(id, item.get("candidate_raw").asText());
                refs.put(id, texts(item.get("references")));
                refsRaw.put(id, texts(item.get("references_raw")));
            }
            Map<String, Double> scores = new LinkedHashMap<>();
            root.get("scores").properties().forEach(e -> scores.put(e.getKey(), e.getValue().asDouble()));
            return new CaptionFixture(cands, refs, candsRaw, refsRaw, scores);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Flickr8k captions: image file to its captions in file order. */
    public static Map<String, List<String>> flickr8k() {
        try {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (String line : Files.readAllLines(shared("data/flickr8k/Flickr8k.token.txt"))) {
                if (line.isBlank()) {
                    continue;
                }
                int hash = line.indexOf('#');
                int space = hash + 2;
                out.computeIfAbsent(line.substring(0, hash), k -> new ArrayList<>()).add(line.substring(space).trim());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
