package org.unimoj.model.tokenizer.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic varied text for tokenizer checks and benchmarks: real captions interleaved with
 * generated source code, CJK, emoji (with ZWJ sequences, skin tones, flags), numbers, runs of
 * mixed whitespace, other scripts with combining marks, contractions and control characters. The
 * same seed, captions and size always give the same text (java.util.Random is specified).
 */
public final class VariedText {

    private static final String[] WORDS = {
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
        "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
        "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would",
        "who", "so", "no", "Tokenization", "internationalization", "antidisestablishmentarianism", "GPU", "JSON",
        "naïve", "café", "façade", "coöperate", "Zürich", "São", "Paulo", "München", "Øresund", "Łódź", "İstanbul"};
    private static final String[] CONTRACTIONS = {"don't", "I'm", "we've", "they're", "she'll", "he'd", "it's",
        "DON'T", "I'LL", "O'Neil", "rock'n'roll", "'quoted'", "y'all", "ma'am", "'s", "''", "'''"};
    private static final String[] CODE_KEYWORDS = {"public", "static", "final", "int", "return", "for", "while",
        "if", "else", "new", "class", "void", "def", "self", "import", "lambda", "None", "true", "false", "null"};
    private static final String[] CODE_OPERATORS = {" = ", " == ", " != ", " += ", " -> ", " => ", " && ", " || ",
        "++", "--", " << ", " >>> ", " % ", "::", ".", ", ", "; ", "(", ")", "[", "]", "{", "}", "</", "/>", "#", "@"};
    private static final String[] SCRIPTS = {
        "Привет, как дела? Съешь же ещё этих мягких французских булок.",
        "Γειά σου κόσμε· ξεσκεπάζω την ψυχοφθόρα βδελυγμία.",
        "مرحبا بالعالم، هذا نص عربي للاختبار.",
        "नमस्ते दुनिया, यह एक परीक्षण है।",
        "שלום עולם, זהו מבחן.",
        "สวัสดีชาวโลก นี่คือการทดสอบ",
        "Tiếng Việt có dấu: người, được, những.",
        "e\u0301 a\u0300 o\u0308 n\u0303 combining marks: Z\u0351\u036b\u0343\u036a\u0302a\u0310\u0352l\u0357g\u0314o",
        "ﬁ ﬂ ﬀ ligatures, Ⅻ roman numerals, ½ ¾ ² ³ fractions, ① ② circled, ⁰¹² super",
        "ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ　１２３",
    };
    private static final String WHITESPACE = " \t\n\r\u000B\f\u00A0\u1680\u2000\u2003\u2009\u200A\u2028\u2029\u202F\u205F\u3000\u0085";

    private final Random random;
    private final List<String> captions;
    private int nextCaption;

    private VariedText(long seed, List<String> captions) {
        this.random = new Random(seed);
        this.captions = captions;
        this.nextCaption = captions.isEmpty() ? 0 : random.nextInt(captions.size());
    }

    /**
     * At least {@code minUtf8Bytes} bytes (in UTF-8) of varied text.
     *
     * @param captions real captions to interleave (may be empty: then only generated text)
     */
    public static String generate(long seed, List<String> captions, long minUtf8Bytes) {
        VariedText g = new VariedText(seed, captions);
        StringBuilder out = new StringBuilder();
        long bytes = 0;
        while (bytes < minUtf8Bytes) {
            int start = out.length();
            g.paragraph(out);
            bytes += out.substring(start).getBytes(StandardCharsets.UTF_8).length;
        }
        return out.toString();
    }

    /** The captions of a Flickr8k {@code Flickr8k.token.txt} ({@code <image>#<n><TAB or space><caption>} per line), in file order. */
    public static List<String> flickr8kCaptions(Path tokenFile) {
        List<String> out = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(tokenFile, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int hash = line.indexOf('#');
                int sep = hash < 0 ? -1 : indexOfBlank(line, hash);
                if (sep < 0) {
                    throw new IllegalArgumentException(tokenFile + ": line " + lineNo
                            + ": expected '<image>#<n><TAB or space><caption>', got '" + line + "'");
                }
                out.add(line.substring(sep + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(tokenFile + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static int indexOfBlank(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '\t' || line.charAt(i) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private void paragraph(StringBuilder out) {
        int kind = random.nextInt(100);
        if (kind < 50 && !captions.isEmpty()) {
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                out.append(captions.get(nextCaption)).append(random.nextInt(4) == 0 ? " " : "\n");
                nextCaption = (nextCaption + 1) % captions.size();
            }
        } else if (kind < 62) {
            code(out);
        } else if (kind < 70) {
            cjk(out);
        } else if (kind < 75) {
            emoji(out);
        } else if (kind < 82) {
            numbers(out);
        } else if (kind < 87) {
            whitespace(out);
        } else if (kind < 93) {
            out.append(SCRIPTS[random.nextInt(SCRIPTS.length)]).append(random.nextBoolean() ? "\n" : " ");
        } else {
            prose(out);
        }
    }

    private void prose(StringBuilder out) {
        int n = 5 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(20);
            String w = r == 0 ? CONTRACTIONS[random.nextInt(CONTRACTIONS.length)] : WORDS[random.nextInt(WORDS.length)];
            if (r == 1) {
                w = w.toUpperCase(java.util.Locale.ROOT);
            } else if (r == 2 && !w.isEmpty()) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            out.append(w);
            int p = random.nextInt(12);
            out.append(p == 0 ? ", " : p == 1 ? ". " : p == 2 ? "! " : p == 3 ? "?! " : p == 4 ? " -- " : p == 5 ? "\u2014" : " ");
            if (random.nextInt(60) == 0) {
                out.append((char) random.nextInt(0x20)); // a control character
            }
        }
        out.append('\n');
    }

    private void code(StringBuilder out) {
        int lines = 3 + random.nextInt(15);
        int indent = 0;
        for (int l = 0; l < lines; l++) {
            out.append(random.nextInt(5) == 0 ? "\t".repeat(indent) : "    ".repeat(indent));
            int n = 2 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                switch (random.nextInt(6)) {
                    case 0 -> out.append(CODE_KEYWORDS[random.nextInt(CODE_KEYWORDS.length)]).append(' ');
                    case 1 -> out.append(identifier());
                    case 2 -> out.append(CODE_OPERATORS[random.nextInt(CODE_OPERATORS.length)]);
                    case 3 -> out.append(random.nextInt(1000));
                    case 4 -> out.append('"').append(WORDS[random.nextInt(WORDS.length)]).append("\\n\"");
                    default -> out.append("0x").append(Integer.toHexString(random.nextInt()));
                }
            }
            int end = random.nextInt(4);
            out.append(end == 0 ? " {" : end == 1 ? ";" : end == 2 ? ":" : "}").append(random.nextInt(8) == 0 ? "\r\n" : "\n");
            indent = Math.max(0, Math.min(6, indent + random.nextInt(3) - 1));
        }
    }

    private String identifier() {
        String a = WORDS[random.nextInt(48)];
        String b = WORDS[random.nextInt(48)];
        return switch (random.nextInt(4)) {
            case 0 -> a + Character.toUpperCase(b.charAt(0)) + b.substring(1);
            case 1 -> a + "_" + b;
            case 2 -> a.toUpperCase(java.util.Locale.ROOT) + "_" + random.nextInt(10);
            default -> "__" + a + "__";
        };
    }

    private void cjk(StringBuilder out) {
        int n = 10 + random.nextInt(120);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(100);
            if (r < 55) {
                out.append((char) (0x4E00 + random.nextInt(0x9FFF - 0x4E00)));
            } else if (r < 70) {
                out.append((char) (0x3041 + random.nextInt(0x3096 - 0x3041)));
            } else if (r < 78) {
                out.append((char) (0x30A1 + random.nextInt(0x30FA - 0x30A1)));
            } else if (r < 88) {
                out.append((char) (0xAC00 + random.nextInt(0xD7A3 - 0xAC00)));
            } else if (r < 93) {
                out.append("\u3002\u3001\uFF01\uFF1F\u300C\u300D".charAt(random.nextInt(6)));
            } else if (r < 96) {
                out.appendCodePoint(0x20000 + random.nextInt(0x2A6DF - 0x20000)); // CJK extension B, outside the BMP
            } else {
                out.append(' ').append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
        }
        out.append('\n');
    }

    private void emoji(StringBuilder out) {
        int n = 1 + random.nextInt(20);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(7)) {
                case 0 -> out.appendCodePoint(0x1F300 + random.nextInt(0x1F5FF - 0x1F300));
                case 1 -> out.appendCodePoint(0x1F600 + random.nextInt(0x50));
                case 2 -> out.appendCodePoint(0x1F466 + random.nextInt(4)).appendCodePoint(0x1F3FB + random.nextInt(5));
                case 3 -> out.appendCodePoint(0x1F468).append('\u200D').appendCodePoint(0x1F469).append('\u200D').appendCodePoint(0x1F467);
                case 4 -> out.appendCodePoint(0x1F1E6 + random.nextInt(26)).appendCodePoint(0x1F1E6 + random.nextInt(26));
                case 5 -> out.append('\u2764').append('\uFE0F');
                default -> out.append(' ').append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
        }
        out.append(random.nextBoolean() ? "\n" : " ");
    }

    private void numbers(StringBuilder out) {
        int n = 3 + random.nextInt(15);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(8)) {
                case 0 -> out.append(random.nextInt(100));
                case 1 -> out.append(Math.abs(random.nextLong()));
                case 2 -> out.append(String.format(java.util.Locale.ROOT, "%.4f", random.nextDouble() * 1000));
                case 3 -> out.append(String.format(java.util.Locale.ROOT, "%,d", random.nextInt(Integer.MAX_VALUE)));
                case 4 -> out.append(String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", 1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                case 5 -> out.append(String.format(java.util.Locale.ROOT, "%.3e", random.nextGaussian() * 1e-8));
                case 6 -> out.append("+1 (").append(100 + random.nextInt(900)).append(") 555-").append(1000 + random.nextInt(9000));
                default -> out.append("\u0661\u0662\u0663 \u096A\u096B \u2167 \u00BD");
            }
            out.append(random.nextInt(3) == 0 ? ", " : " ");
        }
        out.append('\n');
    }

    private void whitespace(StringBuilder out) {
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            int run = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 8);
            for (int k = 0; k < run; k++) {
                out.append(random.nextInt(3) == 0 ? WHITESPACE.charAt(random.nextInt(WHITESPACE.length())) : ' ');
            }
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        out.append(random.nextBoolean() ? "   \n\n\n" : "\t \n");
    }
}
