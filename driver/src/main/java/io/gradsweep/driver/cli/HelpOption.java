package io.gradsweep.driver.cli;

import picocli.CommandLine.Option;

/** {@code -h} and {@code --help} for every command: mixed in, so that no command can lack them. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
}
