package org.unimoj.augment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.scene.CaptionGraphJsonlReader;
import org.unimoj.data.scene.GroundedCaption;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneJsonlReader;
import org.unimoj.data.world.ProgressListener;
import org.unimoj.data.world.WorldGenerator;
import org.unimoj.data.world.WorldLayout;
import org.unimoj.data.world.WorldSpec;

/** One small embedded world per test JVM (generated on first use into a temporary directory, deleted at exit). */
public final class TestWorld {

    /** Captioned images of the test world: 600 images, 3,000 captions with ground-truth graphs. */
    public static final int IMAGES = 600;

    private static Path dir;

    private TestWorld() {}

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("unimo-augment-world");
                WorldSpec spec = WorldSpec.defaults(7, IMAGES).withFeatures(16, 10).withImageOnly(IMAGES / 5).withCorpus(IMAGES)
                        .withTextTasks(new int[] {10, 10, 10}, new int[] {10, 10, 10});
                new WorldGenerator(spec, d, ProgressListener.NONE).generate();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    public static WorldLayout layout() {
        return new WorldLayout(dir());
    }

    /** Every caption of the three splits with its ground-truth graph. */
    public static List<GroundedCaption> captions() {
        List<GroundedCaption> out = new ArrayList<>();
        for (String split : List.of("train", "val", "test")) {
            out.addAll(captions(split));
        }
        return out;
    }

    public static List<GroundedCaption> captions(String split) {
        try (CaptionGraphJsonlReader r = CaptionGraphJsonlReader.open(layout().captionGraphs(split), ReadOptions.failFast())) {
            return r.readAll();
        }
    }

    /** Image id to scene, for one split. */
    public static Map<String, ImageScene> scenes(String split) {
        Map<String, ImageScene> out = new LinkedHashMap<>();
        try (SceneJsonlReader r = SceneJsonlReader.open(layout().scenes(split), ReadOptions.failFast())) {
            r.forEachRemaining(s -> out.put(s.imageId(), s));
        }
        return out;
    }

    private static void delete(Path d) {
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
