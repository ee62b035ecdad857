package io.gradsweep.worker.task;

import io.gradsweep.worker.study.Study;
import java.util.Optional;

/** A study as the source of a task's trials. */
public final class StudyTrialSource implements TrialSource {
    private final Study study;

    public StudyTrialSource(Study study) {
        this.study = study;
    }

    @Override
    public String studyName() {
        return study.name();
    }

    @Override
    public String studyHash() {
        return study.hash();
    }

    @Override
    public String partitionBy() {
        return study.partitionBy();
    }

    @Override
    public Optional<PlannedTrial> trial(long index) {
        return study.trial(index).map(t -> new PlannedTrial(t.index(), t.replicate(), t.spec(), t.key(),
                t.partitionValue()));
    }
}
