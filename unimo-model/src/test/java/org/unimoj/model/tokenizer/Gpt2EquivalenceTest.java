package org.unimoj.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our tokenizer over GPT-2's files gives the ids of jtokkit's r50k_base (the oracle), and decodes them back. */
class Gpt2EquivalenceTest {
    private static ByteLevelBpeTokenizer ours;
    private static Encoding oracle;

    @BeforeAll
    static void load() {
        ours = ByteLevelBpeTokenizer.load(Gpt2Files.directory());
        oracle = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    }

    @Test
    void gpt2FilesLoadWithoutRobertaSpecials() {
        assertEquals(50257, ours.vocabSize());
        assertEquals(50000, ours.vocabulary().merges().size());
        assertEquals(SpecialTokens.NONE, ours.specialTokens());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, ours::clsId);
        assertTrue(e.getMessage().contains("<s>"), e.getMessage());
        assertTrue(ours.vocabulary().isControl(50256));
    }

    @Test
    void variedTextOfOverOneMegabyteGivesTheOraclesIds() {
        String text = Gpt2Files.variedText();
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length >= 1_000_000);
        int[] expected = oracle.encodeOrdinary(text).toArray();
        int[] actual = ours.encode(text);
        assertSameIds(text, expected, actual);
        assertEquals(text, ours.decode(actual));
    }

    @Test
    void eachLineAloneGivesTheOraclesIds() {
        // Line by line exercises text starts and ends (the whitespace look-ahead) many times over.
        for (String line : Gpt2Files.variedText().split("\n", -1)) {
            int[] expected = oracle.encodeOrdinary(line).toArray();
            assertSameIds(line, expected, ours.encode(line));
        }
    }

    /** Fails with the first differing position, the ids around it and the text they stand for. */
    static void assertSameIds(String text, int[] expected, int[] actual) {
        if (java.util.Arrays.equals(expected, actual)) {
            return;
        }
        int i = 0;
        while (i < Math.min(expected.length, actual.length) && expected[i] == actual[i]) {
            i++;
        }
        int from = Math.max(0, i - 3);
        String exp = java.util.Arrays.toString(java.util.Arrays.copyOfRange(expected, from, Math.min(expected.length, i + 5)));
        String act = java.util.Arrays.toString(java.util.Arrays.copyOfRange(actual, from, Math.min(actual.length, i + 5)));
        fail("ids differ at " + i + " of " + expected.length + " (text of " + text.length() + " chars): expected " + exp
                + ", got " + act);
    }
}
