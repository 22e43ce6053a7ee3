package org.unimoj.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.unimoj.data.world.ProgressListener;
import org.unimoj.data.world.WorldGenerator;
import org.unimoj.data.world.WorldSpec;
import org.unimoj.runtime.train.FileTrees;

/** Embedded worlds the runtime's tests share, each generated once per build under unimo-runtime/target/test-worlds/. */
public final class TestWorlds {

    private TestWorlds() {}

    /**
     * The world of {@code spec} in {@code test-worlds/NAME}, generating it if absent: into a
     * sibling directory first and moved into place, so an interrupted build leaves none half-made.
     */
    public static synchronized Path generated(String name, WorldSpec spec) {
        Path dir = Path.of(System.getProperty("unimo.root", ".")).resolve("unimo-runtime/target/test-worlds").resolve(name);
        if (Files.isRegularFile(dir.resolve("world.json"))) {
            return dir;
        }
        Path tmp = dir.resolveSibling(name + ".tmp");
        try {
            FileTrees.deleteTree(tmp);
            new WorldGenerator(spec, tmp, ProgressListener.NONE).generate();
            FileTrees.deleteTree(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
