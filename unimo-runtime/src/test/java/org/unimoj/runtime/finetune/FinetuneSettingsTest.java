package org.unimoj.runtime.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.Split;
import org.unimoj.runtime.config.ConfigError;
import org.unimoj.runtime.config.Settings;

class FinetuneSettingsTest {

    @TempDir
    Path tmp;

    private static Config load(String... sets) {
        return Settings.load(Optional.empty(), List.of(sets));
    }

    @Test
    void theReferenceDefaultsAreDocumentedValues() {
        FinetuneSettings s = FinetuneSettings.from(load(), Map.of(), "test");
        assertEquals(3, s.epochs());
        assertEquals(32, s.batchSize());
        assertEquals(5e-5, s.learningRate());
        assertEquals(List.of(Split.VAL, Split.TEST), s.evaluate());
        assertEquals(42, s.seed());
        assertEquals("default", s.sources().get("epochs"));
    }

    @Test
    void aTaskSuggestionReplacesADefaultButNotWhatTheUserSet() throws IOException {
        Path conf = tmp.resolve("run.conf");
        Files.writeString(conf, "unimo.finetune.batch-size = 8\n");
        Config cfg = Settings.load(Optional.of(conf), List.of("unimo.finetune.learning-rate=3e-4"));
        FinetuneSettings s = FinetuneSettings.from(cfg, Map.of("epochs", "7", "learning-rate", "1e-5", "batch-size", "64"), "task x");
        assertEquals(7, s.epochs(), "the task's suggestion replaces the default");
        assertEquals(3e-4, s.learningRate(), "--set wins");
        assertEquals(8, s.batchSize(), "the config file wins");
        assertEquals("task", s.sources().get("epochs"));
        assertTrue(s.sources().get("batch-size").endsWith("run.conf"), s.sources().toString());
        assertTrue(s.sources().get("learning-rate").contains("--set"), s.sources().toString());
    }

    @Test
    void badSuggestionsAndValuesAreOneLineErrorsNamingTheKey() {
        ConfigError unknown = assertThrows(ConfigError.class, () -> FinetuneSettings.from(load(), Map.of("epochz", "2"), "task x (x.jar)"));
        assertTrue(unknown.getMessage().contains("epochz") && unknown.getMessage().contains("x.jar"), unknown.getMessage());
        ConfigError badType = assertThrows(ConfigError.class, () -> FinetuneSettings.from(load(), Map.of("epochs", "many"), "task x"));
        assertTrue(badType.getMessage().contains("epochs"), badType.getMessage());
        ConfigError range = assertThrows(ConfigError.class, () -> FinetuneSettings.from(load("unimo.finetune.warmup=1.5"), Map.of(), "t"));
        assertTrue(range.getMessage().contains("unimo.finetune.warmup"), range.getMessage());
        ConfigError split = assertThrows(ConfigError.class, () -> FinetuneSettings.from(load("unimo.finetune.evaluate=[dev, tst]"), Map.of(), "t"));
        assertTrue(split.getMessage().contains("tst"), split.getMessage());
    }

    @Test
    void totalStepsCountPartialBatchesAndStopAtMaxSteps() {
        FinetuneSettings s = FinetuneSettings.from(load("unimo.finetune.batch-size=10", "unimo.finetune.epochs=2"), Map.of(), "t");
        assertEquals(6, s.totalSteps(25));
        FinetuneSettings capped = FinetuneSettings.from(load("unimo.finetune.batch-size=10", "unimo.finetune.max-steps=4"), Map.of(), "t");
        assertEquals(4, capped.totalSteps(25));
    }

    @Test
    void taskNamesParseIdAndSubtask() {
        assertEquals(new TaskRef("vqa", ""), TaskRef.parse("vqa"));
        assertEquals(new TaskRef("glue", "sst2"), TaskRef.parse(" glue/sst2 "));
        assertEquals("glue/sst2", TaskRef.parse("glue/sst2").fullName());
        for (String bad : List.of("", "/x", "glue/", "a/b/c")) {
            assertThrows(IllegalArgumentException.class, () -> TaskRef.parse(bad), bad);
        }
    }

    @Test
    void taskSettingsAreFlattenedWithoutTheirPrefix() {
        Config cfg = load("unimo.task.vqa.answers=100", "unimo.task.vqa.questions.val=q.json", "unimo.task.glue.x=1");
        assertEquals(Map.of("answers", "100", "questions.val", "q.json"), TaskOpener.taskSettings(cfg, "vqa"));
        assertEquals(Map.of(), TaskOpener.taskSettings(cfg, "retrieval"));
    }

    @Test
    void everyEpochIsAPermutationFixedByTheSeedAndAResumedStreamContinuesIt() {
        List<Integer> examples = java.util.stream.IntStream.range(0, 10).boxed().toList();
        org.unimoj.runtime.train.SlotSource<Integer> source = TaskExamples.source(examples, "ten numbers", 5);
        List<Integer> unbroken = new java.util.ArrayList<>();
        try (org.unimoj.runtime.train.SlotSource.Cursor<Integer> c = source.open(0)) {
            for (int i = 0; i < 30; i++) {
                org.unimoj.runtime.train.Slot<Integer> slot = c.next();
                assertEquals(i, slot.index());
                unbroken.add(((org.unimoj.runtime.train.Slot.Filled<Integer>) slot).value());
            }
        }
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(new java.util.TreeSet<>(examples), new java.util.TreeSet<>(unbroken.subList(epoch * 10, epoch * 10 + 10)),
                    "epoch " + epoch + " holds every example once");
        }
        assertNotEquals(unbroken.subList(0, 10), unbroken.subList(10, 20), "epochs are shuffled differently");
        assertNotEquals(examples, unbroken.subList(0, 10), "the first epoch is shuffled");
        try (org.unimoj.runtime.train.SlotSource.Cursor<Integer> c = TaskExamples.source(examples, "ten numbers", 5).open(13)) {
            for (int i = 13; i < 30; i++) {
                assertEquals(unbroken.get(i), ((org.unimoj.runtime.train.Slot.Filled<Integer>) c.next()).value(), "slot " + i + " after a resume at 13");
            }
        }
        try (org.unimoj.runtime.train.SlotSource.Cursor<Integer> c = TaskExamples.source(examples, "ten numbers", 6).open(0)) {
            List<Integer> other = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                other.add(((org.unimoj.runtime.train.Slot.Filled<Integer>) c.next()).value());
            }
            assertNotEquals(unbroken.subList(0, 10), other, "another seed, another order");
        }
    }
}
