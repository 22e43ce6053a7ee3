package org.unimoj.runtime.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.task.TaskPlugin;
import org.unimoj.runtime.plugin.LoadedRewriter;
import org.unimoj.runtime.plugin.LoadedTask;
import org.unimoj.runtime.plugin.PluginRegistry;

/**
 * Publishes the loaded plugins as injectable maps, task plugins by id and rewriters by name, so a
 * pipeline piece asks for what it uses instead of looking plugins up itself.
 */
public final class PluginCatalogModule extends AbstractModule {

    @Provides
    @Singleton
    Map<String, TaskPlugin> taskPlugins(PluginRegistry registry) {
        Map<String, TaskPlugin> m = new LinkedHashMap<>();
        for (LoadedTask t : registry.tasks()) {
            m.put(t.info().id(), t.plugin());
        }
        return Collections.unmodifiableMap(m);
    }

    @Provides
    @Singleton
    Map<String, RewriterProvider> rewriters(PluginRegistry registry) {
        Map<String, RewriterProvider> m = new LinkedHashMap<>();
        for (LoadedRewriter r : registry.rewriters()) {
            m.put(r.provider().name(), r.provider());
        }
        return Collections.unmodifiableMap(m);
    }
}
