package io.gradsweep.driver;

import io.gradsweep.driver.cli.Cli;
import java.io.PrintStream;

/** The gradsweep command line (see {@link Cli}); exit code 2 for bad input, 3 for a folder another run holds. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line; returns the exit code instead of exiting, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err);
    }
}
