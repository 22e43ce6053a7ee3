package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.runtime.config.Settings;
import org.unimoj.runtime.plugin.PluginLoader;
import org.unimoj.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** The options every command that reads configuration or plugins shares. */
public final class RunOptions {

    /** Environment variable that names the plugins directory when {@code --plugins-dir} is not given. */
    public static final String PLUGINS_DIR_ENV = "UNIMO_PLUGINS_DIR";

    @Option(names = "--config", paramLabel = "FILE", description = "HOCON configuration file; overrides every module's reference.conf.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, e.g. --set unimo.seed=7 (repeatable; wins over --config).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Directory of plugin jars (default: $" + PLUGINS_DIR_ENV + ", else unimo.plugins.dir, else plugins/ beside bin/unimo).")
    Path pluginsDir;

    public Config loadConfig() {
        return Settings.load(Optional.ofNullable(config), sets);
    }

    /** The plugins directory: the option, the environment, the configuration, then plugins/ under the launcher home. */
    public Path resolvePluginsDir(Config cfg) {
        if (pluginsDir != null) {
            if (!Files.isDirectory(pluginsDir)) {
                throw new UsageError("--plugins-dir " + pluginsDir + ": no such directory");
            }
            return pluginsDir;
        }
        String env = System.getenv(PLUGINS_DIR_ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isDirectory(p)) {
                throw new UsageError(PLUGINS_DIR_ENV + "=" + env + ": no such directory");
            }
            return p;
        }
        String configured = cfg.getString(ConfigKeys.PLUGINS_DIR);
        if (!configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isDirectory(p)) {
                throw new UsageError(ConfigKeys.PLUGINS_DIR + " = " + configured + ": no such directory");
            }
            return p;
        }
        return Path.of(System.getProperty("unimoj.home", ".")).resolve("plugins");
    }

    public PluginRegistry loadPlugins(Config cfg) {
        return PluginLoader.load(resolvePluginsDir(cfg), RunOptions.class.getClassLoader());
    }
}
