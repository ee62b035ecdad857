package io.gradsweep.driver.sweep;

import java.util.regex.Pattern;

/** Which settings hold secrets, so that their values never reach the manifest, the report or a log. */
public final class SecretSettings {
    /** Broad on purpose: a setting wrongly hidden costs a look at the config; one wrongly shown leaks. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|token|key|credential).*");
    static final String REDACTED = "*********(redacted)";

    private SecretSettings() {
    }

    public static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
    }

    /** The value as it may be shown: itself, or a mark in its place if the key names a secret. */
    static String shown(String key, String value) {
        return isSecret(key) ? REDACTED : value;
    }
}
