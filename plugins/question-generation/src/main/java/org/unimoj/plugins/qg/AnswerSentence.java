package org.unimoj.plugins.qg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trivial baseline of question generation: the paragraph's sentence that holds the answer,
 * given back as the "question". A sentence ends at '.', '!' or '?' followed by white space.
 */
final class AnswerSentence {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private AnswerSentence() {}

    static String of(String paragraph, int answerStart) {
        int at = Math.max(0, answerStart);
        int from = 0;
        Matcher m = SENTENCE_END.matcher(paragraph);
        while (m.find()) {
            if (m.start() > at) {
                return paragraph.substring(from, m.start()).strip();
            }
            from = m.end();
        }
        return paragraph.substring(from).strip();
    }
}
