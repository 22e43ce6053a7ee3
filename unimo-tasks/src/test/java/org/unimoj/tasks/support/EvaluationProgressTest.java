package org.unimoj.tasks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvaluationProgressTest {

    @Test
    void printsOnlyOnceItsIntervalHasPassed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        EvaluationProgress often = new EvaluationProgress("generating test", 3, out, 0);
        often.done(1);
        often.done(3);
        EvaluationProgress never = new EvaluationProgress("scoring val", 2, out, Long.MAX_VALUE);
        never.done(1);
        never.done(2);
        assertEquals("generating test: 1/3 (0 s)\ngenerating test: 3/3 (0 s)\n", bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
