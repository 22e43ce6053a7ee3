package org.unimoj.model.pretrain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.loss.ContrastiveGroup;
import org.unimoj.model.loss.PairRef;
import org.unimoj.model.nn.Workspaces;

/**
 * Joins pre-training batches into one: the union of the batches of n cluster members as a single
 * batch, the single-process reference multi-node training is checked against.
 */
@SuppressWarnings("try")
public final class PretrainBatches {

    private PretrainBatches() {}

    /**
     * The examples of {@code parts.get(0)}, then those of {@code parts.get(1)}, ... as one batch.
     * Text is padded to the parts' largest {@link EncoderBatch#textLength()} with {@code padId},
     * regions to their largest {@link EncoderBatch#maxRegions()} with zero features and locations
     * (as {@link EncoderBatch#of} pads). Token positions are text positions and region indices are
     * per example, so they are kept; example indices of targets and CMCL pairs are offset by the
     * sizes of the preceding parts. A target kind (or CMCL) that is null in some parts joins the
     * non-null parts only; null in all stays null.
     *
     * @throws IllegalArgumentException when {@code parts} is empty, or the parts disagree on label
     *         smoothing, feature length, or on which MRM targets (features, class distributions) they have
     */
    public static PretrainBatch concat(List<PretrainBatch> parts, int padId) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one batch");
        }
        int[] offsets = new int[parts.size()];
        int n = 0;
        for (int p = 0; p < parts.size(); p++) {
            offsets[p] = n;
            n += parts.get(p).input().batchSize();
        }
        EncoderBatch input = concatInputs(parts, n, padId);
        TokenTargets mlm = concatTokens("mlm", parts, offsets, true);
        TokenTargets seq2seq = concatTokens("seq2seq", parts, offsets, false);
        RegionTargets mrm = concatRegions(parts, offsets);
        List<ContrastiveGroup> cmcl = concatGroups(parts, offsets);
        return new PretrainBatch(input, mlm, mrm, seq2seq, cmcl);
    }

    private static EncoderBatch concatInputs(List<PretrainBatch> parts, int n, int padId) {
        int t = 0;
        int r = 0;
        long dim = -1;
        DataType dtype = null;
        DataType locationType = null;
        for (int p = 0; p < parts.size(); p++) {
            EncoderBatch in = parts.get(p).input();
            t = Math.max(t, in.textLength());
            r = Math.max(r, in.maxRegions());
            if (in.maxRegions() > 0) {
                long d = in.features().size(2);
                if (dim >= 0 && d != dim) {
                    throw new IllegalArgumentException("part " + p + ": features of length " + d + ", earlier parts have " + dim);
                }
                dim = d;
                dtype = dtype == null ? in.features().dataType() : dtype;
                locationType = locationType == null ? in.locations().dataType() : locationType;
            }
        }
        int[] ids = new int[n * t];
        Arrays.fill(ids, padId);
        int[] lengths = new int[n];
        int[] counts = new int[n];
        int[] sources = new int[n];
        AttentionKind[] kinds = new AttentionKind[n];
        // zeros at region padding, as EncoderBatch.of pads (the [IMG] feature is the sum over all slots / count)
        double[] feats = new double[r > 0 ? Math.multiplyExact(Math.multiplyExact(n, r), (int) dim) : 0];
        double[] locs = new double[n * r * 5];
        int b = 0;
        for (PretrainBatch part : parts) {
            EncoderBatch in = part.input();
            int[] partIds = in.textIds();
            double[] partFeats = in.maxRegions() > 0 ? flat(in.features()) : null;
            double[] partLocs = in.maxRegions() > 0 ? flat(in.locations()) : null;
            int pr = in.maxRegions();
            for (int i = 0; i < in.batchSize(); i++, b++) {
                lengths[b] = in.textLength(i);
                counts[b] = in.regionCount(i);
                sources[b] = in.sourceLength(i);
                kinds[b] = in.kind(i);
                // only the valid ids and regions: padding holds padId and zeros whatever the part padded with
                System.arraycopy(partIds, i * in.textLength(), ids, b * t, lengths[b]);
                if (counts[b] > 0) {
                    System.arraycopy(partFeats, (int) (i * pr * dim), feats, (int) (b * r * dim), (int) (counts[b] * dim));
                    System.arraycopy(partLocs, i * pr * 5, locs, b * r * 5, counts[b] * 5);
                }
            }
        }
        INDArray features = null;
        INDArray locations = null;
        if (r > 0) {
            // a batch outlives any step workspace it is built in
            try (MemoryWorkspace ignored = Workspaces.outside()) {
                features = Nd4j.createFromArray(feats).reshape('c', n, r, dim).castTo(dtype);
                locations = Nd4j.createFromArray(locs).reshape('c', n, r, 5).castTo(locationType);
            }
        }
        return new EncoderBatch(n, t, ids, lengths, r, counts, features, locations, kinds, sources);
    }

    /** The elements of {@code a} in row-major order. */
    private static double[] flat(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static TokenTargets concatTokens(String what, List<PretrainBatch> parts, int[] offsets, boolean mlm) {
        List<TokenTargets> present = new ArrayList<>();
        List<Integer> shift = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            TokenTargets t = mlm ? parts.get(p).mlm() : parts.get(p).seq2seq();
            if (t != null) {
                if (!present.isEmpty() && t.labelSmoothing() != present.get(0).labelSmoothing()) {
                    throw new IllegalArgumentException(what + " label smoothing differs: part " + p + " has " + t.labelSmoothing()
                            + ", an earlier part " + present.get(0).labelSmoothing());
                }
                present.add(t);
                shift.add(offsets[p]);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        int size = present.stream().mapToInt(TokenTargets::size).sum();
        int[] ex = new int[size];
        int[] pos = new int[size];
        int[] lab = new int[size];
        int k = 0;
        for (int j = 0; j < present.size(); j++) {
            TokenTargets t = present.get(j);
            int[] e = t.examples();
            int[] ps = t.positions();
            int[] l = t.labels();
            for (int i = 0; i < t.size(); i++, k++) {
                ex[k] = e[i] + shift.get(j);
                pos[k] = ps[i];
                lab[k] = l[i];
            }
        }
        return new TokenTargets(ex, pos, lab, present.get(0).labelSmoothing());
    }

    private static RegionTargets concatRegions(List<PretrainBatch> parts, int[] offsets) {
        List<RegionTargets> present = new ArrayList<>();
        List<Integer> shift = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            RegionTargets m = parts.get(p).mrm();
            if (m == null) {
                continue;
            }
            if (!present.isEmpty()) {
                RegionTargets first = present.get(0);
                // one RegionTargets holds features (class distributions) for all of its targets or for none
                if ((m.features() == null) != (first.features() == null) || (m.classProbs() == null) != (first.classProbs() == null)) {
                    throw new IllegalArgumentException("mrm: part " + p + " has " + describe(m) + ", an earlier part " + describe(first));
                }
                checkColumns("mrm features", p, m.features(), first.features());
                checkColumns("mrm class distributions", p, m.classProbs(), first.classProbs());
            }
            present.add(m);
            shift.add(offsets[p]);
        }
        if (present.isEmpty()) {
            return null;
        }
        int size = present.stream().mapToInt(RegionTargets::size).sum();
        int[] ex = new int[size];
        int[] reg = new int[size];
        int k = 0;
        for (int j = 0; j < present.size(); j++) {
            RegionTargets m = present.get(j);
            int[] e = m.examples();
            int[] rg = m.regions();
            for (int i = 0; i < m.size(); i++, k++) {
                ex[k] = e[i] + shift.get(j);
                reg[k] = rg[i];
            }
        }
        RegionTargets first = present.get(0);
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            INDArray features = first.features() == null ? null : stackRows(present.stream().map(RegionTargets::features).toList());
            INDArray probs = first.classProbs() == null ? null : stackRows(present.stream().map(RegionTargets::classProbs).toList());
            return new RegionTargets(ex, reg, features, probs);
        }
    }

    private static String describe(RegionTargets m) {
        return (m.features() == null ? "no features" : "features") + " and " + (m.classProbs() == null ? "no class distributions" : "class distributions");
    }

    private static void checkColumns(String what, int p, INDArray a, INDArray first) {
        if (a != null && a.size(1) != first.size(1)) {
            throw new IllegalArgumentException(what + ": part " + p + " has " + a.size(1) + " columns, an earlier part " + first.size(1));
        }
    }

    /** The rows of every array, in order, in the first one's data type. */
    private static INDArray stackRows(List<INDArray> arrays) {
        long rows = arrays.stream().mapToLong(a -> a.size(0)).sum();
        INDArray out = Nd4j.create(arrays.get(0).dataType(), rows, arrays.get(0).size(1));
        long at = 0;
        for (INDArray a : arrays) {
            if (a.size(0) > 0) {
                out.get(NDArrayIndex.interval(at, at + a.size(0)), NDArrayIndex.all()).assign(a);
            }
            at += a.size(0);
        }
        return out;
    }

    private static List<ContrastiveGroup> concatGroups(List<PretrainBatch> parts, int[] offsets) {
        List<ContrastiveGroup> out = null;
        for (int p = 0; p < parts.size(); p++) {
            List<ContrastiveGroup> groups = parts.get(p).cmcl();
            if (groups == null) {
                continue;
            }
            out = out == null ? new ArrayList<>() : out;
            for (ContrastiveGroup g : groups) {
                out.add(new ContrastiveGroup(shift(g.positives(), offsets[p]), shift(g.negatives(), offsets[p])));
            }
        }
        return out;
    }

    private static List<PairRef> shift(List<PairRef> pairs, int offset) {
        List<PairRef> out = new ArrayList<>(pairs.size());
        for (PairRef r : pairs) {
            out.add(new PairRef(r.image() + offset, r.text() + offset));
        }
        return out;
    }
}
