package org.unimoj.model.tokenizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the files of a byte-level BPE tokenizer: GPT-2's {@code vocab.json} (token to
 * id) and {@code merges.txt} (an optional {@code #version} line, then one merge per line, the two
 * tokens separated by one space), or the {@code model} and {@code added_tokens} sections of a
 * Hugging Face {@code tokenizer.json} whose model is BPE and whose pre-tokenizer is ByteLevel.
 */
public final class TokenizerFiles {

    public static final String VOCAB_JSON = "vocab.json";
    public static final String MERGES_TXT = "merges.txt";
    public static final String TOKENIZER_JSON = "tokenizer.json";
    /** The header GPT-2's and Hugging Face's merges files start with. */
    public static final String MERGES_HEADER = "#version: 0.2";

    /** A vocabulary and the one pre-tokenizer option the files may set. */
    public record Loaded(BpeVocabulary vocabulary, boolean addPrefixSpace) {}

    private TokenizerFiles() {}

    /** {@code vocab.json} + {@code merges.txt} in {@code dir}, else {@code dir/tokenizer.json}, else {@code dir} as a tokenizer.json file. */
    public static Loaded read(Path dir) {
        if (Files.isRegularFile(dir)) {
            return readTokenizerJson(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new TokenizerFormatException(dir + ": no such tokenizer directory or tokenizer.json file");
        }
        Path vocab = dir.resolve(VOCAB_JSON);
        Path merges = dir.resolve(MERGES_TXT);
        if (Files.isRegularFile(vocab) && Files.isRegularFile(merges)) {
            return new Loaded(readVocabAndMerges(vocab, merges), false);
        }
        Path json = dir.resolve(TOKENIZER_JSON);
        if (Files.isRegularFile(json)) {
            return readTokenizerJson(json);
        }
        throw new TokenizerFormatException(dir + ": holds neither " + VOCAB_JSON + " + " + MERGES_TXT + " nor " + TOKENIZER_JSON);
    }

    /** GPT-2 / RoBERTa files. */
    public static BpeVocabulary readVocabAndMerges(Path vocabJson, Path mergesTxt) {
        Map<String, Integer> vocab = readVocabJson(vocabJson);
        List<BpeVocabulary.Merge> merges = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(mergesTxt),
                StandardCharsets.UTF_8.newDecoder()))) {
            String line;
            int lineNo = 0;
            while ((line = readLine(in, mergesTxt, lineNo + 1)) != null) {
                lineNo++;
                if (line.startsWith("#version")) {
                    continue;
                }
                if (line.isEmpty()) {
                    continue;
                }
                int sp = line.indexOf(' ');
                if (sp <= 0 || sp == line.length() - 1 || line.indexOf(' ', sp + 1) >= 0) {
                    throw new TokenizerFormatException(mergesTxt + ": line " + lineNo
                            + ": a merge is two tokens separated by one space, got " + BpeVocabulary.quote(line));
                }
                merges.add(new BpeVocabulary.Merge(line.substring(0, sp), line.substring(sp + 1)));
                lines.add(lineNo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(mergesTxt + ": " + e.getMessage(), e);
        }
        return BpeVocabulary.of(vocab, merges, List.of(), vocabJson.getParent() == null ? vocabJson.toString()
                : vocabJson.getParent().toString(), vocabJson.toString(), i -> mergesTxt + ": line " + lines.get(i));
    }

    private static String readLine(BufferedReader in, Path file, int lineNo) throws IOException {
        try {
            return in.readLine();
        } catch (CharacterCodingException e) {
            throw new TokenizerFormatException(file + ": near line " + lineNo + ": not valid UTF-8", e);
        }
    }

    private static Map<String, Integer> readVocabJson(Path file) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        // 50,000 distinct names: interning or canonicalising them would only churn Jackson's caches.
        JsonFactory factory = JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
        try (JsonParser p = factory.createParser(Files.newInputStream(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TokenizerFormatException(file + ": line " + p.currentLocation().getLineNr()
                        + ": expected a JSON object of token to id");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String token = p.currentName();
                JsonToken v = p.nextToken();
                if (v != JsonToken.VALUE_NUMBER_INT) {
                    throw new TokenizerFormatException(file + ": line " + p.currentLocation().getLineNr() + ": token "
                            + BpeVocabulary.quote(token) + ": the id must be an integer, got " + p.getText());
                }
                if (vocab.put(token, p.getIntValue()) != null) {
                    throw new TokenizerFormatException(file + ": line " + p.currentLocation().getLineNr() + ": token "
                            + BpeVocabulary.quote(token) + " is listed twice");
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new TokenizerFormatException(file + ": line " + p.currentLocation().getLineNr() + ": expected a token or '}'");
            }
        } catch (JsonParseException e) {
            throw new TokenizerFormatException(file + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return vocab;
    }

    /** A Hugging Face {@code tokenizer.json} with a BPE model and a ByteLevel pre-tokenizer. */
    public static Loaded readTokenizerJson(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonParseException e) {
            throw new TokenizerFormatException(file + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        JsonNode model = root.path("model");
        if (!model.isObject()) {
            throw new TokenizerFormatException(file + ": field model: missing (not a Hugging Face tokenizer.json)");
        }
        String type = model.path("type").asText("BPE");
        if (!type.equals("BPE")) {
            throw new TokenizerFormatException(file + ": field model.type: is " + type + "; only BPE is supported");
        }
        for (String field : List.of("continuing_subword_prefix", "end_of_word_suffix")) {
            JsonNode f = model.path(field);
            if (!f.isMissingNode() && !f.isNull() && !f.asText().isEmpty()) {
                throw new TokenizerFormatException(file + ": field model." + field + ": is " + f
                        + "; byte-level BPE (GPT-2/RoBERTa) has none");
            }
        }
        if (model.path("byte_fallback").asBoolean(false)) {
            throw new TokenizerFormatException(file + ": field model.byte_fallback: is true; byte-level BPE needs none");
        }
        boolean addPrefixSpace = byteLevelPrefixSpace(root.path("pre_tokenizer"), file);

        JsonNode vocabNode = model.path("vocab");
        if (!vocabNode.isObject()) {
            throw new TokenizerFormatException(file + ": field model.vocab: missing or not an object");
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt()) {
                throw new TokenizerFormatException(file + ": field model.vocab[" + BpeVocabulary.quote(e.getKey())
                        + "]: the id must be an integer, got " + e.getValue());
            }
            vocab.put(e.getKey(), e.getValue().intValue());
        }
        Set<String> control = new HashSet<>();
        JsonNode added = root.path("added_tokens");
        for (int i = 0; i < added.size(); i++) {
            JsonNode a = added.get(i);
            String content = a.path("content").asText(null);
            if (content == null || !a.path("id").canConvertToInt()) {
                throw new TokenizerFormatException(file + ": field added_tokens[" + i + "]: needs a content and an integer id");
            }
            int id = a.path("id").intValue();
            Integer old = vocab.putIfAbsent(content, id);
            if (old != null && old != id) {
                throw new TokenizerFormatException(file + ": field added_tokens[" + i + "]: " + BpeVocabulary.quote(content)
                        + " has id " + id + " but model.vocab gives it " + old);
            }
            if (a.path("special").asBoolean(false)) {
                control.add(content);
            }
        }
        JsonNode mergesNode = model.path("merges");
        if (!mergesNode.isArray()) {
            throw new TokenizerFormatException(file + ": field model.merges: missing or not an array");
        }
        List<BpeVocabulary.Merge> merges = new ArrayList<>(mergesNode.size());
        for (int i = 0; i < mergesNode.size(); i++) {
            JsonNode m = mergesNode.get(i);
            if (m.isTextual()) {
                String s = m.asText();
                int sp = s.indexOf(' ');
                if (sp <= 0 || sp == s.length() - 1 || s.indexOf(' ', sp + 1) >= 0) {
                    throw new TokenizerFormatException(file + ": field model.merges[" + i
                            + "]: a merge is two tokens separated by one space, got " + BpeVocabulary.quote(s));
                }
                merges.add(new BpeVocabulary.Merge(s.substring(0, sp), s.substring(sp + 1)));
            } else if (m.isArray() && m.size() == 2 && m.get(0).isTextual() && m.get(1).isTextual()) {
                merges.add(new BpeVocabulary.Merge(m.get(0).asText(), m.get(1).asText()));
            } else {
                throw new TokenizerFormatException(file + ": field model.merges[" + i + "]: expected \"a b\" or [\"a\", \"b\"], got " + m);
            }
        }
        BpeVocabulary v = BpeVocabulary.of(vocab, merges, control, file.toString(), file + ": model.vocab",
                i -> file + ": field model.merges[" + i + "]");
        return new Loaded(v, addPrefixSpace);
    }

    /** Finds the ByteLevel pre-tokenizer (alone or in a Sequence) and returns its add_prefix_space. */
    private static boolean byteLevelPrefixSpace(JsonNode pre, Path file) {
        if (pre.path("type").asText("").equals("Sequence")) {
            for (JsonNode p : pre.path("pretokenizers")) {
                if (p.path("type").asText("").equals("ByteLevel")) {
                    return checkedByteLevel(p, file);
                }
            }
        } else if (pre.path("type").asText("").equals("ByteLevel")) {
            return checkedByteLevel(pre, file);
        }
        throw new TokenizerFormatException(file + ": field pre_tokenizer: is " + (pre.isMissingNode() ? "missing" : pre.path("type"))
                + ", not ByteLevel; only byte-level BPE (GPT-2/RoBERTa) is supported");
    }

    private static boolean checkedByteLevel(JsonNode p, Path file) {
        if (!p.path("use_regex").asBoolean(true)) {
            throw new TokenizerFormatException(file + ": field pre_tokenizer.use_regex: is false; only GPT-2's split is supported");
        }
        return p.path("add_prefix_space").asBoolean(false);
    }

    /**
     * Writes {@code vocab.json} (ids ascending) and {@code merges.txt} (with the {@code #version}
     * header) into {@code dir}, each through a temporary file renamed into place.
     */
    public static void write(BpeVocabulary vocab, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path vocabTmp = dir.resolve(VOCAB_JSON + ".tmp");
        try (OutputStream out = Files.newOutputStream(vocabTmp);
             JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            for (int id = 0; id < vocab.size(); id++) {
                String t = vocab.token(id);
                if (t != null) {
                    g.writeNumberField(t, id);
                }
            }
            g.writeEndObject();
        }
        Path mergesTmp = dir.resolve(MERGES_TXT + ".tmp");
        try (Writer w = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(mergesTmp), StandardCharsets.UTF_8))) {
            w.write(MERGES_HEADER);
            w.write('\n');
            for (BpeVocabulary.Merge m : vocab.merges()) {
                w.write(m.left());
                w.write(' ');
                w.write(m.right());
                w.write('\n');
            }
        }
        move(vocabTmp, dir.resolve(VOCAB_JSON));
        move(mergesTmp, dir.resolve(MERGES_TXT));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
