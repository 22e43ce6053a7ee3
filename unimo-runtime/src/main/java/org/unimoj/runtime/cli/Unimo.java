package org.unimoj.runtime.cli;

import java.io.PrintWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.unimoj.api.SpiVersion;
import org.unimoj.runtime.config.ConfigError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The {@code unimo} launcher: one picocli command per capability. */
@Command(name = "unimo",
        mixinStandardHelpOptions = true,
        versionProvider = Unimo.Version.class,
        description = "UNIMO-J: unified-modal (vision + language) pre-training and fine-tuning on the JVM.",
        subcommands = {
            PretrainCommand.class,
            FinetuneCommand.class,
            EvaluateCommand.class,
            AugmentCommand.class,
            GenerateWorldCommand.class,
            EncodeCommand.class,
            BenchCommand.class,
            TokenizerCommand.class,
            PluginsCommand.class,
            PipelineCommand.class,
            AblateCommand.class,
            ProbeCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 bad command line or configuration, 3 not available yet."})
public final class Unimo implements Runnable {

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err));
    }

    /** Runs one command line and returns its exit code; the tests call this. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Unimo top = new Unimo();
        CommandLine cl = new CommandLine(top);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
            err.flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String name = cmd.getCommandSpec().qualifiedName();
            boolean verbose = top.verbose || System.getenv("UNIMO_DEBUG") != null;
            int code;
            String message;
            if (ex instanceof UsageError || ex instanceof ConfigError) {
                code = ExitCodes.USAGE;
                message = ex.getMessage();
            } else if (ex instanceof NotAvailable) {
                code = ExitCodes.NOT_AVAILABLE;
                message = ex.getMessage();
            } else {
                code = ExitCodes.FAILED;
                message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
                if (!verbose) {
                    message += " (run 'unimo --verbose ...' for the stack trace)";
                }
            }
            err.println(name + ": error: " + message);
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** "unimo VERSION (SPI n)", from the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Unimo.class.getResourceAsStream("/org/unimoj/runtime/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"unimo " + p.getProperty("version", "unknown") + " (task/rewriter SPI " + SpiVersion.CURRENT + ")"};
        }
    }
}
