package io.gradsweep.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The docs-drift test: README.md, docs/ and conf/studies/README.md say what the flag definitions do. */
class FlagDocsTest {
    private static final Path ROOT = Path.of("..");

    private static CommandLine cli() {
        return Cli.commandLine(System.out, System.err);
    }

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    private static Map<String, String> otherDocs() throws IOException {
        Map<String, String> docs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                docs.put("docs/" + p.getFileName(), Files.readString(p));
            }
        }
        docs.put("conf/studies/README.md", Files.readString(ROOT.resolve("conf/studies/README.md")));
        return docs;
    }

    @Test
    void theDocsNameEveryFlagWithItsDefaultAndNoOtherFlag() throws IOException {
        assertEquals(List.of(), FlagDocs.problems(cli(), readme(), otherDocs()));
    }

    @Test
    void theCheckCoversEveryCommandAndSetting() {
        CommandLine cli = cli();
        // not vacuous: the definitions it compares with are all there
        assertEquals(List.of("plan", "run", "status", "analyze", "train", "bench", "help"),
                List.copyOf(cli.getSubcommands().keySet()));
        assertEquals(io.gradsweep.core.train.TrialSpec.keys().size() + 1, FlagDocs.flags(cli, "train").size(),
                "every trial setting is a train flag, plus --format");
    }

    /** A deliberately broken README and doc: each kind of drift is reported, so a passing check means something. */
    @Test
    void driftIsReported() throws IOException {
        String readme = readme();
        String broken = readme
                .replace(" [--fail-fast]", "") // a flag left out of run's synopsis
                .replace("[--bench-seconds 1]", "[--bench-seconds 2]") // a wrong default
                .replace("[--seed N]", "[--seed N] [--colour C]") // a flag that does not exist
                .replace("| `eval_subset` | 512 |", "| `eval_subset` | 256 |") // a setting's default
                .replace("| `rho` | 0.99 |", "| `rhoo` | 0.99 |"); // a setting renamed
        assertTrue(!broken.equals(readme));
        Map<String, String> docs = new LinkedHashMap<>(otherDocs());
        docs.put("docs/extra.md", "Then `bin/gradsweep analyze out --linear-los`.\n");
        List<String> problems = FlagDocs.problems(cli(), broken, docs);
        assertEquals(List.of(
                "README command table, plan: --bench-seconds shows 2, its default is 1",
                "README command table, run: --fail-fast is missing",
                "README command table, analyze: --colour is not a flag of analyze",
                "README trial settings: rho is missing",
                "README trial settings: eval_subset shows default 256, it is 512",
                "README trial settings: rhoo is not a setting",
                "docs/extra.md: 'gradsweep analyze out --linear-los' uses --linear-los, not a flag of analyze"),
                problems);
    }
}
