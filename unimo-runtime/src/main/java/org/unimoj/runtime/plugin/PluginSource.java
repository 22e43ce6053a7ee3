package org.unimoj.runtime.plugin;

import java.nio.file.Path;
import java.util.Optional;

/** Where a plugin came from: a jar in the plugins directory, or the application class path. */
public record PluginSource(Optional<Path> jar) {

    public static final PluginSource CLASS_PATH = new PluginSource(Optional.empty());

    public static PluginSource jar(Path jar) {
        return new PluginSource(Optional.of(jar));
    }

    @Override
    public String toString() {
        return jar.map(Path::toString).orElse("class path");
    }
}
