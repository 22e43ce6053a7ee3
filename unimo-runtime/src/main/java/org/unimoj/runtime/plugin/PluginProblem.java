package org.unimoj.runtime.plugin;

/** A plugin that could not be loaded, and why; every other plugin still loads. */
public record PluginProblem(PluginSource source, String message) {
    @Override
    public String toString() {
        return source + ": " + message;
    }
}
