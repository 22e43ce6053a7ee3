package org.unimoj.data.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small worlds for tests: quick to make, every file present. */
final class SmallWorld {
    private SmallWorld() {}

    static WorldSpec spec(long seed, int images) {
        return WorldSpec.defaults(seed, images).withFeatures(24, 10).withImageOnly(images / 10).withCorpus(images)
                .withTextTasks(new int[] {60, 20, 20}, new int[] {30, 10, 10});
    }

    static Path generate(WorldSpec spec, Path dir) {
        new WorldGenerator(spec, dir, ProgressListener.NONE).generate();
        return dir;
    }

    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
