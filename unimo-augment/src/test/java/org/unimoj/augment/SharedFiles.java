package org.unimoj.augment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.unimoj.api.data.Caption;
import org.unimoj.data.captions.Flickr8kTokenReader;
import org.unimoj.data.io.ReadOptions;

/** The shared data the augment tests read (never copied into the project). */
public final class SharedFiles {

    private SharedFiles() {}

    public static Path shared(String relative) {
        Path p = Path.of(System.getProperty("unimo.root", ".")).resolve("../shared").resolve(relative).normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared data missing: " + p);
        }
        return p;
    }

    public static Path flickr8kFile() {
        return shared("data/flickr8k/Flickr8k.token.txt");
    }

    /** All 40,460 Flickr8k captions, in file order. */
    public static List<Caption> flickr8k() {
        try (Flickr8kTokenReader r = Flickr8kTokenReader.open(flickr8kFile(), ReadOptions.failFast())) {
            return r.readAll();
        }
    }
}
