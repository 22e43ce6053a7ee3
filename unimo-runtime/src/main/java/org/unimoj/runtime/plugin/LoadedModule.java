package org.unimoj.runtime.plugin;

import com.google.inject.Module;

/** A Guice module that a plugin jar contributes to every pipeline (META-INF/services/com.google.inject.Module). */
public record LoadedModule(Module module, PluginSource source) {}
