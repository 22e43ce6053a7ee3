package org.unimoj.runtime.pipeline;

import com.google.inject.AbstractModule;
import com.typesafe.config.Config;
import org.unimoj.runtime.plugin.PluginRegistry;

/**
 * The root of every pipeline: what the launcher already holds when it composes one, the loaded
 * configuration and the plugins. Only binds instances.
 */
public final class RuntimeModule extends AbstractModule {
    private final Config config;
    private final PluginRegistry plugins;

    public RuntimeModule(Config config, PluginRegistry plugins) {
        this.config = config;
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        bind(Config.class).toInstance(config);
        bind(PluginRegistry.class).toInstance(plugins);
    }
}
