package org.unimoj.model.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.model.nn.ParameterStore;

class ContrastiveHeadTest {

    @Test
    void learnedTemperatureStartsAt007AndIsClipped() {
        ParameterStore store = new ParameterStore(DataType.FLOAT);
        ContrastiveHead h = new ContrastiveHead(store, 0.07, true);
        store.allocate(1);
        assertEquals(0.07, h.temperature(), 1e-7);
        store.get("unimo.cmcl.temperature").value().putScalar(0, 0.9);
        h.clampTemperature();
        assertEquals(0.5, h.temperature(), 1e-7);
        store.get("unimo.cmcl.temperature").value().putScalar(0, -0.2);
        h.clampTemperature();
        assertEquals(0.001, h.temperature(), 1e-7);
        assertEquals(1, store.params().size());
        assertEquals(false, store.params().get(0).decayed());
    }

    @Test
    void fixedTemperatureIsNoParameter() {
        ParameterStore store = new ParameterStore(DataType.FLOAT);
        ContrastiveHead h = new ContrastiveHead(store, 0.07, false);
        assertEquals(0, store.params().size());
        assertEquals(0.07, h.temperature(), 0.0);
    }
}
