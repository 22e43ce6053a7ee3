package org.unimoj.model.encoder;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.task.AttentionKind;

/**
 * The additive attention masks of a batch, {@code [batch, query, key]}: 0 where the query may
 * attend to the key, {@link #BLOCKED} where it may not. Per example:
 * <ul>
 *   <li>{@link AttentionKind#BIDIRECTIONAL}: every position sees every valid position.</li>
 *   <li>{@link AttentionKind#SEQ2SEQ} (UniLM): regions and source text see the source (regions
 *       and source text); target text sees the source and target positions up to itself.</li>
 *   <li>{@link AttentionKind#CAPTION}: regions see regions only; source text (a prompt such as
 *       [CLS]) sees regions and the source; caption tokens see all regions, the source and
 *       caption tokens up to themselves.</li>
 * </ul>
 * Padding is never seen; padding queries see every valid key of their example (their outputs are
 * never read, and no row is left without a key).
 */
public final class AttentionMasks {

    /** The additive value of a blocked (query, key) pair; exp underflows to exactly 0. */
    public static final float BLOCKED = -1e9f;

    private AttentionMasks() {}

    /** The mask of {@code batch} as a new {@code [batch, seq, seq]} array of {@code dtype}. */
    public static INDArray build(EncoderBatch batch, DataType dtype) {
        int n = batch.batchSize();
        int s = batch.seqLength();
        float[] m = new float[n * s * s];
        for (int b = 0; b < n; b++) {
            fillExample(batch, b, m, (long) b * s * s);
        }
        INDArray mask = Nd4j.createFromArray(m).reshape('c', n, s, s);
        return mask.dataType() == dtype ? mask : mask.castTo(dtype);
    }

    private static void fillExample(EncoderBatch batch, int b, float[] m, long base) {
        int s = batch.seqLength();
        int rs = batch.regionSlots();
        int count = batch.regionCount(b);
        int validRegions = count == EncoderBatch.NO_IMAGE ? 0 : count + 1;
        int textLen = batch.textLength(b);
        int src = batch.sourceLength(b);
        AttentionKind kind = batch.kind(b);
        for (int q = 0; q < s; q++) {
            int off = (int) (base + (long) q * s);
            Arrays.fill(m, off, off + s, BLOCKED);
            boolean regionQuery = q < rs;
            int tq = q - rs;
            boolean validQuery = regionQuery ? q < validRegions : tq < textLen;
            AttentionKind k = validQuery ? kind : AttentionKind.BIDIRECTIONAL;
            // valid regions: every pattern shows them to every query
            Arrays.fill(m, off, off + validRegions, 0f);
            int textVisible;
            if (k == AttentionKind.BIDIRECTIONAL) {
                textVisible = textLen;
            } else if (regionQuery) {
                textVisible = k == AttentionKind.CAPTION ? 0 : src;
            } else if (tq < src) {
                textVisible = src;
            } else {
                textVisible = tq + 1;
            }
            Arrays.fill(m, off + rs, off + rs + textVisible, 0f);
        }
    }
}
