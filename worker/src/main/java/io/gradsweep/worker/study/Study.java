package io.gradsweep.worker.study;

import io.gradsweep.core.files.BoundedFile;
import io.gradsweep.core.files.InputRefusedException;
import io.gradsweep.core.train.SpecException;
import io.gradsweep.core.train.TrialSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A study: one YAML file that declares a grid of trials. Parsing checks every key and every value
 * the file names; the trials are then computed on demand from their index, so a study of millions
 * of trials expands in constant memory, and the same text gives the same indexes and specs on
 * every machine (executors re-expand it from {@link #text}).
 *
 * <p>Rules that span settings (epochs 0 needs max_steps > 0) hold or fail per grid point: parse
 * checks the first point that runs, {@link #trialCount} checks them all, and iterating fails at
 * the first bad one. Run {@code trialCount()} before starting work.
 */
public final class Study {
    private final String text;
    private final String source;
    private final StudyDefinition definition;
    private final Grid grid;
    private final String hash;
    private volatile long trialCount = -1;

    private Study(String text, String source, StudyDefinition definition) {
        this.text = text;
        this.source = source;
        this.definition = definition;
        this.grid = definition.grid();
        this.hash = StudyHash.of(definition);
    }

    /** @throws StudyException naming every problem's key path, value and what is allowed */
    public static Study parse(String yamlText, String sourceName) {
        Study study = new Study(yamlText, sourceName, StudyReader.read(Yaml.read(yamlText, sourceName), sourceName));
        study.checkSomethingRuns();
        return study;
    }

    /**
     * Reads a study file and parses it. Only a regular file is read (a FIFO, a device or a folder is
     * refused without opening it), and at most 1 MiB of it, counted as it is read.
     */
    public static Study load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = BoundedFile.readUtf8(file, Yaml.MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw StudyException.of(name, "", "no such file");
        } catch (InputRefusedException e) {
            throw StudyException.of(name, "", e.reason());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read study " + name + ": " + e.getMessage(), e);
        }
        return parse(text, name);
    }

    public String name() {
        return definition.name();
    }

    public long seed() {
        return definition.seed();
    }

    /** Replicates per grid point; for an adaptive study, its maximum (the index space holds them all). */
    public int replicates() {
        return definition.replicates();
    }

    /** The adaptive replication rule, when {@code replicates} is one. */
    public Optional<ReplicationRule> replicationRule() {
        return definition.replicationRule();
    }

    /** The text the study was parsed from, unchanged. */
    public String text() {
        return text;
    }

    /** Where the text came from (a file name), for messages. */
    public String source() {
        return source;
    }

    /** Hex SHA-256 of the study's canonical form; see {@link StudyHash}. */
    public String hash() {
        return hash;
    }

    /** Where the file sets {@code setting}: e.g. {@code base.dataset}, {@code grid.zip[0].lr}; empty when only its default applies. */
    public String keyPathOf(String setting) {
        return definition.origins().getOrDefault(setting, "");
    }

    public String partitionBy() {
        return definition.partitionBy();
    }

    public List<Double> thresholds() {
        return definition.thresholds();
    }

    /** The endpoints declared in the study's {@code analysis:} block (none: analyze's defaults). */
    public AnalysisSpec analysis() {
        return definition.analysis();
    }

    /** The grid's dimensions in file order; the last varies fastest (then the replicate). */
    public List<Dimension> dimensions() {
        return grid.dimensions();
    }

    /** Grid points x replicates, before exclusions: trial indexes run from 0 to this. */
    public long indexSpace() {
        return grid.points() * replicates();
    }

    /**
     * Trials after exclusions. Walks the grid once (cached) and checks each grid point's settings
     * together, so it throws {@link StudyException} for a point no trial could run with.
     */
    public long trialCount() {
        long n = trialCount;
        if (n < 0) {
            n = 0;
            for (long p = 0; p < grid.points(); p++) {
                Object[] settings = grid.settings(p);
                if (settings != null) {
                    spec(settings, 0, p);
                    n += replicates();
                }
            }
            trialCount = n;
        }
        return n;
    }

    /** The trials in index order, excluded ones skipped, each computed when reached. */
    public Iterator<StudyTrial> trials() {
        return new Iterator<>() {
            private long point = -1;
            private Map<String, Object> settings;
            private int replicate = replicates();

            @Override
            public boolean hasNext() {
                while (replicate >= replicates()) {
                    if (++point >= grid.points()) {
                        return false;
                    }
                    Object[] s = grid.settings(point);
                    if (s != null) {
                        settings = asMap(s);
                        replicate = 0;
                    }
                }
                return true;
            }

            @Override
            public StudyTrial next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int r = replicate++;
                return trial(point, r, build(settings, r, point));
            }
        };
    }

    /** Trial {@code index} in O(dimensions); empty if an exclude entry drops it. */
    public Optional<StudyTrial> trial(long index) {
        if (index < 0 || index >= indexSpace()) {
            throw new IndexOutOfBoundsException("trial " + index + " of a study with index space " + indexSpace());
        }
        long point = index / replicates();
        Object[] settings = grid.settings(point);
        if (settings == null) {
            return Optional.empty();
        }
        int r = (int) (index % replicates());
        return Optional.of(trial(point, r, spec(settings, r, point)));
    }

    private StudyTrial trial(long point, int replicate, TrialSpec spec) {
        Object value = spec.settings().get(partitionBy());
        return new StudyTrial(point * replicates() + replicate, spec, GridReader.label(value));
    }

    private TrialSpec spec(Object[] settings, int replicate, long point) {
        return build(asMap(settings), replicate, point);
    }

    private Map<String, Object> asMap(Object[] settings) {
        Map<String, Object> m = new HashMap<>(2 * settings.length);
        for (int i = 0; i < settings.length; i++) {
            m.put(SettingKeys.KEYS.get(i), settings[i]);
        }
        m.put("seed", seed());
        m.put("thresholds", thresholds());
        return m;
    }

    private TrialSpec build(Map<String, Object> settings, int replicate, long point) {
        settings.put("replicate", (long) replicate);
        try {
            return TrialSpec.of(settings);
        } catch (SpecException e) {
            String path = definition.origins().getOrDefault(e.key(), e.key());
            throw StudyException.of(source, path, definition.lines().getOrDefault(path, 0),
                    "grid point " + point + " (" + grid.describe(point) + "): " + e.getMessage());
        }
    }

    /** Parse-time checks that need the grid: some point survives the exclusions, and it makes a valid trial. */
    private void checkSomethingRuns() {
        for (long p = 0; p < grid.points(); p++) {
            Object[] settings = grid.settings(p);
            if (settings != null) {
                spec(settings, 0, p);
                return;
            }
        }
        throw StudyException.of(source, "exclude", definition.lines().getOrDefault("exclude", 0), "every one of the " + grid.points()
                + " grid points is excluded; nothing would run");
    }

    @Override
    public String toString() {
        return "study " + name() + " (" + source + ", " + hash.substring(0, 12) + ")";
    }
}
