package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.unimoj.runtime.pipeline.BindingReport;
import org.unimoj.runtime.pipeline.PipelineComposer;
import org.unimoj.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code unimo pipeline ...}: what a configuration composes. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Inspect the Guice composition of a pipeline.",
        subcommands = PipelineCommand.ShowCommand.class)
final class PipelineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'show')");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print the modules a configuration composes (unimo.pipeline.modules, then plugin modules;",
                "each overrides the ones before it) and every binding that results, with its target, scope and source."})
    static final class ShowCommand implements Callable<Integer> {
        @Mixin
        RunOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Config cfg = options.loadConfig();
            PluginRegistry registry = options.loadPlugins(cfg);
            PipelineComposer.Composition c = PipelineComposer.compose(cfg, registry);
            PrintWriter out = spec.commandLine().getOut();
            out.println("modules (later overrides earlier):");
            for (PipelineComposer.Part p : c.parts()) {
                out.printf("  %-32s %s%n", p.origin(), p.module().getClass().getName());
            }
            List<BindingReport.Line> lines = BindingReport.of(c.module());
            out.println("bindings (" + lines.size() + "):");
            for (BindingReport.Line l : lines) {
                out.println("  " + l.key());
                out.println("      " + l.target() + "  [" + l.scope() + "]");
                out.println("      from " + l.source());
            }
            return ExitCodes.OK;
        }
    }
}
