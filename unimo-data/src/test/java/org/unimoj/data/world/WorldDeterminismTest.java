package org.unimoj.data.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldDeterminismTest {

    @TempDir
    Path tmp;

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesWhateverTheThreadCount() throws IOException {
        WorldSpec spec = SmallWorld.spec(3, 120);
        Path a = SmallWorld.generate(spec.withThreads(1), tmp.resolve("a"));
        Path b = SmallWorld.generate(spec.withThreads(3), tmp.resolve("b"));
        List<Path> fa = files(a);
        assertEquals(fa, files(b));
        assertTrue(fa.size() >= 38, "every file of the layout: " + fa);
        for (Path f : fa) {
            byte[] x = Files.readAllBytes(a.resolve(f)), y = Files.readAllBytes(b.resolve(f));
            assertTrue(x.length > 0, f + " is empty");
            assertArrayEquals(x, y, f + " differs between two runs with the same seed");
        }
    }

    @Test
    void differentSeedsGiveDifferentWorlds() throws IOException {
        Path a = SmallWorld.generate(SmallWorld.spec(3, 60), tmp.resolve("a"));
        Path b = SmallWorld.generate(SmallWorld.spec(4, 60), tmp.resolve("b"));
        for (String f : List.of("features/train.tsv", "scenes/train.jsonl", "captions/dataset_world.json", "corpus/text.txt",
                "vqa/v2_OpenEnded_world_test_questions.json", "snli_ve/snli_ve_test.jsonl", "splits/test.txt")) {
            assertFalse(Files.mismatch(a.resolve(f), b.resolve(f)) < 0, f + " is the same under two seeds");
        }
        // Not just shuffled: the captions themselves differ.
        List<String> ca = Files.readAllLines(a.resolve("scenes/captions_train.jsonl"));
        List<String> cb = Files.readAllLines(b.resolve("scenes/captions_train.jsonl"));
        assertNotEquals(ca.stream().map(l -> l.replaceAll("\"(caption|image)_id\":\"\\d+\"", "")).sorted().toList(),
                cb.stream().map(l -> l.replaceAll("\"(caption|image)_id\":\"\\d+\"", "")).sorted().toList());
    }
}
