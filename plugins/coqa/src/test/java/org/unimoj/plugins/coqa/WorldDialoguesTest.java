package org.unimoj.plugins.coqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
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
import org.unimoj.plugins.coqa.data.CoqaTurn;
import org.unimoj.tasks.testing.WordText;

/** A generated world's CoQA set, read through the plugin from the world's root, in every split. */
class WorldDialoguesTest {

    @TempDir
    Path world;

    @Test
    void readsEverySplitOfAGeneratedWorld() throws IOException {
        new WorldGenerator(WorldSpec.defaults(9, 80).withFeatures(8, 4), world, ProgressListener.NONE).generate();
        @SuppressWarnings("unchecked")
        Task<CoqaTurn> t = (Task<CoqaTurn>) new CoqaPlugin().open("", new TaskContext(world, world.resolve("work"), new WordText(List.of()),
                Map.of(), ReadPolicy.FAIL, 1));
        int followUps = 0;
        for (Split s : Split.values()) {
            List<CoqaTurn> turns;
            try (Stream<CoqaTurn> r = t.read(s)) {
                turns = r.toList();
            }
            assertTrue(turns.size() >= 5, s + ": " + turns.size());
            for (CoqaTurn turn : turns) {
                assertEquals(s == Split.TRAIN ? 1 : 4, turn.golds().size(), "dev and test carry three additional answers");
                assertEquals(turn.turnId() - 1, turn.history().size());
                followUps += turn.question().contains(" it ") ? 1 : 0;
            }
        }
        assertTrue(followUps > 0);
        // The gold answers as predictions (in input order, as a predictor answers) score F1 1 on train, where each turn has one gold.
        List<CoqaTurn> train;
        try (Stream<CoqaTurn> r = t.read(Split.TRAIN)) {
            train = r.toList();
        }
        Iterator<CoqaTurn> gold = train.iterator();
        Predictor oracle = new Predictor() {
            @Override
            public List<Prediction> predict(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Prediction.Text> generate(List<ModelInput> inputs) {
                return inputs.stream().map(in -> new Prediction.Text(new int[0], gold.next().answer(), 0)).toList();
            }

            @Override
            public List<float[]> embed(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }
        };
        MetricReport r = t.evaluate(Split.TRAIN, oracle);
        assertEquals(1.0, r.get("F1"), 1e-12);
        assertTrue(r.get("baseline_majority_answer_F1") < 0.6, r.values().toString());
    }
}
