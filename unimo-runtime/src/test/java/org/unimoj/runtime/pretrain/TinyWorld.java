package org.unimoj.runtime.pretrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.unimoj.data.world.WorldSpec;
import org.unimoj.runtime.testing.TestWorlds;

/** A small embedded world (300 images, 32-d features, 6 regions) generated once per build under target/ and shared by the tests. */
final class TinyWorld {

    private TinyWorld() {}

    static Path get() {
        return TestWorlds.generated("tiny-300", WorldSpec.defaults(11, 300).withFeatures(32, 6).withThreads(2));
    }

    /** A private copy of the world, to corrupt. */
    static Path copy(Path to) {
        Path from = get();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** A run configuration on {@code world} for a model small enough for a test. */
    static String config(Path world, Path runDir, int steps, String extra) {
        return "unimo {\n"
                + "  seed = 3\n"
                + "  run.dir = \"" + runDir + "\"\n"
                + "  data.dir = \"" + world + "\"\n"
                + "  pretrain {\n"
                + "    steps = " + steps + "\n"
                + "    tokenizer.vocab-size = 350\n"
                + "    model { layers = 1, hidden = 32, heads = 2, init-std = 0.1, temperature = 0.3 }\n"
                + "    batch { pairs = 8, joint = 3, captioning = 2, texts = 4, images = 4 }\n"
                + "    data.block-size = 64\n"
                + "    checkpoint.every = 5\n"
                + "    eval { every = 10, max-images = 10, final-max-images = 30, batch = 64 }\n"
                + "    progress.line-seconds = 1\n"
                + extra
                + "  }\n"
                + "}\n";
    }
}
