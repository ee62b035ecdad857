package io.gradsweep.driver.cli;

import io.gradsweep.core.train.Suggest;
import io.gradsweep.driver.sweep.RunLock;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a failed command line ends: one line on stderr, {@code gradsweep COMMAND: message}, and an
 * exit code: 2 for bad input (picocli's parse errors, reworded to name the flag, the value and what
 * is allowed, with "did you mean" for a mistyped command or flag; and {@link UsageException}), 3 for a
 * folder another run holds, 1 for anything else.
 */
final class CliErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int LOCKED = 3;
    static final int FAILED = 1;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        where.getErr().println(prefix(where) + ": " + message(e));
        where.getErr().flush();
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine where, ParseResult parsed) {
        if (e instanceof UsageException) {
            where.getErr().println(prefix(where) + ": " + e.getMessage());
            where.getErr().flush();
            return BAD_INPUT;
        }
        if (e instanceof RunLock.Held) { // not bad input: the same command may work once the other run ends
            where.getErr().println(prefix(where) + ": " + e.getMessage());
            where.getErr().flush();
            return LOCKED;
        }
        // Spark's checked exceptions arrive undeclared from Scala
        where.getErr().println(prefix(where) + " failed: " + e);
        where.getErr().flush();
        return FAILED;
    }

    /** {@code gradsweep run}, or {@code gradsweep} for the top level. */
    private static String prefix(CommandLine where) {
        return where.getCommandSpec().qualifiedName();
    }

    static String message(ParameterException e) {
        CommandLine where = e.getCommandLine();
        String command = where.getCommandSpec().qualifiedName();
        if (e instanceof UnmatchedArgumentException u) {
            return unmatched(u, where, command);
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            ArgSpec a = m.getMissing().get(0);
            if (!(a instanceof OptionSpec o)) {
                return e.getMessage();
            }
            if (e.getMessage().startsWith("Missing required parameter for option")) { // given last, without its value
                return o.longestName() + " needs a value";
            }
            if (!where.getUnmatchedArguments().isEmpty()) { // picocli checks required flags first; a typo explains more
                return unmatched(new UnmatchedArgumentException(where, where.getUnmatchedArguments()), where, command);
            }
            return o.longestName() + " " + o.paramLabel() + " is required: " + o.description()[0];
        }
        if (e instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec spec) {
            return spec.longestName() + " is given twice";
        }
        if (e.getCause() instanceof UsageException u) {
            return u.getMessage();
        }
        if (e.getCause() instanceof SwitchValue.Refused r && e.getArgSpec() instanceof OptionSpec o) {
            String flag = o.longestName();
            return flag + "=" + r.getMessage() + ": " + flag + " is a switch; give it alone (or as " + flag
                    + "=true or " + flag + "=false)";
        }
        return e.getMessage();
    }

    private static String unmatched(UnmatchedArgumentException u, CommandLine where, String command) {
        List<String> args = u.getUnmatched();
        String first = args.isEmpty() ? "" : args.get(0);
        for (String a : args) {
            if (a.startsWith("-")) {
                first = a;
                break;
            }
        }
        if (first.startsWith("-")) {
            String flag = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            return "unknown flag " + flag + closest(flag, where.getCommandSpec().optionsMap().keySet()) + "; see "
                    + command + " --help";
        }
        if (!where.getSubcommands().isEmpty() && where.getParent() == null) {
            String commands = String.join(", ", where.getSubcommands().keySet());
            String near = closest(first, where.getSubcommands().keySet());
            return "unknown command '" + first + "'" + (near.isEmpty() ? "; commands: " + commands : near);
        }
        return "unexpected argument '" + first + "'; see " + command + " --help";
    }

    /** " (did you mean '--depth'?)" when one name is close, else nothing. */
    private static String closest(String word, java.util.Collection<String> names) {
        List<String> known = names.stream().filter(n -> !n.equals("-h")).toList();
        String s = Suggest.didYouMean(word, known);
        return s.startsWith(" (did you mean") ? s : "";
    }
}
