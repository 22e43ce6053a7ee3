package org.unimoj.plugins.qg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.data.world.ProgressListener;
import org.unimoj.data.world.WorldGenerator;
import org.unimoj.data.world.WorldSpec;
import org.unimoj.plugins.qg.data.QgExample;
import org.unimoj.tasks.testing.WordText;

/** A generated world's question-generation set, read through the plugin from the world's root, in every split. */
class WorldQuestionsTest {

    @TempDir
    Path world;

    @Test
    void readsEverySplitOfAGeneratedWorld() throws IOException {
        new WorldGenerator(WorldSpec.defaults(9, 80).withFeatures(8, 4), world, ProgressListener.NONE).generate();
        @SuppressWarnings("unchecked")
        Task<QgExample> t = (Task<QgExample>) new QuestionGenerationPlugin().open("squad",
                new TaskContext(world, world.resolve("work"), new WordText(List.of()), Map.of(), ReadPolicy.FAIL, 1));
        for (Split s : Split.values()) {
            List<QgExample> rows;
            try (Stream<QgExample> r = t.read(s)) {
                rows = r.toList();
            }
            assertTrue(rows.size() >= 5, s + ": " + rows.size());
            for (QgExample e : rows) {
                assertEquals(e.answer(), e.paragraph().substring(e.answerStart(), e.answerStart() + e.answer().length()));
                assertTrue(e.question().endsWith(" ?"), e.question());
            }
        }
        // Scored with the gold questions as the generated ones (in input order, as a predictor answers): BLEU-4 and ROUGE-L 1.
        List<QgExample> dev;
        try (Stream<QgExample> r = t.read(Split.VAL)) {
            dev = r.toList();
        }
        java.util.Iterator<QgExample> gold = dev.iterator();
        Predictor oracle = new Predictor() {
            @Override
            public List<Prediction> predict(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Prediction.Text> generate(List<ModelInput> inputs) {
                return inputs.stream().map(in -> new Prediction.Text(new int[0], gold.next().question(), 0)).toList();
            }

            @Override
            public List<float[]> embed(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }
        };
        MetricReport r = t.evaluate(Split.VAL, oracle);
        assertEquals(1.0, r.get("BLEU-4"), 1e-6);
        assertEquals(1.0, r.get("ROUGE-L"), 1e-9);
        assertTrue(r.get("baseline_answer_sentence_BLEU-4") < 0.2, r.values().toString());
    }
}
