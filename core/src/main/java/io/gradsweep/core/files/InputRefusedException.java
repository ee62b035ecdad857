package io.gradsweep.core.files;

import java.nio.file.Path;

/** An input file refused before or while reading it: not a regular file, or larger than its limit. */
public class InputRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public InputRefusedException(String file, String reason) {
        super(file + ": " + reason);
        this.reason = reason;
    }

    InputRefusedException(Path file, String reason) {
        this(file.toString(), reason);
    }

    /** Why, without the file's name: for messages that name the file their own way. */
    public String reason() {
        return reason;
    }
}
