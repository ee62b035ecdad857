package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every study in conf/studies parses, and its header's "# trials: N" is what it expands to. */
class ShippedStudiesTest {
    private static final Path STUDIES = Path.of("..", "conf", "studies");
    private static final Pattern TRIALS = Pattern.compile("(?m)^# trials: ([0-9]+)");

    @Test
    void everyShippedStudyParsesAndHasTheTrialCountItsHeaderStates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(STUDIES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "shipped studies: " + files);
        for (Path f : files) {
            Study study = Study.load(f);
            String header = Files.readString(f);
            assertTrue(header.startsWith("# "), f + " starts with a comment header saying its question");
            Matcher m = TRIALS.matcher(header);
            assertTrue(m.find(), f + " states its trial count as '# trials: N'");
            assertEquals(Long.parseLong(m.group(1)), study.trialCount(), f.toString());
            assertEquals(f.getFileName().toString(), study.name() + ".yaml", "file name is the study name");
        }
    }

    @Test
    void quickstartAnswersItsQuestionWithFewTrials() {
        Study s = Study.load(STUDIES.resolve("quickstart.yaml"));
        assertEquals(30, s.trialCount());
        assertEquals(List.of("activation", "depth"), s.dimensions().stream().map(Dimension::name).toList());
        assertEquals(5, s.replicates());
        assertTrue(s.trial(0).orElseThrow().spec().integer("epochs") <= 10);
    }
}
