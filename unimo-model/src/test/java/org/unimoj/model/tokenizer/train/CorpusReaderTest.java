package org.unimoj.model.tokenizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unimoj.model.tokenizer.Gpt2PreTokenizer;
import org.unimoj.model.tokenizer.TokenizerFormatException;
import org.unimoj.model.tokenizer.sample.VariedText;

/** Streaming through small buffers splits a text exactly as splitting it whole does. */
class CorpusReaderTest {

    private static List<String> streamed(String text, int bufferChars) {
        List<String> out = new ArrayList<>();
        CorpusReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text",
                (s, from, to) -> out.add(new String(s, from, to - from)), b -> { }, bufferChars);
        return out;
    }

    @Test
    void smallBuffersSplitLikeTheWholeText() {
        Path flickr = Path.of(System.getProperty("unimo.root", ".")).resolve("../shared/data/flickr8k/Flickr8k.token.txt");
        String text = VariedText.generate(99L, VariedText.flickr8kCaptions(flickr), 300_000);
        List<String> whole = Gpt2PreTokenizer.split(text);
        for (int buffer : new int[] {1 << 20, 4096, 257, 64}) {
            List<String> parts = streamed(text, buffer);
            if (buffer > 300) {
                assertEquals(whole, parts, "buffer " + buffer);
            } else {
                // Tiny buffers cut the few words longer than the buffer into pieces, and only those.
                assertEquals(text, String.join("", parts));
                List<String> longWords = whole.stream().filter(w -> w.length() > buffer - 4).toList();
                assertTrue(parts.size() >= whole.size());
                List<String> shortParts = new ArrayList<>(whole);
                shortParts.removeAll(longWords);
                assertTrue(parts.containsAll(shortParts));
            }
        }
    }

    @Test
    void invalidUtf8NamesTheLineAndOffset() {
        byte[] bytes = "line one\nline two\nbad \u00e9 here".getBytes(StandardCharsets.UTF_8);
        int lead = "line one\nline two\nbad ".length(); // all ASCII before it: the byte offset of é's lead byte
        bytes[lead + 1] = (byte) 0xFF; // break é's continuation byte: the sequence from the lead byte is malformed
        byte[] b = bytes;
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> CorpusReader.read(
                new ByteArrayInputStream(b), "corpus.txt", (s, from, to) -> { }, x -> { }, 16));
        assertTrue(e.getMessage().startsWith("corpus.txt: line 3: not valid UTF-8 (byte offset " + lead + ")"), e.getMessage());
    }
}
