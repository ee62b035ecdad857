package io.gradsweep.worker.table;

import io.gradsweep.core.train.TrialSpec;
import io.gradsweep.core.trace.TrialSummary;
import java.util.Objects;

/** One row of the trials table: a trial's provenance (study, spec, code, host) and its summary. */
public final class TrialRow {
    private final String study;
    private final String studyHash;
    private final String trialId;
    private final String trialKey;
    private final long gridIndex;
    private final TrialSpec spec;
    private final TrialSummary summary;
    private final String host;
    private final String codeVersion;

    public TrialRow(String study, String studyHash, String trialKey, long gridIndex, TrialSpec spec,
                    TrialSummary summary, String host, String codeVersion) {
        this.study = Objects.requireNonNull(study, "study");
        this.studyHash = Objects.requireNonNull(studyHash, "studyHash");
        this.trialKey = Objects.requireNonNull(trialKey, "trialKey");
        this.gridIndex = gridIndex;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.trialId = spec.trialId(); // a SHA-256: once per row, not once per column read
        this.summary = Objects.requireNonNull(summary, "summary");
        this.host = Objects.requireNonNull(host, "host");
        this.codeVersion = Objects.requireNonNull(codeVersion, "codeVersion");
    }

    public String study() {
        return study;
    }

    public String studyHash() {
        return studyHash;
    }

    public String trialId() {
        return trialId;
    }

    public String trialKey() {
        return trialKey;
    }

    public long gridIndex() {
        return gridIndex;
    }

    public TrialSpec spec() {
        return spec;
    }

    public TrialSummary summary() {
        return summary;
    }

    public String host() {
        return host;
    }

    public String codeVersion() {
        return codeVersion;
    }
}
