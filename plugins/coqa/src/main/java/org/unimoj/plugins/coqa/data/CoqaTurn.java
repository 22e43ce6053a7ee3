package org.unimoj.plugins.coqa.data;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a CoQA dialogue: the story, the turns before it, its question and its gold answers.
 *
 * @param storyId the story's {@code id}
 * @param turnId  1-based
 * @param story   the passage
 * @param history the earlier turns of the dialogue, oldest first, with their first gold answer
 * @param question this turn's question
 * @param golds   the gold free-form answers: {@code answers}, then each {@code additional_answers} set
 *                (dev has four, train one); the first is what training learns
 */
public record CoqaTurn(String storyId, int turnId, String story, List<Exchange> history, String question, List<String> golds) {

    /** A question and its answer. */
    public record Exchange(String question, String answer) {}

    public CoqaTurn {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(question, "question");
        history = List.copyOf(history);
        golds = List.copyOf(golds);
        if (golds.isEmpty()) {
            throw new IllegalArgumentException("turn " + turnId + " of story " + storyId + " has no gold answer");
        }
    }

    /** The answer training learns: the first gold answer. */
    public String answer() {
        return golds.get(0);
    }

    /** "storyId#turnId", unique within a file. */
    public String id() {
        return storyId + "#" + turnId;
    }
}
