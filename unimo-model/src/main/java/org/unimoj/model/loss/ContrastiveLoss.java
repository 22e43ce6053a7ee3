package org.unimoj.model.loss;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.model.nn.Tensors;

/**
 * CMCL's multi-positive contrastive loss over L2-normalised image and text vectors (UNIMO-NOTES):
 * for each group, {@code -log(sum_{pos} exp(d/tau) / sum_{pos + neg} exp(d/tau))} with
 * {@code d} the cosine similarity of a pair; the loss is the mean over groups. In-batch symmetric
 * InfoNCE is the special case {@link #inBatchGroups}.
 *
 * <p>All similarities come from one gemm ({@code images texts^T}); the per-group bookkeeping runs
 * over that small matrix.
 */
public final class ContrastiveLoss {

    /**
     * The loss and its gradients.
     *
     * @param value        mean over groups
     * @param dImages      gradient of the image vectors
     * @param dTexts       gradient of the text vectors
     * @param dTemperature gradient of the temperature
     */
    public record Result(double value, INDArray dImages, INDArray dTexts, double dTemperature) {}

    private ContrastiveLoss() {}

    /**
     * Symmetric in-batch InfoNCE over {@code n} matched pairs: text {@code i} against every image
     * and image {@code i} against every text, the matched pair positive. Equals
     * {@code (CE(logits) + CE(logits^T)) / 2} of CLIP-style training.
     */
    public static List<ContrastiveGroup> inBatchGroups(int n) {
        List<ContrastiveGroup> groups = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            List<PairRef> negImages = new ArrayList<>(n - 1);
            List<PairRef> negTexts = new ArrayList<>(n - 1);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    negImages.add(new PairRef(j, i));
                    negTexts.add(new PairRef(i, j));
                }
            }
            groups.add(new ContrastiveGroup(List.of(new PairRef(i, i)), negImages));
            groups.add(new ContrastiveGroup(List.of(new PairRef(i, i)), negTexts));
        }
        return groups;
    }

    /**
     * @param images      L2-normalised image vectors {@code [ni, h]}
     * @param texts       L2-normalised text vectors {@code [nt, h]}
     * @param groups      the loss terms
     * @param temperature tau
     */
    public static Result compute(INDArray images, INDArray texts, List<ContrastiveGroup> groups, double temperature) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("the contrastive loss needs at least one group");
        }
        int ni = (int) images.size(0);
        int nt = (int) texts.size(0);
        for (ContrastiveGroup g : groups) {
            for (List<PairRef> list : List.of(g.positives(), g.negatives())) {
                for (PairRef p : list) {
                    if (p.image() >= ni || p.text() >= nt) {
                        throw new IllegalArgumentException("pair (" + p.image() + ", " + p.text() + ") outside " + ni + " images x " + nt + " texts");
                    }
                }
            }
        }
        double[] sim = Tensors.matmul(images, texts, false, true).data().asDouble();
        double[] dsim = new double[sim.length];
        double loss = 0;
        double dTau = 0;
        double invG = 1.0 / groups.size();
        for (ContrastiveGroup g : groups) {
            int np = g.positives().size();
            int total = np + g.negatives().size();
            double[] s = new double[total];
            int[] at = new int[total];
            for (int k = 0; k < total; k++) {
                PairRef p = k < np ? g.positives().get(k) : g.negatives().get(k - np);
                at[k] = p.image() * nt + p.text();
                s[k] = sim[at[k]] / temperature;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                max = Math.max(max, v);
            }
            double sumAll = 0;
            double sumPos = 0;
            double[] e = new double[total];
            for (int k = 0; k < total; k++) {
                e[k] = Math.exp(s[k] - max);
                sumAll += e[k];
                if (k < np) {
                    sumPos += e[k];
                }
            }
            loss += (Math.log(sumAll) - Math.log(sumPos)) * invG;
            for (int k = 0; k < total; k++) {
                double ds = e[k] / sumAll - (k < np ? e[k] / sumPos : 0.0);
                ds *= invG;
                dsim[at[k]] += ds / temperature;
                dTau += ds * (-s[k] / temperature);
            }
        }
        INDArray dSim = Nd4j.createFromArray(dsim).reshape(ni, nt).castTo(images.dataType());
        INDArray dImages = Tensors.matmul(dSim, texts, false, false);
        INDArray dTexts = Tensors.matmul(dSim, images, true, false);
        return new Result(loss, dImages, dTexts, dTau);
    }
}
