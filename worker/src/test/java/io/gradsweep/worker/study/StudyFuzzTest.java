package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped studies, damaged at random (seeded): truncated, bit-flipped, given YAML's special
 * characters, lines dropped or repeated, numbers blown up. Every case must parse or fail with a
 * StudyException naming the file, within a time bound: never another exception, a stack
 * overflow, an OutOfMemoryError or a hang.
 */
class StudyFuzzTest {
    private static final long SEED = 20261123L;
    private static final int CASES_PER_STUDY = 150;
    private static final Duration BOUND = Duration.ofSeconds(3);
    /** Grids up to this size are also walked in full (trialCount checks every point). */
    private static final long WALKED = 20_000;
    private static final String[] SPECIAL = {"&a ", "*a", "!!", "!!java.lang.Runtime ", "{", "}", "[", "]", ": ", "- ",
        "\t", "%YAML 1.1\n", "---\n", "...\n", "? ", "|\n", ">\n", "#", "'", "\"", "\\", ",", "~", "null", "1e309",
        "-0", "0x1F", ".nan", "\u0000", "\uFEFF", "\u2028", "99999999999999999999"};

    @TempDir
    Path dir;

    static byte[] mutate(byte[] valid, Random rnd) {
        String text = new String(valid, StandardCharsets.UTF_8);
        switch (rnd.nextInt(7)) {
            case 0 -> {
                return Arrays.copyOf(valid, rnd.nextInt(valid.length));
            }
            case 1 -> {
                byte[] b = valid.clone();
                for (int i = 1 + rnd.nextInt(6); i > 0; i--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case 2 -> {
                int at = rnd.nextInt(text.length() + 1);
                String s = SPECIAL[rnd.nextInt(SPECIAL.length)];
                return (text.substring(0, at) + s + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                List<String> lines = new ArrayList<>(text.lines().toList());
                lines.remove(rnd.nextInt(lines.size()));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                List<String> lines = new ArrayList<>(text.lines().toList());
                int i = rnd.nextInt(lines.size());
                lines.add(i, lines.get(rnd.nextInt(lines.size())));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> { // one digit becomes a long run of digits: a huge count, range or value
                int at = firstDigitFrom(text, rnd.nextInt(text.length()));
                if (at < 0) {
                    return valid;
                }
                return (text.substring(0, at) + "9".repeat(1 + rnd.nextInt(25)) + text.substring(at + 1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> { // indentation shifted on one line
                List<String> lines = new ArrayList<>(text.lines().toList());
                int i = rnd.nextInt(lines.size());
                lines.set(i, rnd.nextBoolean() ? " " + lines.get(i) : lines.get(i).stripLeading());
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static int firstDigitFrom(String text, int from) {
        for (int i = 0; i < text.length(); i++) {
            int j = (from + i) % text.length();
            if (Character.isDigit(text.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    @Test
    void damagedStudiesParseOrFailWithAStudyExceptionNamingTheFile() throws IOException {
        List<Path> studies;
        try (var files = Files.list(Path.of("../conf/studies"))) {
            studies = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(studies.size() >= 3, "the shipped studies: " + studies);
        int refused = 0;
        for (Path study : studies) {
            byte[] valid = Files.readAllBytes(study);
            Random rnd = new Random(SEED ^ study.getFileName().toString().hashCode());
            for (int c = 0; c < CASES_PER_STUDY; c++) {
                Path file = dir.resolve(study.getFileName() + "-" + c + ".yaml");
                Files.write(file, mutate(valid, rnd));
                String name = file.getFileName() + " (seed " + SEED + ")";
                refused += assertTimeoutPreemptively(BOUND, () -> {
                    try {
                        Study s = Study.load(file);
                        if (s.indexSpace() <= WALKED) {
                            s.trialCount();
                        }
                        return 0;
                    } catch (StudyException e) {
                        assertTrue(e.getMessage().startsWith(file.toString()), name + ": names the file: " + e.getMessage());
                        return 1;
                    } catch (Throwable e) { // StackOverflowError and OutOfMemoryError included
                        fail(name + ": expected a StudyException, got " + e, e);
                        return 0;
                    }
                }, name + " took longer than " + BOUND);
            }
        }
        assertTrue(refused > 0, "no damaged study was refused: the mutations damage nothing");
    }
}
