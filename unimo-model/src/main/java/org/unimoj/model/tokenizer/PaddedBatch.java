package org.unimoj.model.tokenizer;

import java.util.List;

/**
 * Sequences of ids padded to one length, with their attention masks (1 = a real token, 0 = padding).
 *
 * @param ids            {@code [batch][length]}, padded with the pad id at the end
 * @param attentionMask  {@code [batch][length]}
 * @param lengths        the unpadded length of each sequence
 */
public record PaddedBatch(int[][] ids, int[][] attentionMask, int[] lengths) {

    /** Pads every sequence to the longest one with {@code padId}. */
    public static PaddedBatch of(List<int[]> sequences, int padId) {
        int length = 0;
        for (int[] s : sequences) {
            length = Math.max(length, s.length);
        }
        return of(sequences, padId, length);
    }

    /** Pads every sequence to {@code length} with {@code padId}; a longer sequence is an error, not cut. */
    public static PaddedBatch of(List<int[]> sequences, int padId, int length) {
        int n = sequences.size();
        int[][] ids = new int[n][length];
        int[][] mask = new int[n][length];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            int[] s = sequences.get(i);
            if (s.length > length) {
                throw new IllegalArgumentException("sequence " + i + " has " + s.length + " ids, more than the padded length " + length);
            }
            System.arraycopy(s, 0, ids[i], 0, s.length);
            java.util.Arrays.fill(ids[i], s.length, length, padId);
            java.util.Arrays.fill(mask[i], 0, s.length, 1);
            lengths[i] = s.length;
        }
        return new PaddedBatch(ids, mask, lengths);
    }

    public int size() {
        return ids.length;
    }

    public int length() {
        return ids.length == 0 ? 0 : ids[0].length;
    }
}
