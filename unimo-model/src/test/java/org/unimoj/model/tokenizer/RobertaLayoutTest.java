package org.unimoj.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.text.TextEncoder;

/**
 * RoBERTa's layout: GPT-2's merges with ids renumbered (as fairseq's dictionary does), the specials
 * at 0..3 and {@code <mask>} last; read from vocab.json + merges.txt and from a tokenizer.json.
 */
class RobertaLayoutTest {
    private static ByteLevelBpeTokenizer gpt2;
    /** GPT-2 id -> RoBERTa-like id. */
    private static int[] renumber;
    private static Path robertaDir;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void build() throws IOException {
        gpt2 = ByteLevelBpeTokenizer.load(Gpt2Files.directory());
        BpeVocabulary g = gpt2.vocabulary();
        List<Integer> order = new ArrayList<>();
        for (int id = 0; id < 50256; id++) {
            order.add(id);
        }
        Collections.shuffle(order, new Random(1));
        renumber = new int[50256];
        Map<String, Integer> vocab = new LinkedHashMap<>();
        vocab.put("<s>", 0);
        vocab.put("<pad>", 1);
        vocab.put("</s>", 2);
        vocab.put("<unk>", 3);
        for (int i = 0; i < order.size(); i++) {
            renumber[order.get(i)] = 4 + i;
            vocab.put(g.token(order.get(i)), 4 + i);
        }
        vocab.put("<mask>", 4 + order.size());
        robertaDir = tmp.resolve("roberta");
        TokenizerFiles.write(BpeVocabulary.of(vocab, g.merges(), List.of(), "roberta-like"), robertaDir);
    }

    @Test
    void specialsHaveRobertasIdsAndTextMapsToTheRenumberedGpt2Ids() {
        ByteLevelBpeTokenizer roberta = ByteLevelBpeTokenizer.load(robertaDir);
        assertEquals(new SpecialTokens(0, 1, 2, 3, 50260), roberta.specialTokens());
        assertEquals(0, roberta.clsId());
        assertEquals(1, roberta.padId());
        assertEquals(2, roberta.sepId());
        assertEquals(3, roberta.unkId());
        assertEquals(50260, roberta.maskId());
        assertEquals(50261, roberta.vocabSize());
        String text = Gpt2Files.variedText().substring(0, 100_000);
        int[] expected = gpt2.encode(text);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = renumber[expected[i]];
        }
        int[] ids = roberta.encode(text);
        assertArrayEquals(expected, ids);
        assertEquals(text, roberta.decode(ids));
    }

    @Test
    void specialTokensInTextAreText() {
        ByteLevelBpeTokenizer roberta = ByteLevelBpeTokenizer.load(robertaDir);
        int[] ids = roberta.encode("<mask> <s>");
        for (int id : ids) {
            assertFalse(roberta.vocabulary().isControl(id));
        }
        assertEquals("<mask> <s>", roberta.decode(ids));
    }

    @Test
    void wrappingPairsTruncationAndMasks() {
        ByteLevelBpeTokenizer t = ByteLevelBpeTokenizer.load(robertaDir);
        int[] a = t.encode(" a dog runs on the grass");
        int[] b = t.encode(" it is a cat");
        int[] single = t.encodeSingle(" a dog runs on the grass", 64);
        assertEquals(a.length + 2, single.length);
        assertEquals(0, single[0]);
        assertEquals(2, single[single.length - 1]);
        assertEquals(" a dog runs on the grass", t.decode(single));

        int[] pair = t.encodePair(" a dog runs on the grass", " it is a cat", 64);
        assertEquals(a.length + b.length + 3, pair.length);
        assertEquals(2, pair[a.length + 1]);
        // Our longest-first equals the API's one-id-at-a-time definition for every budget.
        for (int max = 3; max <= a.length + b.length + 4; max++) {
            TextEncoder apiDefault = new DefaultWrapping(t);
            assertArrayEquals(apiDefault.encodePair(" a dog runs on the grass", " it is a cat", max),
                    t.encodePair(" a dog runs on the grass", " it is a cat", max), "max " + max);
        }
        int[] onlySecond = t.encodePair(" a dog runs on the grass", " it is a cat", a.length + 4, Truncation.ONLY_SECOND);
        assertArrayEquals(a, java.util.Arrays.copyOfRange(onlySecond, 1, a.length + 1));
        assertEquals(a.length + 4, onlySecond.length);
        assertThrows(IllegalArgumentException.class,
                () -> t.encodePair(" a dog runs on the grass", " it is a cat", b.length + 3, Truncation.ONLY_SECOND));

        PaddedBatch batch = t.encodeBatch(List.of(" a dog", " a dog runs on the grass"), 64);
        assertEquals(2, batch.size());
        assertEquals(a.length + 2, batch.length());
        int shortLen = batch.lengths()[0];
        for (int j = 0; j < batch.length(); j++) {
            assertEquals(j < shortLen ? 1 : 0, batch.attentionMask()[0][j]);
            assertEquals(1, batch.attentionMask()[1][j]);
            if (j >= shortLen) {
                assertEquals(t.padId(), batch.ids()[0][j]);
            }
        }
    }

    /** The API's default pair wrapping, over our encode, as the reference for truncation. */
    private record DefaultWrapping(ByteLevelBpeTokenizer t) implements TextEncoder {
        public int[] encode(String text) { return t.encode(text); }
        public String decode(int[] ids) { return t.decode(ids); }
        public int vocabSize() { return t.vocabSize(); }
        public int clsId() { return t.clsId(); }
        public int sepId() { return t.sepId(); }
        public int padId() { return t.padId(); }
        public int unkId() { return t.unkId(); }
        public int maskId() { return t.maskId(); }
    }

    @Test
    void tokenizerJsonGivesTheSameTokenizer() throws IOException {
        BpeVocabulary v = ByteLevelBpeTokenizer.load(robertaDir).vocabulary();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        ArrayNode added = root.putArray("added_tokens");
        for (String s : List.of("<s>", "<pad>", "</s>", "<unk>", "<mask>")) {
            added.addObject().put("id", v.id(s)).put("content", s).put("special", true);
        }
        root.putObject("pre_tokenizer").put("type", "ByteLevel").put("add_prefix_space", false).put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        ObjectNode vocab = model.putObject("vocab");
        for (int id = 0; id < v.size(); id++) {
            if (v.token(id) != null && !v.token(id).equals("<mask>")) {
                vocab.put(v.token(id), id); // <mask> only among the added tokens, as some files have it
            }
        }
        ArrayNode merges = model.putArray("merges");
        for (int i = 0; i < v.merges().size(); i++) {
            BpeVocabulary.Merge m = v.merges().get(i);
            if (i % 2 == 0) {
                merges.add(m.left() + " " + m.right());
            } else {
                merges.addArray().add(m.left()).add(m.right());
            }
        }
        Path dir = tmp.resolve("hf");
        Files.createDirectories(dir);
        json.writeValue(dir.resolve("tokenizer.json").toFile(), root);

        ByteLevelBpeTokenizer fromJson = ByteLevelBpeTokenizer.load(dir);
        ByteLevelBpeTokenizer fromFiles = ByteLevelBpeTokenizer.load(robertaDir);
        assertEquals(fromFiles.specialTokens(), fromJson.specialTokens());
        String text = Gpt2Files.variedText().substring(0, 50_000);
        assertArrayEquals(fromFiles.encode(text), fromJson.encode(text));
        assertArrayEquals(fromFiles.encode(text), ByteLevelBpeTokenizer.load(dir.resolve("tokenizer.json")).encode(text));

        root.with("pre_tokenizer").put("add_prefix_space", true);
        json.writeValue(dir.resolve("tokenizer.json").toFile(), root);
        assertArrayEquals(fromFiles.encode(" Hello"), ByteLevelBpeTokenizer.load(dir).encode("Hello"));
        assertTrue(ByteLevelBpeTokenizer.load(dir).toString().contains("add_prefix_space"));
    }
}
