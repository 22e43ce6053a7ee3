package org.unimoj.tasks.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unimoj.api.text.TextEncoder;

/**
 * A whitespace tokenizer for tests, in RoBERTa's special-token layout ({@code <s>}=0,
 * {@code <pad>}=1, {@code </s>}=2, {@code <unk>}=3, {@code <mask>}=4); words (lower-cased) get ids
 * from 5 in the order the given texts first use them.
 */
public final class WordText implements TextEncoder {

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<String> words = new ArrayList<>();

    public WordText(List<String> texts) {
        for (String t : texts) {
            for (String w : split(t)) {
                if (!ids.containsKey(w)) {
                    ids.put(w, 5 + words.size());
                    words.add(w);
                }
            }
        }
    }

    private static List<String> split(String t) {
        List<String> out = new ArrayList<>();
        for (String w : t.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    public int id(String word) {
        return ids.get(word);
    }

    @Override
    public int[] encode(String text) {
        return split(text).stream().mapToInt(w -> ids.getOrDefault(w, 3)).toArray();
    }

    @Override
    public String decode(int[] tokens) {
        List<String> out = new ArrayList<>();
        for (int t : tokens) {
            if (t >= 5 && t < 5 + words.size()) {
                out.add(words.get(t - 5));
            }
        }
        return String.join(" ", out);
    }

    @Override
    public int vocabSize() {
        return 5 + words.size();
    }

    @Override
    public int clsId() {
        return 0;
    }

    @Override
    public int padId() {
        return 1;
    }

    @Override
    public int sepId() {
        return 2;
    }

    @Override
    public int unkId() {
        return 3;
    }

    @Override
    public int maskId() {
        return 4;
    }
}
