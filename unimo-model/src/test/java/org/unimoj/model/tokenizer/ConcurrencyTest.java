package org.unimoj.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One instance shared by several threads (with a tiny word cache, so slots are overwritten all the time) gives the single-threaded ids. */
class ConcurrencyTest {

    @Test
    void sharedInstanceGivesTheSameIdsOnEveryThread() throws Exception {
        BpeVocabulary v = ByteLevelBpeTokenizer.load(Gpt2Files.directory()).vocabulary();
        ByteLevelBpeTokenizer shared = ByteLevelBpeTokenizer.of(v, false, 64);
        ByteLevelBpeTokenizer reference = ByteLevelBpeTokenizer.of(v, false, 0);
        String[] lines = Gpt2Files.variedText().substring(0, 300_000).split("\n");
        List<int[]> expected = new ArrayList<>();
        for (String l : lines) {
            expected.add(reference.encode(l));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<int[]>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 97;
                results.add(pool.submit(() -> {
                    List<int[]> out = new ArrayList<>(java.util.Collections.nCopies(lines.length, (int[]) null));
                    for (int i = 0; i < lines.length; i++) {
                        int k = (i + offset) % lines.length; // each thread in a different order
                        out.set(k, shared.encode(lines[k]));
                    }
                    return out;
                }));
            }
            for (Future<List<int[]>> f : results) {
                List<int[]> got = f.get();
                for (int i = 0; i < lines.length; i++) {
                    assertArrayEquals(expected.get(i), got.get(i), lines[i]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
