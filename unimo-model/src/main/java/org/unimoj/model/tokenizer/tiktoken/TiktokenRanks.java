package org.unimoj.model.tokenizer.tiktoken;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.model.tokenizer.BpeVocabulary;
import org.unimoj.model.tokenizer.ByteLevelAlphabet;
import org.unimoj.model.tokenizer.TokenizerFormatException;

/**
 * Converts a tiktoken rank table ({@code <base64 token bytes> <rank>} per line, as in
 * {@code r50k_base.tiktoken}) to GPT-2's {@code vocab.json} + {@code merges.txt} form. The id of
 * a token is its rank. The merge that made a token of rank r is found by running tiktoken's own
 * merging on the token's bytes with only the ranks below r: it must stop at exactly two parts,
 * and those are the merge (the method of Hugging Face's tiktoken converter).
 */
public final class TiktokenRanks {

    private TiktokenRanks() {}

    /**
     * @param ranks    the rank table (read to its end, not closed)
     * @param source   its name, for messages
     * @param specials special tokens to add with their ids (e.g. {@code <|endoftext|>} = 50256)
     */
    public static BpeVocabulary toVocabulary(InputStream ranks, String source, Map<String, Integer> specials) throws IOException {
        List<byte[]> byRank = new ArrayList<>();
        Map<String, Integer> rankOf = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(ranks, StandardCharsets.US_ASCII));
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            byte[] bytes;
            int rank;
            try {
                bytes = Base64.getDecoder().decode(line.substring(0, Math.max(sp, 0)));
                rank = Integer.parseInt(line.substring(sp + 1));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new TokenizerFormatException(source + ": line " + lineNo + ": expected '<base64 bytes> <rank>', got '" + line + "'");
            }
            if (sp <= 0 || rank != byRank.size()) {
                throw new TokenizerFormatException(source + ": line " + lineNo + ": ranks must run 0, 1, 2, ... in order; got " + rank);
            }
            byRank.add(bytes);
            rankOf.put(latin1(bytes, 0, bytes.length), rank);
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        List<BpeVocabulary.Merge> merges = new ArrayList<>();
        for (int r = 0; r < byRank.size(); r++) {
            byte[] token = byRank.get(r);
            vocab.put(ByteLevelAlphabet.toTokenString(token), r);
            if (token.length > 1) {
                int split = splitOf(token, r, rankOf, source);
                merges.add(new BpeVocabulary.Merge(
                        ByteLevelAlphabet.toTokenString(java.util.Arrays.copyOfRange(token, 0, split)),
                        ByteLevelAlphabet.toTokenString(java.util.Arrays.copyOfRange(token, split, token.length))));
            }
        }
        vocab.putAll(specials);
        return BpeVocabulary.of(vocab, merges, specials.keySet(), source);
    }

    /** Where tiktoken's merging, limited to ranks below {@code maxRank}, leaves the last split of {@code token}. */
    private static int splitOf(byte[] token, int maxRank, Map<String, Integer> rankOf, String source) {
        List<Integer> bounds = new ArrayList<>(); // part i is token[bounds[i] .. bounds[i+1])
        for (int i = 0; i <= token.length; i++) {
            bounds.add(i);
        }
        while (bounds.size() > 3) {
            int best = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i + 2 < bounds.size(); i++) {
                Integer rk = rankOf.get(latin1(token, bounds.get(i), bounds.get(i + 2)));
                if (rk != null && rk < maxRank && rk < best) {
                    best = rk;
                    at = i;
                }
            }
            if (at < 0) {
                throw new TokenizerFormatException(source + ": token of rank " + maxRank
                        + " is not the merge of two lower-ranked tokens; it cannot be written as merges");
            }
            bounds.remove(at + 1);
        }
        return bounds.get(1);
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
