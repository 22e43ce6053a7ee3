package org.unimoj.model.encoder;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.nn.TransformerLayer;

/**
 * One forward pass of the encoder over a batch: its outputs and what
 * {@link UnimoEncoder#backward} needs. Arrays live as long as the workspace or scope the forward
 * ran in.
 *
 * @param batch         the input
 * @param mask          the additive attention mask {@code [batch, seq, seq]}
 * @param text          the text embedding's pass (null without text)
 * @param regions       the region embedding's pass (null without images)
 * @param layers        each layer's pass
 * @param sequence      per-position outputs {@code [batch * seq, hidden]}, row {@code b * seq + position}
 * @param firstText     the outputs at the first text position, {@code [batch, hidden]} (null without text)
 * @param pooledText    {@code ReLU(Linear(firstText))} (null without text)
 * @param imageToken    the outputs at the [IMG] position, {@code [batch, hidden]} (null without images)
 * @param pooledImage   {@code ReLU(Linear(imageToken))} (null without images)
 */
public record EncoderPass(EncoderBatch batch, INDArray mask, TextEmbedding.Out text, RegionEmbedding.Out regions,
                          List<TransformerLayer.Out> layers, INDArray sequence, INDArray firstText, INDArray pooledText,
                          INDArray imageToken, INDArray pooledImage) {

    /** The output rows of {@code batch} example {@code b} as {@code [seq, hidden]} (a view). */
    public INDArray exampleRows(int b) {
        int s = batch.seqLength();
        return sequence.get(NDArrayIndex.interval((long) b * s, (long) (b + 1) * s),
                NDArrayIndex.all());
    }
}
