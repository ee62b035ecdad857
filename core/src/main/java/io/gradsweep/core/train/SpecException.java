package io.gradsweep.core.train;

/** A trial setting with a bad key or value; names the key, the value and what is allowed. */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public SpecException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The setting at fault, e.g. {@code lr}. */
    public String key() {
        return key;
    }

    /** Why the value was refused, without the key. */
    public String reason() {
        return getMessage().substring(key.length() + 2);
    }
}
