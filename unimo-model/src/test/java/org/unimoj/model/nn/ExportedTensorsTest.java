package org.unimoj.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.UnimoPretrainModel;

/**
 * Every exported tensor is its block of the flat parameter buffer, and writing through it writes
 * the parameter. Regression: with hidden 32 and a vocabulary of 29, slicing the fused q/k/v
 * weight's own view gave empty arrays for the key and value blocks, so checkpoints of such models
 * could be neither saved nor loaded.
 */
class ExportedTensorsTest {

    @Test
    void exportsAreBlocksOfTheFlatBuffer() {
        for (int vocab : new int[] {20, 29, 50}) {
            UnimoConfig c = new UnimoConfig("toy", 2, 32, 2, 64, vocab, 24, 8, 3, 5, 0.0, 0.0, 1e-5, 0.05, 1, 0.1, true);
            ParameterStore store = UnimoPretrainModel.create(c, DataType.FLOAT, 1).parameters();
            Map<String, INDArray> exported = store.exportedTensors();
            long offset = 0;
            int checked = 0;
            for (Param p : store.params()) {
                long rowLength = p.length() / p.shape()[0];
                for (Param.Export e : p.exports()) {
                    INDArray t = exported.get(e.name());
                    long[] shape = p.shape();
                    shape[0] = e.rowTo() - e.rowFrom();
                    assertArrayEquals(shape, t.shape(), "vocab " + vocab + ": " + e.name());
                    INDArray block = store.values().get(NDArrayIndex.interval(offset + e.rowFrom() * rowLength, offset + e.rowTo() * rowLength));
                    assertEquals(block, t.reshape(t.length()), "vocab " + vocab + ": " + e.name());
                    checked++;
                }
                offset += p.length();
            }
            assertEquals(exported.size(), checked);
            INDArray key = exported.get("roberta.encoder.layer.0.attention.self.key.weight");
            key.putScalar(3, 7, 42f);
            assertEquals(42f, store.get("roberta.encoder.layer.0.attention.self.qkv.weight").value().getFloat(32 + 3, 7), 0f,
                    "an export is a view: a checkpoint load writes the parameter");
        }
    }
}
