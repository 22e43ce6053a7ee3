package org.unimoj.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written split equals GPT-2's regular expression as java.util.regex runs it (jtokkit's form). */
class PreTokenizerTest {
    private static final Pattern GPT2 = Pattern.compile(
            "'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private static List<String> byRegex(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = GPT2.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void knownCases() {
        assertEquals(List.of("Hello", ",", " world", "!", "  ", " It", "'s", " 2024", "\n\n"), Gpt2PreTokenizer.split("Hello, world!   It's 2024\n\n"));
        assertEquals(List.of("don", "'t", " DON", "'", "T", " '", "ll", "'ll"), Gpt2PreTokenizer.split("don't DON'T 'll'll"));
        assertEquals(List.of("\n", "x", " ", "\t", "y"), Gpt2PreTokenizer.split("\nx \ty"));
    }

    @Test
    void variedTextSplitsAsTheRegex() {
        String text = Gpt2Files.variedText();
        assertEquals(byRegex(text), Gpt2PreTokenizer.split(text));
    }

    @Test
    void everyBmpCharAndSomeSupplementaryOnesSplitAsTheRegex() {
        // Each char between two letters, two digits, two spaces and at a text's ends: its class decides the split.
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < 0x10000; c++) {
            b.append('a').append((char) c).append("1 ").append((char) c).append("  ").append((char) c).append('\'');
        }
        for (int cp = 0x10000; cp < 0x110000; cp += 97) {
            b.append('a').appendCodePoint(cp).append("1 ").appendCodePoint(cp).append(' ');
        }
        String text = b.toString();
        assertEquals(byRegex(text), Gpt2PreTokenizer.split(text));
    }

    @Test
    void randomMixturesSplitAsTheRegex() {
        String alphabet = " \t\n\r\u00A0\u3000\u2028'sdmtlvreSA1٣½.,!?-_\u0301\u200D\uD83D\uDE00\uD800\uDC00é中ä";
        Random r = new Random(3);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(16);
            for (int i = 0; i < n; i++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(byRegex(s), Gpt2PreTokenizer.split(s), () -> BpeVocabulary.quote(s));
        }
    }
}
