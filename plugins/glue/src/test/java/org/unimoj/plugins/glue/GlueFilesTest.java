package org.unimoj.plugins.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.LabeledText;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.data.glue.GlueLayout;
import org.unimoj.data.io.DataError;
import org.unimoj.plugins.glue.files.GlueFiles;
import org.unimoj.plugins.glue.files.GlueFiles.LayoutChoice;
import org.unimoj.tasks.testing.WordText;

/** Finding a task's files and telling each file's layout, on the official layouts, on column-mapped files and on the real files in ../shared. */
class GlueFilesTest {

    @TempDir
    Path tmp;

    @Test
    void taskDirectoryIsTheDataDirectoryItsGlueFolderOrAWorldsPlausibilitySet() throws IOException {
        Path glue = GlueFixtures.glueData(tmp.resolve("glue_data"));
        assertEquals(glue.resolve("SST-2"), GlueFiles.taskDirectory(glue, GlueSubtask.SST2));
        assertEquals(glue.resolve("SST-2"), GlueFiles.taskDirectory(glue.resolve("SST-2"), GlueSubtask.SST2));
        assertEquals(glue.resolve("MNLI"), GlueFiles.taskDirectory(glue, GlueSubtask.MNLI));
        Path world = tmp.resolve("world");
        GlueFixtures.write(world.resolve("glue/plausibility"), "train.tsv", "sentence\tlabel\na man is riding a horse\t1\n");
        assertEquals(world.resolve("glue/plausibility"), GlueFiles.taskDirectory(world, GlueSubtask.SST2));
        DataError e = assertThrows(DataError.class, () -> GlueFiles.taskDirectory(world, GlueSubtask.COLA));
        assertTrue(e.getMessage().contains("no CoLA files"), e.getMessage());
    }

    @Test
    void officialLayoutsAreToldFromTheirFirstLine() throws IOException {
        Path glue = GlueFixtures.glueData(tmp.resolve("glue_data"));
        GlueFiles.Layout train = GlueFiles.layout(glue.resolve("SST-2/train.tsv"), GlueSubtask.SST2, LayoutChoice.AUTO);
        assertEquals(GlueLayout.SST2, train.layout());
        assertFalse(train.hasIndex());
        GlueFiles.Layout test = GlueFiles.layout(glue.resolve("SST-2/test.tsv"), GlueSubtask.SST2, LayoutChoice.AUTO);
        assertEquals(GlueLayout.SST2, test.layout());
        assertTrue(test.hasIndex());
        assertEquals(GlueLayout.COLA, GlueFiles.layout(glue.resolve("CoLA/train.tsv"), GlueSubtask.COLA, LayoutChoice.AUTO).layout());
        assertTrue(GlueFiles.layout(glue.resolve("CoLA/test.tsv"), GlueSubtask.COLA, LayoutChoice.AUTO).hasIndex());
        assertTrue(GlueFiles.layout(glue.resolve("MNLI/dev_mismatched.tsv"), GlueSubtask.MNLI, LayoutChoice.AUTO).hasIndex());
        assertEquals(GlueLayout.STSB, GlueFiles.layout(glue.resolve("STS-B/dev.tsv"), GlueSubtask.STSB, LayoutChoice.AUTO).layout());
    }

    @Test
    void twoHeaderlessColumnsAreToldByWhereTheLabelIs() throws IOException {
        GlueFixtures.write(tmp, "a.tsv", "the movie is great\t1\nthe movie is bad\t0\n");
        GlueFixtures.write(tmp, "b.tsv", "1\tthe movie is great\n0\tthe movie is bad\n");
        GlueFixtures.write(tmp, "c.tsv", "0\t1\n");
        GlueFixtures.write(tmp, "d.tsv", "great movie\tvery\n");
        assertEquals(GlueLayout.SENTENCE_TAB_LABEL, GlueFiles.layout(tmp.resolve("a.tsv"), GlueSubtask.SST2, LayoutChoice.AUTO).layout());
        assertEquals(GlueLayout.LABEL_TAB_SENTENCE, GlueFiles.layout(tmp.resolve("b.tsv"), GlueSubtask.COLA, LayoutChoice.AUTO).layout());
        DataError both = assertThrows(DataError.class, () -> GlueFiles.layout(tmp.resolve("c.tsv"), GlueSubtask.SST2, LayoutChoice.AUTO));
        assertTrue(both.getMessage().contains("c.tsv:1: cannot tell the layout") && both.getMessage().contains("both look like"), both.getMessage());
        DataError neither = assertThrows(DataError.class, () -> GlueFiles.layout(tmp.resolve("d.tsv"), GlueSubtask.SST2, LayoutChoice.AUTO));
        assertTrue(neither.getMessage().contains("neither looks like"), neither.getMessage());
        assertEquals(GlueLayout.LABEL_TAB_SENTENCE, GlueFiles.layout(tmp.resolve("c.tsv"), GlueSubtask.SST2, LayoutChoice.LABEL_TAB_SENTENCE).layout());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> LayoutChoice.parse("tsv"));
        assertTrue(bad.getMessage().contains("'layout'"), bad.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static List<LabeledText> read(String subtask, Path dir, Split split) throws IOException {
        TaskContext c = new TaskContext(dir, dir, new WordText(List.of()), Map.of(), ReadPolicy.FAIL, 1);
        Task<LabeledText> t = (Task<LabeledText>) new GluePlugin().open(subtask, c);
        try (Stream<LabeledText> s = t.read(split)) {
            return s.toList();
        }
    }

    @Test
    void theRealCoLaAndSst2FilesReadThroughThePlugin() throws IOException {
        Path shared = Path.of(System.getProperty("unimo.root", ".")).resolve("../shared/data/sentence-classification");
        List<LabeledText> colaTrain = read("cola", shared.resolve("CoLA"), Split.TRAIN);
        List<LabeledText> colaDev = read("cola", shared.resolve("CoLA"), Split.VAL);
        assertEquals(8551, colaTrain.size());
        assertEquals(516, colaDev.size());
        assertTrue(colaTrain.stream().allMatch(r -> r.label().equals("0") || r.label().equals("1")));
        List<LabeledText> sstTrain = read("sst2", shared.resolve("SST2"), Split.TRAIN);
        assertEquals(6920, sstTrain.size());
        assertEquals(1821, read("sst2", shared.resolve("SST2"), Split.VAL).size());
        assertFalse(sstTrain.get(0).text().matches("^[01]\\s.*"), "the label column is not read as text: " + sstTrain.get(0).text());
    }
}
