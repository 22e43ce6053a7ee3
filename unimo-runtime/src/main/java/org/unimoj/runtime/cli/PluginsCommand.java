package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unimoj.runtime.plugin.LoadedRewriter;
import org.unimoj.runtime.plugin.LoadedTask;
import org.unimoj.runtime.plugin.PluginProblem;
import org.unimoj.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code unimo plugins ...}: what the plugin loader finds. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Inspect task and rewriter plugins.",
        subcommands = PluginsCommand.ListCommand.class)
final class PluginsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'list')");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the task plugins and rewriters found on the class path and in the plugins directory,",
                "with id, version, SPI version and source; then any plugin that failed to load, and why.",
                "Exits 1 when a plugin failed to load."})
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        RunOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Config cfg = options.loadConfig();
            PluginRegistry registry = options.loadPlugins(cfg);
            PrintWriter out = spec.commandLine().getOut();
            out.println("plugins directory: " + options.resolvePluginsDir(cfg).toAbsolutePath().normalize());
            out.println("tasks:");
            if (registry.tasks().isEmpty()) {
                out.println("  (none)");
            }
            for (LoadedTask t : registry.tasks()) {
                String subtasks = t.info().subtasks().isEmpty() ? "" : " [" + String.join(", ", t.info().subtasks()) + "]";
                out.printf("  %-18s %-10s spi=%d  %-30s %s%s%n", t.info().id(), t.info().version(), t.info().spiVersion(),
                        t.source(), t.info().description(), subtasks);
            }
            out.println("rewriters:");
            if (registry.rewriters().isEmpty()) {
                out.println("  (none)");
            }
            for (LoadedRewriter r : registry.rewriters()) {
                out.printf("  %-18s %-8s %-8s %-30s %s%n", r.provider().name(), r.provider().granularity().name().toLowerCase(),
                        r.provider().polarity().name().toLowerCase(), r.source(), r.provider().description());
            }
            out.flush();
            if (registry.problems().isEmpty()) {
                return ExitCodes.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            for (PluginProblem p : registry.problems()) {
                err.println("unimo plugins list: plugin not loaded: " + p);
            }
            err.flush();
            return ExitCodes.FAILED;
        }
    }
}
