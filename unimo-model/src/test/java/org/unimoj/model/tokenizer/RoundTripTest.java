package org.unimoj.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** encode then decode gives the text back, for valid UTF-8 of every kind; lone surrogates go as jtokkit takes them. */
class RoundTripTest {
    private static ByteLevelBpeTokenizer gpt2;
    private static Encoding oracle;

    @BeforeAll
    static void load() {
        gpt2 = ByteLevelBpeTokenizer.load(Gpt2Files.directory());
        oracle = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    }

    @Test
    void variedTextRoundTrips() {
        String text = Gpt2Files.variedText();
        assertEquals(text, gpt2.decode(gpt2.encode(text)));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), gpt2.decodeBytes(gpt2.encode(text)));
    }

    @Test
    void randomCodePointStringsRoundTripAndMatchTheOracle() {
        Random r = new Random(11);
        for (int k = 0; k < 3000; k++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(40);
            for (int i = 0; i < n; i++) {
                b.appendCodePoint(randomCodePoint(r));
            }
            String s = b.toString();
            int[] ids = gpt2.encode(s);
            assertEquals(s, gpt2.decode(ids));
            Gpt2EquivalenceTest.assertSameIds(s, oracle.encodeOrdinary(s).toArray(), ids);
        }
    }

    /** Any scalar value: ASCII and controls often, then 2-, 3- and 4-byte ones (never a surrogate). */
    private static int randomCodePoint(Random r) {
        switch (r.nextInt(6)) {
            case 0: return r.nextInt(0x80);
            case 1: return " \t\n\r'sdlvemt".charAt(r.nextInt(12));
            case 2: return 0x80 + r.nextInt(0x800 - 0x80);
            case 3: {
                int c = 0x800 + r.nextInt(0x10000 - 0x800);
                return Character.isSurrogate((char) c) ? 0xFFFD : c;
            }
            case 4: return 0x10000 + r.nextInt(0x110000 - 0x10000);
            default: return 0x1F300 + r.nextInt(0x400);
        }
    }

    @Test
    void randomValidUtf8ByteStringsRoundTrip() {
        Random r = new Random(12);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int kept = 0;
        for (int k = 0; k < 200_000 && kept < 3000; k++) {
            // Random bytes biased toward lead and continuation bytes, so multi-byte sequences show up.
            byte[] bytes = new byte[1 + r.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                int kind = r.nextInt(4);
                bytes[i] = (byte) (kind == 0 ? r.nextInt(0x80) : kind == 1 ? 0x80 + r.nextInt(0x40) : 0xC0 + r.nextInt(0x38));
            }
            String s;
            try {
                s = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                continue; // not valid UTF-8
            }
            kept++;
            int[] ids = gpt2.encode(s);
            assertArrayEquals(bytes, gpt2.decodeBytes(ids));
            assertEquals(s, gpt2.decode(ids));
        }
        assertEquals(3000, kept);
    }

    @Test
    void loneSurrogatesAreEncodedAsQuestionMarksLikeTheReference() {
        String[] texts = {"a\uD800b", "\uDC00", "x\uD83D", "\uDE00\uD83D", " \uD800\uD800 ok", "it\uD800's"};
        for (String s : texts) {
            int[] ids = gpt2.encode(s);
            Gpt2EquivalenceTest.assertSameIds(s, oracle.encodeOrdinary(s).toArray(), ids);
            String replaced = s.replaceAll("[\uD800-\uDFFF]", "?");
            assertArrayEquals(gpt2.encode(replaced), ids);
            assertEquals(replaced, gpt2.decode(ids));
            assertEquals(oracle.decode(oracle.encodeOrdinary(s)), gpt2.decode(ids));
        }
    }

    @Test
    void cacheOffGivesTheSameIds() {
        ByteLevelBpeTokenizer uncached = ByteLevelBpeTokenizer.of(gpt2.vocabulary(), false, 0);
        String text = Gpt2Files.variedText().substring(0, 200_000);
        assertArrayEquals(gpt2.encode(text), uncached.encode(text));
    }
}
