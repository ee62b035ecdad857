package io.gradsweep.driver;

import io.gradsweep.driver.cli.AnalyzeCommand;
import io.gradsweep.driver.cli.BenchCommand;
import io.gradsweep.driver.cli.PlanCommand;
import io.gradsweep.driver.cli.RunCommand;
import io.gradsweep.driver.cli.StatusCommand;
import io.gradsweep.driver.cli.TrainCommand;
import io.gradsweep.driver.cli.UsageException;
import io.gradsweep.driver.sweep.RunLock;
import java.io.PrintStream;
import java.util.Arrays;

/** The gradsweep command line: dispatches to a subcommand; exit code 2 for bad input, 3 for a folder another run holds. */
public final class Main {
    private static final String HELP = """
            Usage: gradsweep COMMAND [ARGS]

            Commands:
              plan     validate a study file and print its trials, cost and output layout
              run      train a study's trials on Spark into Parquet (resumes what is there)
              status   how far the study in an output folder got
              analyze  statistics across seeds, plots and an HTML report of a study's results
              train    train one trial on this machine and print its trace and summary
              bench    measure training steps per second of the reference networks
              help     show this text

            Run 'gradsweep COMMAND --help' for a command's flags.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line; returns the exit code instead of exiting, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(HELP);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "train" -> TrainCommand.run(rest, out);
                case "run" -> RunCommand.run(rest, out);
                case "status" -> StatusCommand.run(rest, out);
                case "analyze" -> AnalyzeCommand.run(rest, out);
                case "plan" -> PlanCommand.run(rest, out);
                case "bench" -> BenchCommand.run(rest, out);
                default -> throw new UsageException("unknown command '" + args[0]
                        + "'; commands: plan, run, status, analyze, train, bench, help");
            };
        } catch (UsageException e) {
            err.println("gradsweep " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (RunLock.Held e) { // not bad input: the same command may work once the other run ends
            err.println("gradsweep " + args[0] + ": " + e.getMessage());
            return 3;
        } catch (Exception e) { // Spark's checked exceptions arrive undeclared from Scala
            err.println("gradsweep " + args[0] + " failed: " + e);
            return 1;
        }
    }
}
