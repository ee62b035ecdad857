package io.gradsweep.driver.sweep;

import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.Manifest;
import java.io.IOException;

/** What status reports of an output folder: the committed files, checked, read without Spark (footers and two columns). */
public final class StudyStatus {
    private StudyStatus() {
    }

    public static CommittedTables tables(OutputFolder folder, Manifest manifest) throws IOException {
        return folder.tables(manifest.studyHash());
    }
}
