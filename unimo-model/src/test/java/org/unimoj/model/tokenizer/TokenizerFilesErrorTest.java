package org.unimoj.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad tokenizer files fail with one message naming the file, the line or field, and the problem. */
class TokenizerFilesErrorTest {
    @TempDir
    Path tmp;

    private static String byteVocab(String extra) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < 256; i++) {
            int c = ByteLevelAlphabet.byteInGpt2Order(i);
            String t = String.valueOf(ByteLevelAlphabet.charOf(c));
            b.append('"').append(t.equals("\"") ? "\\\"" : t.equals("\\") ? "\\\\" : t).append("\": ").append(i).append(",\n");
        }
        b.append(extra).append("}");
        return b.toString();
    }

    private Path write(String vocab, String merges) throws IOException {
        Files.writeString(tmp.resolve("vocab.json"), vocab, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("merges.txt"), merges, StandardCharsets.UTF_8);
        return tmp;
    }

    private void assertFails(Path dir, String... parts) {
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> ByteLevelBpeTokenizer.load(dir));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void smallValidFilesLoad() throws IOException {
        ByteLevelBpeTokenizer t = ByteLevelBpeTokenizer.load(write(byteVocab("\"Ġa\": 256, \"Ġab\": 257"), "#version: 0.2\nĠ a\nĠa b\n"));
        assertTrue(java.util.Arrays.equals(new int[] {257}, t.encode(" ab")));
    }

    @Test
    void mergeOfUnknownTokenNamesTheLine() throws IOException {
        assertFails(write(byteVocab("\"Ġa\": 256"), "#version: 0.2\nĠ a\nĠa b\n"), "merges.txt: line 3", "merged token", "\"Ġab\"");
    }

    @Test
    void malformedMergeLineNamesTheLine() throws IOException {
        assertFails(write(byteVocab("\"Ġa\": 256"), "#version: 0.2\nĠ a\nĠab\n"), "merges.txt: line 3", "two tokens");
    }

    @Test
    void missingByteIsNamed() throws IOException {
        assertFails(write("{\"a\": 0}", ""), "vocab.json", "no token for byte 0x00");
    }

    @Test
    void nonIntegerIdNamesTheLine() throws IOException {
        assertFails(write(byteVocab("\"Ġa\": \"x\""), ""), "vocab.json: line 257", "\"Ġa\"", "integer");
    }

    @Test
    void brokenJsonNamesTheLine() throws IOException {
        assertFails(write("{\n\"a\": 1,\n\"b\" 2}", ""), "vocab.json: line 3");
    }

    @Test
    void duplicateIdIsNamed() throws IOException {
        assertFails(write(byteVocab("\"Ġa\": 5"), ""), "id 5 is given to both");
    }

    @Test
    void missingFilesAreNamed() {
        assertFails(tmp, "neither vocab.json + merges.txt nor tokenizer.json");
        assertFails(tmp.resolve("nope"), "no such tokenizer directory");
    }

    @Test
    void nonBpeTokenizerJsonIsRefused() throws IOException {
        Files.writeString(tmp.resolve("tokenizer.json"), "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {}}}");
        assertFails(tmp, "model.type", "WordPiece");
        Files.writeString(tmp.resolve("tokenizer.json"), "{\"model\": {\"type\": \"BPE\", \"vocab\": {}, \"merges\": []},"
                + " \"pre_tokenizer\": {\"type\": \"Metaspace\"}}");
        assertFails(tmp, "pre_tokenizer", "not ByteLevel");
    }
}
