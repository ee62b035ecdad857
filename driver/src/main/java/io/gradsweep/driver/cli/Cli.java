package io.gradsweep.driver.cli;

import io.gradsweep.core.CodeVersion;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The gradsweep command line on picocli: the commands and their flags, help generated from the
 * same definitions that parse, {@code --version}, and errors as {@link CliErrors} words them.
 */
public final class Cli {
    /** Wide enough for the flag tables to read as one column of text next to one of flags. */
    private static final int HELP_WIDTH = 100;
    private static final int FLAG_COLUMN = 30;

    private Cli() {
    }

    /** {@code gradsweep} itself: with no command it prints its help and exits 2. */
    @Command(name = "gradsweep", versionProvider = Version.class,
            description = {"Large statistical studies of how neural-network training converges.", ""},
            commandListHeading = "%nCommands:%n",
            footer = {"", "Run 'gradsweep COMMAND --help' for a command's flags."})
    static final class Gradsweep implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HelpOption help;

        @Option(names = {"-V", "--version"}, versionHelp = true,
                description = "print the code version (the one run records in the manifest) and the JDK, and exit")
        boolean version;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return CliErrors.BAD_INPUT;
        }
    }

    /** {@code --version}: the code version the manifest and every trials row record, and the JVM. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gradsweep " + CodeVersion.get(),
                "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.home") + ")"};
        }
    }

    /**
     * The whole command line, printing to {@code out} and {@code err}; a command's own output goes to
     * {@code out} too.
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Gradsweep());
        cli.addSubcommand(new CommandLine(new PlanCommand(out)));
        cli.addSubcommand(new CommandLine(new RunCommand(out)));
        cli.addSubcommand(new CommandLine(new StatusCommand(out)));
        cli.addSubcommand(new CommandLine(new AnalyzeCommand(out)));
        cli.addSubcommand(new CommandLine(TrainCommand.spec(out)));
        cli.addSubcommand(new CommandLine(new BenchCommand(out)));
        cli.addSubcommand(new CommandLine(new HelpCommand()));
        cli.getSubcommands().get("help").getCommandSpec().usageMessage()
                .description("show a command's help: gradsweep help COMMAND is gradsweep COMMAND --help");
        CliErrors errors = new CliErrors();
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        cli.setExpandAtFiles(false); // an argument starting with @ is a value, never a file of arguments
        for (CommandLine command : cli.getSubcommands().values()) {
            command.getCommandSpec().usageMessage().sortSynopsis(false); // the order of the flag list, important first
        }
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setUsageHelpLongOptionsMaxWidth(FLAG_COLUMN);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        int code = commandLine(out, err).execute(normalised(args));
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The arguments with underscores in flag names turned into dashes ({@code --test_fraction} is
     * {@code --test-fraction}), as study files spell keys with underscores; values are untouched,
     * and so is everything after {@code --}.
     */
    static String[] normalised(String[] args) {
        String[] result = args.clone();
        for (int i = 0; i < result.length; i++) {
            String a = result[i];
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                result[i] = name.replace('_', '-') + (eq < 0 ? "" : a.substring(eq));
            }
        }
        return result;
    }
}
