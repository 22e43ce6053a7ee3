package org.unimoj.plugins.summarization;

import java.util.regex.Pattern;

/**
 * The lead baseline of summarization: the source's first sentence. A sentence ends at '.', '!'
 * or '?' followed by white space (or at the end of the text); the tokenized text of CNN/DM and of
 * the embedded world writes the full stop as its own token ("scene ."), which this handles too.
 */
final class LeadBaseline {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private LeadBaseline() {}

    static String firstSentence(String source) {
        String s = source.strip();
        String[] parts = SENTENCE_END.split(s, 2);
        return parts[0];
    }
}
