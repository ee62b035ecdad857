package io.gradsweep.worker.study;

import java.util.List;

/**
 * A study file that cannot run: every problem found, each with the key path at fault (e.g.
 * {@code grid.lr[2]}), the bad value and what is allowed. Validation collects all problems before
 * throwing, so one edit-and-retry fixes them all.
 */
public final class StudyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One problem: where ({@code line} 0 when unknown) and what. */
    public record Problem(String keyPath, int line, String message) implements java.io.Serializable {
        @Override
        public String toString() {
            String where = keyPath.isEmpty() ? "" : keyPath + (line > 0 ? " (line " + line + ")" : "") + ": ";
            return where + message;
        }
    }

    private final List<Problem> problems;

    StudyException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    static StudyException of(String source, String keyPath, String message) {
        return of(source, keyPath, 0, message);
    }

    static StudyException of(String source, String keyPath, int line, String message) {
        return new StudyException(source, List.of(new Problem(keyPath, line, message)));
    }

    private static String describe(String source, List<Problem> problems) {
        if (problems.size() == 1) {
            return source + ": " + problems.get(0);
        }
        StringBuilder s = new StringBuilder(source).append(": ").append(problems.size()).append(" problems:");
        for (Problem p : problems) {
            s.append("\n  ").append(p);
        }
        return s.toString();
    }

    /** The key path of the first problem, e.g. {@code when[0].set.init}; empty for a YAML syntax error. */
    public String keyPath() {
        return problems.get(0).keyPath();
    }

    /** Every problem, in file order as far as validation knows it. */
    public List<Problem> problems() {
        return problems;
    }
}
