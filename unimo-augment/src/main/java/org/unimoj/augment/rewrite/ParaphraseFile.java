package org.unimoj.augment.rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.unimoj.api.data.Caption;

/**
 * Paraphrases read from a file, for instance the back-translations of an external translation system.
 * Two layouts, by file name: {@code *.jsonl}, one object a line,
 * {@code {"caption_id": "...", "paraphrases": ["...", ...]}}; anything else is TSV,
 * {@code caption_id<TAB>paraphrase}, one paraphrase a line (an id may repeat). Blank lines are
 * skipped; a malformed line is an error naming the file, the line and the field. Immutable.
 */
public final class ParaphraseFile implements Paraphraser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> byCaption;

    private ParaphraseFile(Map<String, List<String>> byCaption) {
        this.byCaption = byCaption;
    }

    public static ParaphraseFile read(Path file) {
        Map<String, List<String>> out = new HashMap<>();
        boolean json = file.getFileName().toString().endsWith(".jsonl");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                if (json) {
                    JsonNode node;
                    try {
                        node = JSON.readTree(line);
                    } catch (IOException e) {
                        throw new IllegalArgumentException(file + ":" + n + ": field 'line': not valid JSON");
                    }
                    JsonNode id = node.get("caption_id");
                    JsonNode ps = node.get("paraphrases");
                    if (id == null || !id.isValueNode() || id.asText().isEmpty()) {
                        throw new IllegalArgumentException(file + ":" + n + ": field 'caption_id': missing or empty");
                    }
                    if (ps == null || !ps.isArray()) {
                        throw new IllegalArgumentException(file + ":" + n + ": field 'paraphrases': missing or not an array");
                    }
                    List<String> list = out.computeIfAbsent(id.asText(), k -> new ArrayList<>());
                    for (JsonNode p : ps) {
                        if (!p.isTextual() || p.asText().isBlank()) {
                            throw new IllegalArgumentException(file + ":" + n + ": field 'paraphrases': every element must be a non-empty string");
                        }
                        list.add(p.asText().strip());
                    }
                } else {
                    int tab = line.indexOf('\t');
                    if (tab <= 0) {
                        throw new IllegalArgumentException(file + ":" + n + ": field 'caption_id': expected 'caption_id<TAB>paraphrase'");
                    }
                    String text = line.substring(tab + 1).strip();
                    if (text.isEmpty()) {
                        throw new IllegalArgumentException(file + ":" + n + ": field 'paraphrase': empty");
                    }
                    out.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read paraphrase file " + file + ": " + e.getMessage(), e);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return new ParaphraseFile(Map.copyOf(out));
    }

    @Override
    public List<String> paraphrase(Caption caption, RandomGenerator random) {
        return byCaption.getOrDefault(caption.id(), List.of());
    }

    public int size() {
        return byCaption.size();
    }
}
