package org.unimoj.tasks.metrics.vqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unimoj.tasks.metrics.text.PythonText;

/**
 * The answer normalisation of the official VQA evaluation ({@code vqaEval.py} of the VQA API): punctuation
 * removed or turned into spaces, periods not followed by a digit dropped, lowercasing, number words to
 * digits ("two" to "2"), articles dropped, and apostrophe-less contractions restored ("dont" to "don't").
 *
 * <p>Reproduced quirks of the reference: a punctuation mark is deleted only if it touches a space
 * somewhere in the answer (or the answer holds a digit-comma-digit), otherwise it becomes a space; the
 * period pattern is applied with {@code re.UNICODE} passed as the count argument, so at most 32 periods
 * are removed.
 */
public final class VqaAnswerNormalizer {

    private static final List<String> PUNCT = List.of(
            ";", "/", "[", "]", "\"", "{", "}", "(", ")", "=", "+", "\\", "_", "-", ">", "<", "@", "`", ",", "?", "!");
    private static final Pattern PERIOD_STRIP = Pattern.compile("(?U)(?!<=\\d)(\\.)(?!\\d)");
    private static final Pattern COMMA_STRIP = Pattern.compile("(?U)(\\d)(,)(\\d)");
    /** {@code re.sub(pattern, "", text, re.UNICODE)}: the flag lands in the count parameter. */
    private static final int PERIOD_STRIP_COUNT = 32;

    private static final Map<String, String> NUMBERS = Map.ofEntries(
            Map.entry("none", "0"), Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"));
    private static final List<String> ARTICLES = List.of("a", "an", "the");
    private static final Map<String, String> CONTRACTIONS = contractions();

    private VqaAnswerNormalizer() {
    }

    /** A predicted answer as the official evaluation compares it: whitespace fixed, then both steps. */
    public static String normalizePrediction(String answer) {
        String a = PythonText.strip(answer.replace('\n', ' ').replace('\t', ' '));
        return processDigitArticle(processPunctuation(a));
    }

    /** {@code processPunctuation}: see the class comment. */
    public static String processPunctuation(String in) {
        String out = in;
        boolean digitCommaDigit = COMMA_STRIP.matcher(in).find();
        for (String p : PUNCT) {
            if (in.contains(p + " ") || in.contains(" " + p) || digitCommaDigit) {
                out = out.replace(p, "");
            } else {
                out = out.replace(p, " ");
            }
        }
        Matcher m = PERIOD_STRIP.matcher(out);
        StringBuilder sb = new StringBuilder();
        int replaced = 0;
        while (replaced < PERIOD_STRIP_COUNT && m.find()) {
            m.appendReplacement(sb, "");
            replaced++;
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@code processDigitArticle}: lowercase, number words to digits, articles dropped, contractions restored. */
    public static String processDigitArticle(String in) {
        List<String> out = new ArrayList<>();
        for (String word : PythonText.split(in.toLowerCase(Locale.ROOT))) {
            String w = NUMBERS.getOrDefault(word, word);
            if (!ARTICLES.contains(w)) {
                out.add(w);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            String c = CONTRACTIONS.get(out.get(i));
            if (c != null) {
                out.set(i, c);
            }
        }
        return String.join(" ", out);
    }

    /** The official table, key to restored form (a few keys are capitalised and so never match). */
    private static Map<String, String> contractions() {
        String[] pairs = {
            "aint", "ain't", "arent", "aren't", "cant", "can't", "couldve", "could've", "couldnt", "couldn't",
            "couldn'tve", "couldn't've", "couldnt've", "couldn't've", "didnt", "didn't", "doesnt", "doesn't",
            "dont", "don't", "hadnt", "hadn't", "hadnt've", "hadn't've", "hadn'tve", "hadn't've", "hasnt", "hasn't",
            "havent", "haven't", "hed", "he'd", "hed've", "he'd've", "he'dve", "he'd've", "hes", "he's", "howd", "how'd",
            "howll", "how'll", "hows", "how's", "Id've", "I'd've", "I'dve", "I'd've", "Im", "I'm", "Ive", "I've",
            "isnt", "isn't", "itd", "it'd", "itd've", "it'd've", "it'dve", "it'd've", "itll", "it'll", "let's", "let's",
            "maam", "ma'am", "mightnt", "mightn't", "mightnt've", "mightn't've", "mightn'tve", "mightn't've",
            "mightve", "might've", "mustnt", "mustn't", "mustve", "must've", "neednt", "needn't", "notve", "not've",
            "oclock", "o'clock", "oughtnt", "oughtn't", "ow's'at", "'ow's'at", "'ows'at", "'ow's'at", "'ow'sat", "'ow's'at",
            "shant", "shan't", "shed've", "she'd've", "she'dve", "she'd've", "she's", "she's", "shouldve", "should've",
            "shouldnt", "shouldn't", "shouldnt've", "shouldn't've", "shouldn'tve", "shouldn't've", "somebody'd", "somebodyd",
            "somebodyd've", "somebody'd've", "somebody'dve", "somebody'd've", "somebodyll", "somebody'll",
            "somebodys", "somebody's", "someoned", "someone'd", "someoned've", "someone'd've", "someone'dve", "someone'd've",
            "someonell", "someone'll", "someones", "someone's", "somethingd", "something'd", "somethingd've", "something'd've",
            "something'dve", "something'd've", "somethingll", "something'll", "thats", "that's", "thered", "there'd",
            "thered've", "there'd've", "there'dve", "there'd've", "therere", "there're", "theres", "there's",
            "theyd", "they'd", "theyd've", "they'd've", "they'dve", "they'd've", "theyll", "they'll", "theyre", "they're",
            "theyve", "they've", "twas", "'twas", "wasnt", "wasn't", "wed've", "we'd've", "we'dve", "we'd've",
            "weve", "we've", "werent", "weren't", "whatll", "what'll", "whatre", "what're", "whats", "what's",
            "whatve", "what've", "whens", "when's", "whered", "where'd", "wheres", "where's", "whereve", "where've",
            "whod", "who'd", "whod've", "who'd've", "who'dve", "who'd've", "wholl", "who'll", "whos", "who's",
            "whove", "who've", "whyll", "why'll", "whyre", "why're", "whys", "why's", "wont", "won't",
            "wouldve", "would've", "wouldnt", "wouldn't", "wouldnt've", "wouldn't've", "wouldn'tve", "wouldn't've",
            "yall", "y'all", "yall'll", "y'all'll", "y'allll", "y'all'll", "yall'd've", "y'all'd've",
            "y'alld've", "y'all'd've", "y'all'dve", "y'all'd've", "youd", "you'd", "youd've", "you'd've",
            "you'dve", "you'd've", "youll", "you'll", "youre", "you're", "youve", "you've"};
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(m);
    }
}
