package org.unimoj.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scan and the heap merge words identically, on short and long words. */
class BpeMergerTest {

    @Test
    void scanAndHeapAgree() {
        BpeVocabulary vocab = ByteLevelBpeTokenizer.load(Gpt2Files.directory()).vocabulary();
        BpeMerger merger = vocab.newMerger();
        String text = Gpt2Files.variedText();
        Random r = new Random(5);
        int merged = 0;
        for (int k = 0; k < 5000; k++) {
            int from = r.nextInt(text.length() - 400);
            String word = text.substring(from, from + 2 + r.nextInt(k % 10 == 0 ? 400 : 30));
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            int[] a = initial(vocab, bytes);
            int[] b = initial(vocab, bytes);
            int na = merger.mergeByScan(a, a.length);
            int nb = merger.mergeByHeap(b, b.length);
            assertArrayEquals(Arrays.copyOf(a, na), Arrays.copyOf(b, nb), word);
            merged += bytes.length - na;
        }
        assertTrue(merged > 10_000, "the words merged: " + merged);
    }

    private static int[] initial(BpeVocabulary vocab, byte[] bytes) {
        int[] sym = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            sym[i] = vocab.byteId(bytes[i] & 0xFF);
        }
        return sym;
    }
}
