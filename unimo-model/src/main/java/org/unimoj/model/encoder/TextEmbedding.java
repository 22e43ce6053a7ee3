package org.unimoj.model.encoder;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.nn.Dropout;
import org.unimoj.model.nn.Embedding;
import org.unimoj.model.nn.LayerNorm;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Tensors;

/**
 * Text embedding as RoBERTa: word + learned position (ids start at 2), then LayerNorm and
 * dropout; no segment embedding. Parameter names are Hugging Face's
 * {@code roberta.embeddings.*}.
 */
public final class TextEmbedding {

    /** The first position id (RoBERTa reserves 0 and 1). */
    public static final int FIRST_POSITION = 2;

    /** Everything the backward pass needs. */
    public record Out(INDArray y, INDArray ids, int batch, int length, LayerNorm.Out norm, Dropout.Out drop) {}

    private final Embedding words;
    private final Embedding positions;
    private final LayerNorm norm;
    private final Dropout dropout;

    public TextEmbedding(ParameterStore store, UnimoConfig c) {
        this.words = new Embedding(store, "roberta.embeddings.word_embeddings.weight", c.vocabSize(), c.hidden(), c.initStd());
        this.positions = new Embedding(store, "roberta.embeddings.position_embeddings.weight", c.maxPositions(), c.hidden(), c.initStd());
        this.norm = new LayerNorm(store, "roberta.embeddings.LayerNorm", c.hidden(), c.layerNormEps());
        this.dropout = new Dropout(c.dropout());
    }

    /** The word embedding (tied to the LM head's output layer). */
    public Embedding words() {
        return words;
    }

    public Embedding positions() {
        return positions;
    }

    public LayerNorm norm() {
        return norm;
    }

    /** @param ids int32 {@code [batch * length]} */
    public Out forward(INDArray ids, int batch, int length, StepRandom random) {
        return forward(ids, batch, length, FIRST_POSITION, random);
    }

    /** Embeds {@code length} tokens per row whose first one sits at position id {@code firstPosition}. */
    public Out forward(INDArray ids, int batch, int length, int firstPosition, StepRandom random) {
        long h = words.dim();
        if (firstPosition + length > positions.rows()) {
            throw new IllegalArgumentException("text of " + length + " tokens from position " + firstPosition
                    + " exceeds the " + positions.rows() + " position embeddings");
        }
        INDArray e = words.forward(ids);
        INDArray pos = positions.table().value().get(NDArrayIndex.interval(firstPosition, firstPosition + length), NDArrayIndex.all());
        e.reshape('c', batch, length * h).addiRowVector(pos.reshape('c', 1, length * h));
        LayerNorm.Out n = norm.forward(e);
        Dropout.Out d = dropout.forward(n.y(), random);
        return new Out(d.y(), ids, batch, length, n, d);
    }

    /** Adds the gradients of the word rows, the position rows and the LayerNorm. */
    public void backward(Out o, INDArray dy) {
        long h = words.dim();
        INDArray dn = norm.backward(o.norm(), dropout.backward(o.drop(), dy));
        words.backward(o.ids(), dn);
        INDArray posGrad = positions.table().grad().get(NDArrayIndex.interval(FIRST_POSITION, FIRST_POSITION + o.length()), NDArrayIndex.all());
        Tensors.addColumnSums(dn.reshape('c', o.batch(), o.length() * h), Tensors.flat(posGrad), 1.0);
    }
}
