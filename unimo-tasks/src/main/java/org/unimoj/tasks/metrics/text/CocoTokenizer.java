package org.unimoj.tasks.metrics.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokenization step of the COCO caption evaluation (pycocoevalcap's {@code PTBTokenizer}): Stanford
 * PTB tokens of each caption, one caption per line ({@code -preserveLines}), lowercased
 * ({@code -lowerCase}), then the punctuation tokens of pycocoevalcap's list dropped.
 *
 * <p>The token rules follow Stanford CoreNLP 4's default (UD-style) English tokenizer, which is what
 * current pycocoevalcap installs run: hyphenated words are split ("t-shirt" to "t - shirt") except
 * after the prefixes CoreNLP keeps together ("cross-country", "semi-formal", "tri-colored"), straight
 * double quotes stay {@code "} (and so survive the punctuation filter), parentheses stay {@code (} and
 * {@code )}, clitics are split ("dog's" to "dog 's", "can't" to "ca n't"), numbers keep their inner
 * commas and points, and abbreviations and acronyms keep their period ("mr.", "u.s.").
 *
 * <p>It is a hand-written equivalent of the parts of CoreNLP's JFlex lexer that captions use, not the
 * full lexer: URLs, e-mail addresses, SGML, smileys and the rarer currency and fraction forms take the
 * plain word path. Thread-safe.
 */
public final class CocoTokenizer {

    /** pycocoevalcap's {@code PUNCTUATIONS}: tokens removed after tokenizing. */
    public static final Set<String> PUNCTUATION = Set.of(
            "''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-", ".", "?", "!", ",", ":", "-", "--", "...", ";");

    /** Prefixes after which CoreNLP does not split a hyphen ({@code HTHINGEXCEPTIONPREFIXED}). */
    private static final Set<String> KEEP_PREFIXES = Set.of(
            "e", "a", "u", "x", "agro", "ante", "anti", "arch", "be", "bi", "bio", "co", "counter", "cross", "cyber",
            "de", "eco", "ex", "extra", "inter", "intra", "macro", "mega", "micro", "mid", "mini", "multi", "neo",
            "non", "over", "pan", "para", "peri", "post", "pre", "pro", "pseudo", "quasi", "re", "semi", "sub",
            "super", "tri", "ultra", "un", "uni", "vice");

    private static final Pattern KEEP_SUFFIXED = Pattern.compile(
            "[\\p{IsAlphabetic}\\p{Nd}][\\p{IsAlphabetic}\\p{Nd}.,]*-(esque|ette|fest|fold|gate|itis|less|most|o-torium|rama|wise)(s|es|d|ed)?");
    private static final Pattern KEEP_WHOLE = Pattern.compile("(mm-hm|mm-mm|o-kay|uh-huh|uh-oh)(s|es|d|ed)?");
    private static final Pattern ALNUM = Pattern.compile("[\\p{IsAlphabetic}\\p{Nd}]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d*([.,]\\d+)+|[-+]?\\d+([.:,]\\d+)*");
    private static final Pattern FRACTION_OR_DATE = Pattern.compile("\\d{1,4}/\\d{1,4}(/\\d{2,4})?");
    private static final Pattern ACRONYM = Pattern.compile("[A-Za-z](\\.[A-Za-z])+");
    private static final Pattern URL_OR_EMAIL = Pattern.compile(
            "(?i)((https?|ftp|mailto)://\\S+|www\\.\\S+|[\\w.%+-]+@[\\w-]+(\\.[\\w-]+)+|\\S+\\.(com|net|org|edu)(/\\S*)?)");

    /** Abbreviations that keep their final period (a subset of CoreNLP's lists that captions meet). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "mx", "dr", "drs", "prof", "st", "ste", "sta", "mt", "ft", "ave", "blvd", "rd", "jr", "sr",
            "bros", "esq", "etc", "vs", "al", "inc", "co", "cos", "corp", "ltd", "plc", "dept", "gen", "col", "lt", "sgt",
            "capt", "rev", "hon", "pres", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "no", "nos", "fig", "figs",
            "vol", "vols", "approx", "est", "tel", "ext", "sq", "min", "max");

    /** Contractions CoreNLP splits without an apostrophe ({@code ASSIMILATIONS2/3}). */
    private static final Map<String, String[]> ASSIMILATIONS = Map.ofEntries(
            Map.entry("cannot", new String[] {"can", "not"}),
            Map.entry("gonna", new String[] {"gon", "na"}),
            Map.entry("gotta", new String[] {"got", "ta"}),
            Map.entry("lemme", new String[] {"lem", "me"}),
            Map.entry("gimme", new String[] {"gim", "me"}),
            Map.entry("wanna", new String[] {"wan", "na"}),
            Map.entry("dunno", new String[] {"du", "n", "no"}),
            Map.entry("aint", new String[] {"ai", "nt"}),
            Map.entry("dont", new String[] {"do", "nt"}),
            Map.entry("doesnt", new String[] {"does", "nt"}),
            Map.entry("didnt", new String[] {"did", "nt"}),
            Map.entry("theyre", new String[] {"they", "re"}));

    private static final Pattern DOMAIN = Pattern.compile("(?i).*\\.(com|net|org|edu)(/.*)?");
    private static final Pattern APOSTROPHE_WORD = Pattern.compile("['\u2019](\\d0s|em|tis?|till?|cause|twixt|n)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CLITICS = Set.of("'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "'em");

    private static final CharSet OPENERS = new CharSet("\"([{\u201c\u2018\u00ab<`");
    private static final CharSet CLOSERS = new CharSet(",;:!?\")]}\u201d\u2019\u00bb>'");
    private static final CharSet SYMBOLS = new CharSet("$#@*+=~^|\\&%\u00a3\u20ac\u00a2\u00a5");
    private static final CharSet SEPARATORS = new CharSet(",;:!?\"()[]{}\u201c\u201d\u00ab\u00bb");

    /** A small set of characters with a table for Latin-1 (the hot path) and a scan for the rest. */
    private static final class CharSet {
        private final boolean[] latin1 = new boolean[256];
        private final String others;

        CharSet(String chars) {
            StringBuilder o = new StringBuilder();
            for (char c : chars.toCharArray()) {
                if (c < 256) {
                    latin1[c] = true;
                } else {
                    o.append(c);
                }
            }
            others = o.toString();
        }

        boolean contains(char c) {
            return c < 256 ? latin1[c] : others.indexOf(c) >= 0;
        }
    }

    /**
     * The evaluation form of a caption: lowercased PTB tokens without punctuation tokens, joined by
     * single spaces (what the metrics' {@code split()} then sees).
     */
    public String tokenize(String caption) {
        return String.join(" ", tokens(caption));
    }

    /** The lowercased PTB tokens of {@code caption} without pycocoevalcap's punctuation tokens. */
    public List<String> tokens(String caption) {
        List<String> out = new ArrayList<>();
        for (String t : ptbTokens(caption)) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (!PUNCTUATION.contains(lower)) {
                out.add(lower);
            }
        }
        return out;
    }

    /** The PTB tokens of {@code text} as written (case kept, punctuation kept); newlines count as spaces. */
    public List<String> ptbTokens(String text) {
        List<String> out = new ArrayList<>();
        for (String chunk : PythonText.split(text.replace("&amp;", "&"))) {
            splitChunk(chunk, out);
        }
        return out;
    }

    private void splitChunk(String c, List<String> out) {
        if (asciiLetters(c) && !ASSIMILATIONS.containsKey(c.toLowerCase(Locale.ROOT))) {
            out.add(c); // the common case: a plain word, nothing to split
            return;
        }
        int s = 0;
        int e = c.length();
        // Leading quotes and brackets.
        while (s < e) {
            if (c.startsWith("``", s) || c.startsWith("''", s)) {
                out.add(c.substring(s, s + 2));
                s += 2;
            } else if (c.charAt(s) == '\'' || c.charAt(s) == '\u2019') {
                if (isClitic(c.substring(s, e)) || APOSTROPHE_WORD.matcher(c.substring(s, e)).matches()) {
                    break;
                }
                out.add(c.substring(s, s + 1));
                s++;
            } else if (OPENERS.contains(c.charAt(s))) {
                out.add(c.substring(s, s + 1));
                s++;
            } else {
                break;
            }
        }
        // Trailing punctuation, collected in reverse.
        List<String> tail = new ArrayList<>();
        while (e > s) {
            char ch = c.charAt(e - 1);
            if (ch == '.') {
                int dots = 0;
                while (e - dots > s && c.charAt(e - dots - 1) == '.') {
                    dots++;
                }
                if (dots >= 2) {
                    tail.add(c.substring(e - dots, e));
                    e -= dots;
                    continue;
                }
                String core = c.substring(s, e - 1);
                if (keepsPeriod(core)) {
                    break;
                }
                tail.add(".");
                e--;
            } else if (ch == '\u2026') {
                tail.add("...");
                e--;
            } else if (CLOSERS.contains(ch)) {
                if ((ch == '\'' || ch == '\u2019') && isClitic(c.substring(s, e))) {
                    break;
                }
                if (ch == '\'' && e - 1 > s && c.charAt(e - 2) == '\'') {
                    tail.add("''");
                    e -= 2;
                    continue;
                }
                tail.add(String.valueOf(ch));
                e--;
            } else {
                break;
            }
        }
        splitCore(c.substring(s, e), out);
        for (int i = tail.size() - 1; i >= 0; i--) {
            out.add(tail.get(i));
        }
    }

    private static boolean asciiLetters(String c) {
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean keepsPeriod(String core) {
        if (core.isEmpty()) {
            return false;
        }
        if (ACRONYM.matcher(core).matches()) {
            return true;
        }
        return ABBREVIATIONS.contains(core.toLowerCase(Locale.ROOT));
    }

    /** Splits a chunk core on inner separators, then each word on hyphens, slashes and clitics. */
    private void splitCore(String core, List<String> out) {
        if (core.isEmpty()) {
            return;
        }
        if (mayBeUrl(core) && URL_OR_EMAIL.matcher(core).matches()) {
            out.add(core);
            return;
        }
        StringBuilder word = new StringBuilder();
        int n = core.length();
        int i = 0;
        while (i < n) {
            char ch = core.charAt(i);
            if (ch == '.' && i + 1 < n && core.charAt(i + 1) == '.') {
                int j = i;
                while (j < n && core.charAt(j) == '.') {
                    j++;
                }
                flushWord(word, out);
                out.add(core.substring(i, j));
                i = j;
            } else if (ch == '-' && i + 1 < n && core.charAt(i + 1) == '-') {
                int j = i;
                while (j < n && core.charAt(j) == '-') {
                    j++;
                }
                flushWord(word, out);
                out.add(core.substring(i, j));
                i = j;
            } else if (ch == '\u2013' || ch == '\u2014' || ch == '\u2026') {
                flushWord(word, out);
                out.add(ch == '\u2026' ? "..." : String.valueOf(ch));
                i++;
            } else if ((ch == ',' || ch == ':') && betweenDigits(core, i)) {
                word.append(ch);
                i++;
            } else if (SEPARATORS.contains(ch)) {
                flushWord(word, out);
                out.add(String.valueOf(ch));
                i++;
            } else {
                word.append(ch);
                i++;
            }
        }
        flushWord(word, out);
    }

    private static boolean mayBeUrl(String core) {
        return core.indexOf('@') >= 0 || core.contains("://") || core.startsWith("www.") || core.startsWith("WWW.")
                || core.indexOf('.') >= 0 && DOMAIN.matcher(core).matches();
    }

    private static boolean betweenDigits(String s, int i) {
        return i > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
    }

    private void flushWord(StringBuilder word, List<String> out) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        splitSymbols(w, out);
    }

    /** Currency, percent and similar symbols at a word's edges are tokens of their own. */
    private void splitSymbols(String w, List<String> out) {
        int s = 0;
        int e = w.length();
        while (s < e && SYMBOLS.contains(w.charAt(s))) {
            out.add(w.substring(s, s + 1));
            s++;
        }
        List<String> tail = new ArrayList<>();
        while (e > s && SYMBOLS.contains(w.charAt(e - 1))) {
            tail.add(w.substring(e - 1, e));
            e--;
        }
        if (e > s) {
            splitHyphens(w.substring(s, e), out);
        }
        for (int i = tail.size() - 1; i >= 0; i--) {
            out.add(tail.get(i));
        }
    }

    private void splitHyphens(String w, List<String> out) {
        if (w.indexOf('-') < 0 && w.indexOf('\u2010') < 0 && w.indexOf('\u2011') < 0 && w.indexOf('\u2012') < 0) {
            splitSlashes(w, out);
            return;
        }
        if ((hasDigit(w) && NUMBER.matcher(w).matches()) || keepsHyphens(w)) {
            splitSlashes(w, out);
            return;
        }
        int start = 0;
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (ch == '-' || (ch >= '\u2010' && ch <= '\u2012')) {
                if (i > start) {
                    splitSlashes(w.substring(start, i), out);
                }
                out.add(String.valueOf(ch));
                start = i + 1;
            }
        }
        if (start < w.length()) {
            splitSlashes(w.substring(start), out);
        }
    }

    private static boolean hasDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean keepsHyphens(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (KEEP_WHOLE.matcher(lower).matches() || KEEP_SUFFIXED.matcher(lower).matches()) {
            return true;
        }
        String[] parts = lower.split("-", -1);
        if (parts.length < 2 || !KEEP_PREFIXES.contains(parts[0])) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (!ALNUM.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private void splitSlashes(String w, List<String> out) {
        if (w.indexOf('/') < 0 || FRACTION_OR_DATE.matcher(w).matches()) {
            splitClitics(w, out);
            return;
        }
        int start = 0;
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) == '/') {
                if (i > start) {
                    splitClitics(w.substring(start, i), out);
                }
                out.add("/");
                start = i + 1;
            }
        }
        if (start < w.length()) {
            splitClitics(w.substring(start), out);
        }
    }

    private static boolean isClitic(String s) {
        return CLITICS.contains(s.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    }

    private void splitClitics(String w, List<String> out) {
        String lower = w.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String[] assimilated = ASSIMILATIONS.get(lower);
        if (assimilated != null) {
            int at = 0;
            for (String piece : assimilated) {
                out.add(w.substring(at, at + piece.length()));
                at += piece.length();
            }
            return;
        }
        if (CLITICS.contains(lower)) {
            out.add(w);
            return;
        }
        if (lower.length() > 3 && lower.endsWith("n't") && Character.isLetter(lower.charAt(lower.length() - 4))) {
            int cut = w.length() - 3;
            out.add(w.substring(0, cut));
            out.add(w.substring(cut));
            return;
        }
        for (String clitic : new String[] {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
            if (lower.length() > clitic.length() && lower.endsWith(clitic)
                    && Character.isLetterOrDigit(lower.charAt(lower.length() - clitic.length() - 1))) {
                int cut = w.length() - clitic.length();
                out.add(w.substring(0, cut));
                out.add(w.substring(cut));
                return;
            }
        }
        out.add(w);
    }
}
