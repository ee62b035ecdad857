package io.gradsweep.core.data;

import java.util.List;

/** Maps a generator's name and spec parameters to a call of the generator class. */
final class Generators {
    /** Sorted, for error messages. */
    static final List<String> NAMES = List.of("blobs", "circles", "parity", "spirals", "teacher_student", "xor");

    private static final int MAX_N = 10_000_000;
    private static final String NOISE_TEXT = "a number >= 0";

    private Generators() {
    }

    static boolean isGenerator(String name) {
        return NAMES.contains(name);
    }

    static Dataset generate(String name, Params p, long seed) {
        return switch (name) {
            case "spirals" -> Spirals.generate(seed,
                    p.integer("n", Spirals.DEFAULT_N, 2, MAX_N),
                    noise(p, Spirals.DEFAULT_NOISE),
                    p.number("turns", Spirals.DEFAULT_TURNS, v -> v > 0 && v <= 100, "a number > 0 and <= 100"));
            case "circles" -> Circles.generate(seed,
                    p.integer("n", Circles.DEFAULT_N, 2, MAX_N),
                    noise(p, Circles.DEFAULT_NOISE),
                    p.number("factor", Circles.DEFAULT_FACTOR, v -> v > 0 && v < 1, "a number strictly between 0 and 1"));
            case "xor", "parity" -> Parity.generate(seed,
                    p.integer("bits", name.equals("xor") ? Parity.DEFAULT_XOR_BITS : Parity.DEFAULT_PARITY_BITS,
                            1, Parity.MAX_BITS),
                    p.integer("n", Parity.DEFAULT_N, 2, MAX_N),
                    noise(p, Parity.DEFAULT_NOISE),
                    p.choice("values", "pm1", "pm1", "01").equals("pm1"));
            case "blobs" -> Blobs.generate(seed,
                    p.integer("classes", Blobs.DEFAULT_CLASSES, 2, 1000),
                    p.integer("features", Blobs.DEFAULT_FEATURES, 1, 100_000),
                    p.integer("n", Blobs.DEFAULT_N, 2, MAX_N),
                    p.number("spread", Blobs.DEFAULT_SPREAD, v -> v >= 0, NOISE_TEXT));
            case "teacher_student" -> teacherStudent(p, seed);
            default -> throw new IllegalArgumentException("not a generator: " + name);
        };
    }

    private static Dataset teacherStudent(Params p, long seed) {
        int inputs = p.integer("inputs", TeacherStudent.DEFAULT_INPUTS, 1, 100_000);
        int width = p.integer("width", TeacherStudent.DEFAULT_WIDTH, 1, 100_000);
        int depth = p.integer("depth", TeacherStudent.DEFAULT_DEPTH, 0, 100);
        int n = p.integer("n", TeacherStudent.DEFAULT_N, 2, MAX_N);
        String task = p.choice("task", "regression", "regression", "classification");
        int outputs = p.integer("outputs", TeacherStudent.DEFAULT_OUTPUTS, 1, 10_000);
        int classes = p.integer("classes", TeacherStudent.DEFAULT_CLASSES, 2, 10_000);
        double noise = noise(p, TeacherStudent.DEFAULT_NOISE);
        if (task.equals("regression")) {
            if (p.has("classes")) {
                throw new IllegalArgumentException("teacher_student: parameter classes applies to task=classification"
                        + " only; for regression use outputs");
            }
            return TeacherStudent.regression(seed, inputs, width, depth, outputs, n, noise);
        }
        if (p.has("outputs") || p.has("noise")) {
            throw new IllegalArgumentException("teacher_student: parameters outputs and noise apply to"
                    + " task=regression only; for classification use classes");
        }
        return TeacherStudent.classification(seed, inputs, width, depth, classes, n);
    }

    private static double noise(Params p, double def) {
        return p.number("noise", def, v -> v >= 0, NOISE_TEXT);
    }
}
