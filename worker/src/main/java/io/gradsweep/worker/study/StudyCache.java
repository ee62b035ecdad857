package io.gradsweep.worker.study;

/**
 * The parsed study of an executor JVM, keyed by its text: every task of a run carries the same
 * text (a broadcast), and parsing it once per JVM instead of once per task keeps tasks cheap.
 * One entry: a JVM serves one study at a time.
 */
public final class StudyCache {
    private static Study cached;

    private StudyCache() {
    }

    public static synchronized Study get(String text) {
        if (cached == null || !cached.text().equals(text)) {
            cached = Study.parse(text, "the broadcast study");
        }
        return cached;
    }
}
