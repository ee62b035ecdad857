package io.gradsweep.core.data;

/** A data file that cannot be used as it is; the message names the file and the place at fault. */
public class DataFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }
}
