package io.gradsweep.driver.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Compares what the docs say about the flags with the picocli definitions that parse them: the
 * README's table of commands (each synopsis lists every flag of its command, and a value it shows
 * that is not a PLACEHOLDER is the default), its table of trial settings (every train setting, with
 * its default), and every {@code gradsweep COMMAND ... --flag} written in any document (the flag
 * must exist). Returns the problems found, one line each; none means the docs match.
 */
final class FlagDocs {
    /** A row of the commands table: | `COMMAND synopsis` | what it does |. */
    private static final Pattern COMMAND_ROW = Pattern.compile("(?m)^\\| `([a-z]+)((?:[^`]|\\\\\\|)*)` \\|");
    /** A flag in a synopsis, with the value shown after it, if any: [--seed N], --out DIR, [--replace]. */
    private static final Pattern SHOWN_FLAG = Pattern.compile("(--[a-z][a-z0-9-]*)(?: ([^\\]\\[ ]+))?");
    /** A value that stands for one (N, URL, REPORT_DIR, F1,F2), not a literal default. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_,.]*");
    /** A row of the trial settings table: | `key`, `key2` | default(s) | meaning |. */
    private static final Pattern SETTING_ROW = Pattern.compile("(?m)^\\| (`[a-z0-9_]+`(?:, `[a-z0-9_]+`)*) \\| ([^|]*) \\|");
    /** A command line in prose or code: gradsweep run ..., up to a pipe, backtick, && or ;. */
    private static final Pattern COMMAND_LINE = Pattern.compile(
            "gradsweep(?:\\.jar)? (plan|run|status|analyze|train|bench)(?=[ \\n`])([^`|;&\\n]*)");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9_-]*");

    private FlagDocs() {
    }

    /** The problems of {@code readme} and the {@code others} (name -> text) against {@code cli}. */
    static List<String> problems(CommandLine cli, String readme, Map<String, String> others) {
        List<String> problems = new ArrayList<>();
        commandTable(cli, readme, problems);
        settingsTable(cli, readme, problems);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("README.md", readme);
        all.putAll(others);
        for (Map.Entry<String, String> doc : all.entrySet()) {
            mentions(cli, doc.getKey(), doc.getValue(), problems);
        }
        return problems;
    }

    /** The flags of a command as help shows them, -h/--help aside, by longest name. */
    static Map<String, OptionSpec> flags(CommandLine cli, String command) {
        Map<String, OptionSpec> flags = new LinkedHashMap<>();
        for (OptionSpec o : cli.getSubcommands().get(command).getCommandSpec().options()) {
            if (!o.usageHelp()) {
                flags.put(o.longestName(), o);
            }
        }
        return flags;
    }

    private static void commandTable(CommandLine cli, String readme, List<String> problems) {
        Set<String> commandsInTable = new LinkedHashSet<>();
        Matcher row = COMMAND_ROW.matcher(readme);
        while (row.find()) {
            String command = row.group(1);
            if (!cli.getSubcommands().containsKey(command) || command.equals("help")) {
                continue; // another table's first column
            }
            commandsInTable.add(command);
            Map<String, OptionSpec> flags = flags(cli, command);
            Set<String> shown = new TreeSet<>();
            Matcher f = SHOWN_FLAG.matcher(row.group(2).replace("\\|", "|"));
            while (f.find()) {
                String flag = f.group(1);
                shown.add(flag);
                OptionSpec option = flags.get(flag);
                if (option == null) {
                    problems.add("README command table, " + command + ": " + flag + " is not a flag of " + command);
                    continue;
                }
                String value = f.group(2);
                if (value != null && !PLACEHOLDER.matcher(value).matches()
                        && !List.of(value.split("\\|")).get(0).equals(option.defaultValue())) {
                    problems.add("README command table, " + command + ": " + flag + " shows " + value
                            + ", its default is " + option.defaultValue());
                }
            }
            for (String flag : flags.keySet()) {
                if (!shown.contains(flag) && !(command.equals("train") && !flag.equals("--format"))) {
                    problems.add("README command table, " + command + ": " + flag + " is missing");
                }
            }
        }
        for (String command : cli.getSubcommands().keySet()) {
            if (!command.equals("help") && !commandsInTable.contains(command)) {
                problems.add("README command table: no row for " + command);
            }
        }
    }

    /** train's settings (every flag but --format) against the README's table of trial settings. */
    private static void settingsTable(CommandLine cli, String readme, List<String> problems) {
        int start = readme.indexOf("## Trial settings");
        if (start < 0) {
            problems.add("README: no '## Trial settings' section");
            return;
        }
        int end = readme.indexOf("\n#", start + 1); // the section's own table, not the next one's (### Data)
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = SETTING_ROW.matcher(section);
        while (row.find()) {
            String[] keys = row.group(1).replace("`", "").split(", ");
            String[] defaults = row.group(2).split(", ");
            for (int i = 0; i < keys.length; i++) {
                documented.put(keys[i], keys.length == defaults.length ? defaults[i].replace("`", "").trim() : null);
            }
        }
        Map<String, OptionSpec> flags = flags(cli, "train");
        flags.remove("--format");
        for (Map.Entry<String, OptionSpec> e : flags.entrySet()) {
            String key = e.getKey().substring(2).replace('-', '_');
            if (!documented.containsKey(key)) {
                problems.add("README trial settings: " + key + " is missing");
            } else if (!sameValue(documented.get(key), e.getValue().defaultValue())) {
                problems.add("README trial settings: " + key + " shows default " + documented.get(key) + ", it is "
                        + e.getValue().defaultValue());
            }
        }
        for (String key : documented.keySet()) {
            if (!flags.containsKey("--" + key.replace('_', '-'))) {
                problems.add("README trial settings: " + key + " is not a setting");
            }
        }
    }

    /** 1e-8 and 1.0E-8 are one default; so are 1 and 1.0. */
    private static boolean sameValue(String documented, String actual) {
        if (documented == null || actual == null) {
            return documented == actual;
        }
        try {
            return Double.parseDouble(documented) == Double.parseDouble(actual);
        } catch (NumberFormatException e) {
            return documented.equals(actual);
        }
    }

    private static void mentions(CommandLine cli, String doc, String text, List<String> problems) {
        Matcher line = COMMAND_LINE.matcher(text);
        while (line.find()) {
            String command = line.group(1);
            Set<String> known = new LinkedHashSet<>(flags(cli, command).keySet());
            known.add("--help");
            Matcher f = FLAG.matcher(line.group(2));
            while (f.find()) {
                String flag = f.group().replace('_', '-');
                if (!known.contains(flag) && !(command.equals("train") && f.group().equals("--SETTING"))) {
                    problems.add(doc + ": 'gradsweep " + command + (line.group(2).length() > 60
                            ? line.group(2).substring(0, 60) + "...'" : line.group(2) + "'") + " uses " + flag
                            + ", not a flag of " + command);
                }
            }
        }
    }
}
