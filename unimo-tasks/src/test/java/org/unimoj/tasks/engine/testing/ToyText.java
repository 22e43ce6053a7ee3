package org.unimoj.tasks.engine.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.text.TextEncoder;

/**
 * A whitespace tokenizer over a fixed word list, in RoBERTa's special-token layout
 * ({@code <s>}=0, {@code <pad>}=1, {@code </s>}=2, {@code <unk>}=3, {@code <mask>}=4, words from 5).
 */
public final class ToyText implements TextEncoder {

    public static final int CLS = 0;
    public static final int PAD = 1;
    public static final int SEP = 2;
    public static final int UNK = 3;
    public static final int MASK = 4;
    public static final int FIRST_WORD = 5;

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    public ToyText(List<String> words) {
        this.words = List.copyOf(words);
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), FIRST_WORD + i);
        }
    }

    public int id(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            throw new IllegalArgumentException("not a toy word: " + word);
        }
        return id;
    }

    @Override
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(ids.getOrDefault(w, UNK));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String decode(int[] tokens) {
        StringBuilder b = new StringBuilder();
        for (int t : tokens) {
            if (t >= FIRST_WORD && t < FIRST_WORD + words.size()) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(words.get(t - FIRST_WORD));
            }
        }
        return b.toString();
    }

    @Override
    public int vocabSize() {
        return FIRST_WORD + words.size();
    }

    @Override
    public int clsId() {
        return CLS;
    }

    @Override
    public int sepId() {
        return SEP;
    }

    @Override
    public int padId() {
        return PAD;
    }

    @Override
    public int unkId() {
        return UNK;
    }

    @Override
    public int maskId() {
        return MASK;
    }
}
