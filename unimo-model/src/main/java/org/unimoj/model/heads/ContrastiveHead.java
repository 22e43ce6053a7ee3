package org.unimoj.model.heads;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.loss.ContrastiveGroup;
import org.unimoj.model.loss.ContrastiveLoss;
import org.unimoj.model.nn.Init;
import org.unimoj.model.nn.L2Normalize;
import org.unimoj.model.nn.Param;
import org.unimoj.model.nn.ParameterStore;

/**
 * CMCL on the pooled vectors: L2-normalise pooled image and pooled text, score pairs by cosine
 * over a temperature, apply {@link ContrastiveLoss}. The temperature is a parameter
 * ({@code unimo.cmcl.temperature}, starting at 0.07, clipped to [0.001, 0.5] after every update)
 * or a constant.
 */
public final class ContrastiveHead {

    /** The loss and the gradients of the pooled vectors. */
    public record Result(double loss, INDArray dPooledImage, INDArray dPooledText) {}

    private final Param temperature;
    private final double fixedTemperature;

    public ContrastiveHead(ParameterStore store, double initialTemperature, boolean learned) {
        this.temperature = learned
                ? store.create("unimo.cmcl.temperature", Init.constant(initialTemperature), false, 1)
                : null;
        this.fixedTemperature = initialTemperature;
    }

    /** The current temperature. */
    public double temperature() {
        return temperature == null ? fixedTemperature : temperature.value().getDouble(0);
    }

    /** Keeps a learned temperature within [0.001, 0.5]; call after every optimizer update. */
    public void clampTemperature() {
        if (temperature != null) {
            double t = temperature();
            double c = Math.min(UnimoConfig.TEMPERATURE_MAX, Math.max(UnimoConfig.TEMPERATURE_MIN, t));
            if (c != t) {
                temperature.value().putScalar(0, c);
            }
        }
    }

    /**
     * The loss over {@code groups} (pair rows index the pooled matrices) and its gradients; the
     * temperature's gradient is added to its parameter, scaled by {@code gradScale}.
     */
    public Result forwardBackward(INDArray pooledImage, INDArray pooledText, List<ContrastiveGroup> groups, double gradScale) {
        L2Normalize.Out zi = L2Normalize.forward(pooledImage);
        L2Normalize.Out zt = L2Normalize.forward(pooledText);
        ContrastiveLoss.Result r = ContrastiveLoss.compute(zi.z(), zt.z(), groups, temperature());
        if (temperature != null) {
            temperature.grad().addi(r.dTemperature() * gradScale);
        }
        INDArray dImage = L2Normalize.backward(zi, r.dImages().muli(gradScale));
        INDArray dText = L2Normalize.backward(zt, r.dTexts().muli(gradScale));
        return new Result(r.value(), dImage, dText);
    }

    /** The loss only. */
    public double loss(INDArray pooledImage, INDArray pooledText, List<ContrastiveGroup> groups) {
        return ContrastiveLoss.compute(L2Normalize.forward(pooledImage).z(), L2Normalize.forward(pooledText).z(), groups, temperature()).value();
    }
}
