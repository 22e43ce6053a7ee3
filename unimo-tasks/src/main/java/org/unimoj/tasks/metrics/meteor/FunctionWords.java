package org.unimoj.tasks.metrics.meteor;

import java.util.Set;

/**
 * The English function-word list METEOR 1.5 ships ({@code resources/function/english.words}): the
 * tokens whose matches count with weight {@code 1 - delta} instead of {@code delta}. It is a
 * frequency list, so it holds punctuation and a few frequent content words too.
 */
final class FunctionWords {

    private FunctionWords() {
    }

    static final Set<String> ENGLISH = Set.of(
            "the", ",", ".", "to", "of", "and", "a", "in", "that", "for", "\"", "is", "on", "'s", "it", "with", "was",
            "as", "said", "at", "he", "by", "be", "from", "have", "has", "are", "his", "but", "an", "this", "not", "i",
            "will", "\u2019", "they", ")", "-rrb-", "(", "-lrb-", "who", "their", "had", "we", "which", "were", "been",
            "more", "or", "s", "its", "would", "about", "new", "one", "after", "you", ":", "also", "up", "when", "there",
            "than", "$", "all", "out", "her", "people", "she", "year", "two", "-", "can", "if", "last", "first",
            "\u201c", "over", "other", "\u201d", "into", "some", "what", "so", "--", "no", "time", "years", "could", "?",
            "'t", "\u2014", "'");
}
