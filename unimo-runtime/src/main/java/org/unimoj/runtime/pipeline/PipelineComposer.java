package org.unimoj.runtime.pipeline;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.runtime.config.ConfigError;
import org.unimoj.runtime.plugin.LoadedModule;
import org.unimoj.runtime.plugin.PluginRegistry;

/**
 * Composes a pipeline from Guice modules: the {@link RuntimeModule}, then the modules named in
 * {@code unimo.pipeline.modules} in order, then the modules that plugin jars contribute. Each module
 * overrides the bindings of those before it ({@link Modules#override}), so a configuration swaps a
 * piece by naming a module that binds the same key.
 *
 * <p>A named module needs a public constructor taking either nothing or a {@link Config}.
 */
public final class PipelineComposer {

    private PipelineComposer() {}

    /** The composed module and the parts it was made of, in order. */
    public record Composition(Module module, List<Part> parts) {}

    /** One module of a composition and where it came from ("unimo.pipeline.modules[0]", a plugin jar, ...). */
    public record Part(Module module, String origin) {}

    public static Composition compose(Config config, PluginRegistry plugins) {
        return compose(config, plugins, List.of());
    }

    /**
     * As {@link #compose(Config, PluginRegistry)}, with the modules of a job's own lists (e.g.
     * {@code unimo.pretrain.modules}) after those of {@code unimo.pipeline.modules}, in order,
     * before the plugins' modules.
     */
    public static Composition compose(Config config, PluginRegistry plugins, List<String> jobModuleKeys) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(new RuntimeModule(config, plugins), "runtime"));
        ClassLoader loader = PipelineComposer.class.getClassLoader();
        List<String> keys = new ArrayList<>();
        keys.add(ConfigKeys.PIPELINE_MODULES);
        keys.addAll(jobModuleKeys);
        for (String listKey : keys) {
            List<? extends ConfigValue> names;
            try {
                names = config.getList(listKey);
            } catch (ConfigException e) {
                throw new ConfigError(e.getMessage());
            }
            for (int i = 0; i < names.size(); i++) {
                ConfigValue v = names.get(i);
                String key = listKey + "[" + i + "]";
                if (!(v.unwrapped() instanceof String name)) {
                    throw new ConfigError("key '" + key + "'" + origin(v) + ": expected a class name string, got " + v.render());
                }
                parts.add(new Part(instantiate(name.trim(), key + origin(v), config, loader), key));
            }
        }
        for (LoadedModule m : plugins.modules()) {
            parts.add(new Part(m.module(), "plugin " + m.source()));
        }
        Module composed = parts.get(0).module();
        for (int i = 1; i < parts.size(); i++) {
            composed = Modules.override(composed).with(parts.get(i).module());
        }
        return new Composition(composed, List.copyOf(parts));
    }

    private static String origin(ConfigValue v) {
        if (v.origin() == null || v.origin().filename() == null) {
            return v.origin() == null ? "" : " (" + v.origin().description() + ")";
        }
        return " (" + v.origin().filename() + ":" + v.origin().lineNumber() + ")";
    }

    private static Module instantiate(String name, String where, Config config, ClassLoader loader) {
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigError(where + ": pipeline module class '" + name + "' not found");
        }
        if (!Module.class.isAssignableFrom(c)) {
            throw new ConfigError(where + ": '" + name + "' is not a Guice module (com.google.inject.Module)");
        }
        try {
            for (Constructor<?> k : c.getConstructors()) {
                if (k.getParameterCount() == 1 && k.getParameterTypes()[0] == Config.class) {
                    return (Module) k.newInstance(config);
                }
            }
            return (Module) c.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigError(where + ": pipeline module '" + name + "' needs a public constructor taking nothing or a Config");
        } catch (InvocationTargetException e) {
            throw new ConfigError(where + ": pipeline module '" + name + "' failed to construct: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigError(where + ": pipeline module '" + name + "' cannot be created: " + e);
        }
    }
}
