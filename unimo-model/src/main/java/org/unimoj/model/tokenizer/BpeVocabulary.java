package org.unimoj.model.tokenizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A byte-level BPE vocabulary as files hold it: token strings (in GPT-2's byte alphabet, see
 * {@link ByteLevelAlphabet}) with their ids, and the merges in rank order. Besides the BPE tokens
 * it may hold special tokens ({@link SpecialTokens}) and other added tokens; those are never
 * produced from text. Immutable.
 */
public final class BpeVocabulary {

    /** One line of {@code merges.txt}: two tokens whose concatenation is also a token. */
    public record Merge(String left, String right) {}

    private final String[] tokens;
    private final Map<String, Integer> ids;
    private final List<Merge> merges;
    private final int[] mergeLeft;
    private final int[] mergeRight;
    private final int[] mergeResult;
    private final int[] byteIds;
    /** The bytes each id decodes to; null for control tokens (specials), which decode to nothing. */
    private final byte[][] tokenBytes;
    private final SpecialTokens specials;
    private final String source;

    private BpeVocabulary(String[] tokens, Map<String, Integer> ids, List<Merge> merges, int[] left, int[] right,
                          int[] result, int[] byteIds, byte[][] tokenBytes, SpecialTokens specials, String source) {
        this.tokens = tokens;
        this.byteIds = byteIds;
        this.ids = ids;
        this.merges = merges;
        this.mergeLeft = left;
        this.mergeRight = right;
        this.mergeResult = result;
        this.tokenBytes = tokenBytes;
        this.specials = specials;
        this.source = source;
    }

    /**
     * Checks and indexes a vocabulary.
     *
     * @param vocab         token string to id (as in {@code vocab.json})
     * @param merges        the merges in rank order (as in {@code merges.txt})
     * @param controlTokens further tokens that are markers rather than text (GPT-2's
     *                      {@code <|endoftext|>}, added tokens flagged special); dropped by decode.
     *                      RoBERTa's five specials always are.
     * @param source        what the vocabulary was read from, for messages
     * @param vocabFile     the file the token-to-id map came from, for messages
     * @param mergeWhere    locates merge {@code i} for messages (e.g. {@code "merges.txt: line 7"})
     * @throws TokenizerFormatException naming the entry or line that is wrong
     */
    public static BpeVocabulary of(Map<String, Integer> vocab, List<Merge> merges, Collection<String> controlTokens,
                                   String source, String vocabFile, IntFunction<String> mergeWhere) {
        int size = 0;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int id = e.getValue();
            if (id < 0) {
                throw new TokenizerFormatException(vocabFile + ": token " + quote(e.getKey()) + " has negative id " + id);
            }
            size = Math.max(size, id + 1);
        }
        String[] tokens = new String[size];
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int id = e.getValue();
            if (tokens[id] != null) {
                throw new TokenizerFormatException(vocabFile + ": id " + id + " is given to both " + quote(tokens[id])
                        + " and " + quote(e.getKey()));
            }
            tokens[id] = e.getKey();
        }
        Set<String> control = new HashSet<>(controlTokens);
        control.addAll(List.of(SpecialTokens.CLS, SpecialTokens.PAD, SpecialTokens.SEP, SpecialTokens.UNK,
                SpecialTokens.MASK, SpecialTokens.GPT2_END_OF_TEXT));
        byte[][] tokenBytes = new byte[size][];
        for (int id = 0; id < size; id++) {
            String t = tokens[id];
            if (t == null || control.contains(t)) {
                continue;
            }
            byte[] b = ByteLevelAlphabet.toBytes(t);
            // An added token outside the byte alphabet decodes to its own text, as Hugging Face does.
            tokenBytes[id] = b != null ? b : t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        int[] byteIds = new int[256];
        for (int b = 0; b < 256; b++) {
            String t = String.valueOf(ByteLevelAlphabet.charOf(b));
            Integer id = vocab.get(t);
            if (id == null) {
                throw new TokenizerFormatException(vocabFile + ": no token for byte 0x"
                        + String.format("%02X", b) + " (" + quote(t) + "); a byte-level BPE vocabulary has all 256");
            }
            byteIds[b] = id;
        }
        int m = merges.size();
        int[] left = new int[m];
        int[] right = new int[m];
        int[] result = new int[m];
        for (int i = 0; i < m; i++) {
            Merge merge = merges.get(i);
            left[i] = require(vocab, merge.left(), mergeWhere, i, "left token");
            right[i] = require(vocab, merge.right(), mergeWhere, i, "right token");
            result[i] = require(vocab, merge.left() + merge.right(), mergeWhere, i, "merged token");
        }
        SpecialTokens specials = new SpecialTokens(idOrMinus(vocab, SpecialTokens.CLS), idOrMinus(vocab, SpecialTokens.PAD),
                idOrMinus(vocab, SpecialTokens.SEP), idOrMinus(vocab, SpecialTokens.UNK), idOrMinus(vocab, SpecialTokens.MASK));
        return new BpeVocabulary(tokens, Collections.unmodifiableMap(new HashMap<>(vocab)),
                List.copyOf(merges), left, right, result, byteIds, tokenBytes, specials, source);
    }

    /** A vocabulary built in memory (by the trainer or a converter); messages name {@code source}. */
    public static BpeVocabulary of(Map<String, Integer> vocab, List<Merge> merges, Collection<String> controlTokens, String source) {
        return of(vocab, merges, controlTokens, source, source, i -> source + ": merge " + (i + 1));
    }

    private static int require(Map<String, Integer> vocab, String token, IntFunction<String> mergeWhere, int merge, String field) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new TokenizerFormatException(mergeWhere.apply(merge) + ": " + field + " " + quote(token) + " is not in the vocabulary");
        }
        return id;
    }

    private static int idOrMinus(Map<String, Integer> vocab, String token) {
        Integer id = vocab.get(token);
        return id == null ? -1 : id;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** One more than the largest id. */
    public int size() {
        return tokens.length;
    }

    /** The token with this id (in the byte alphabet), or null if no token has it. */
    public String token(int id) {
        return id >= 0 && id < tokens.length ? tokens[id] : null;
    }

    /** The id of a token string, or -1. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** The token strings by id, as {@code vocab.json} holds them (unmodifiable). */
    public Map<String, Integer> tokenIds() {
        return ids;
    }

    public List<Merge> merges() {
        return merges;
    }

    public SpecialTokens specials() {
        return specials;
    }

    /** Where this vocabulary came from (a directory, a file, or "trained on ..."). */
    public String source() {
        return source;
    }

    /** The bytes token {@code id} stands for; null for a special (control) token or an unused id. */
    public byte[] bytesOf(int id) {
        return id >= 0 && id < tokenBytes.length ? tokenBytes[id] : null;
    }

    /** Whether {@code id} is a special or other control token (dropped when decoding). */
    public boolean isControl(int id) {
        return id >= 0 && id < tokens.length && tokens[id] != null && tokenBytes[id] == null;
    }

    /** The ids of the control tokens, ascending. */
    public List<Integer> controlIds() {
        List<Integer> out = new ArrayList<>();
        for (int id = 0; id < tokens.length; id++) {
            if (isControl(id)) {
                out.add(id);
            }
        }
        return out;
    }

    byte[][] tokenBytes() {
        return tokenBytes;
    }

    BpeMerger newMerger() {
        return new BpeMerger(new MergeTable(mergeLeft, mergeRight, mergeResult), byteIds);
    }

    int byteId(int b) {
        return byteIds[b];
    }

    @Override
    public String toString() {
        return "BpeVocabulary[" + source + ", " + ids.size() + " tokens, " + merges.size() + " merges, " + specials + "]";
    }
}
