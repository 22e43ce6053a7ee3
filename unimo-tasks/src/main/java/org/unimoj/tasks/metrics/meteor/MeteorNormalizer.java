package org.unimoj.tasks.metrics.meteor;

import java.util.Locale;
import java.util.StringTokenizer;
import java.util.regex.Pattern;

/**
 * METEOR 1.5's {@code -norm} text normalisation for English, punctuation kept (what pycocoevalcap
 * runs): Moses-style separation of symbols, commas outside numbers and contractions ("'s" becomes
 * "' s"), quote and dash normalisation, dashes between words turned into spaces ("cross-country" to
 * "cross country"), acronym dots dropped ("u.s." to "us"), then lowercasing.
 *
 * <p>Difference from METEOR 1.5: its English non-breaking-prefix list is not included, so a word
 * ending in "." that is not followed by a lowercase word has its period split off even when METEOR's
 * list would have kept it ("Mr." at the end of a line). Lowercased caption text is unaffected except
 * for a final abbreviation.
 */
final class MeteorNormalizer {

    private static final String ALPHA = "A-Za-z\u0160\u017d\u0161\u017e\u0178\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017e"
            + "\u0400-\u04ff\u0500-\u0527\ua640-\ua66e\ua67e-\ua697\u1d00-\u1d7f";
    private static final String ALNUM = "0-9" + ALPHA;

    private static final Pattern SEP_OTHER = Pattern.compile("([^" + ALNUM + "\\s\\.\\'\\`\\,\\-\\u2018\\u2019])");
    private static final Pattern MULTI_DOT = Pattern.compile("\\.([\\.]+)");
    private static final Pattern MULTI_DOT2 = Pattern.compile("DOTMULTI\\.([^\\.])");
    private static final Pattern COMMA1 = Pattern.compile("([^\\p{Digit}])[,]([^\\p{Digit}])");
    private static final Pattern COMMA2 = Pattern.compile("([\\p{Digit}])[,]([^\\p{Digit}])");
    private static final Pattern COMMA3 = Pattern.compile("([^\\p{Digit}])[,]([\\p{Digit}])");
    private static final Pattern QUOTE1 = Pattern.compile("([`\\u2018\\u2019])");
    private static final Pattern QUOTE2 = Pattern.compile("([\\u201c\\u201d]|'')");
    private static final Pattern RM_DASH = Pattern.compile("([" + ALNUM + "\\.])[\\-]([" + ALNUM + "])");
    private static final Pattern CONT1 = Pattern.compile("([^" + ALPHA + "])[']([^" + ALPHA + "])");
    private static final Pattern CONT2 = Pattern.compile("([^" + ALPHA + "\\p{Digit}])[']([" + ALPHA + "])");
    private static final Pattern CONT3 = Pattern.compile("([" + ALPHA + "])[']([^" + ALPHA + "])");
    private static final Pattern CONT4 = Pattern.compile("([" + ALPHA + "])[']([" + ALPHA + "])");
    private static final Pattern CONT5 = Pattern.compile("([\\p{Digit}])[']([s])");
    private static final Pattern HAS_ALPHA = Pattern.compile("[" + ALPHA + "]");
    private static final Pattern STARTS_LOWER = Pattern.compile("^[\\p{Lower}]");
    private static final Pattern WHITE = Pattern.compile("[ \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]+");

    private MeteorNormalizer() {
    }

    static String normalize(String line) {
        if (plain(line)) {
            // Letters, digits and spaces only: every rewrite below is the identity but the last two.
            return collapseSpaces(line).toLowerCase(Locale.ROOT);
        }
        String w = " " + line + " ";
        w = SEP_OTHER.matcher(w).replaceAll(" $1 ");
        w = MULTI_DOT.matcher(w).replaceAll(" DOTMULTI$1");
        while (w.contains("DOTMULTI.")) {
            w = MULTI_DOT2.matcher(w).replaceAll("DOTDOTMULTI $1");
            w = w.replace("DOTMULTI.", "DOTDOTMULTI");
        }
        w = COMMA1.matcher(w).replaceAll("$1 , $2");
        w = COMMA2.matcher(w).replaceAll("$1 , $2");
        w = COMMA3.matcher(w).replaceAll("$1 , $2");
        w = QUOTE1.matcher(w).replaceAll("'");
        w = QUOTE2.matcher(w).replaceAll(" \" ");
        w = w.replace("\u2013", "-");
        w = w.replace("--", "-");
        w = RM_DASH.matcher(w).replaceAll("$1 $2");
        w = CONT1.matcher(w).replaceAll("$1 ' $2");
        w = CONT2.matcher(w).replaceAll("$1 ' $2");
        w = CONT3.matcher(w).replaceAll("$1 ' $2");
        w = CONT4.matcher(w).replaceAll("$1 '$2");
        w = CONT5.matcher(w).replaceAll("$1 '$2");

        StringTokenizer tok = new StringTokenizer(w);
        String[] words = new String[tok.countTokens()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tok.nextToken();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.length() > 1 && word.endsWith(".")) {
                String pre = word.substring(0, word.length() - 1);
                if (pre.contains(".") && HAS_ALPHA.matcher(pre).find()) {
                    sb.append(word.replace(".", ""));
                } else if (i < words.length - 1 && STARTS_LOWER.matcher(words[i + 1]).find()) {
                    sb.append(word);
                } else {
                    sb.append(pre).append(" .");
                }
            } else {
                sb.append(word);
            }
            sb.append(' ');
        }
        w = sb.toString();
        while (w.contains("DOTDOTMULTI")) {
            w = w.replace("DOTDOTMULTI", "DOTMULTI.");
        }
        w = w.replace("DOTMULTI", ".");
        w = WHITE.matcher(w).replaceAll(" ").trim();
        return w.toLowerCase(Locale.ROOT);
    }

    private static boolean plain(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static String collapseSpaces(String line) {
        if (!line.contains("  ") && !line.startsWith(" ") && !line.endsWith(" ")) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        boolean space = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
