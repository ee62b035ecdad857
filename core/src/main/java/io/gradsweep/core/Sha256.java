package io.gradsweep.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a text as lower-case hex: the identities of trials, tasks and studies. */
public final class Sha256 {
    private Sha256() {
    }

    /** The first {@code bytes} bytes (up to 32) of SHA-256 over the UTF-8 text, as 2 x bytes hex digits. */
    public static String hex(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(2 * bytes);
            for (int i = 0; i < bytes; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 15, 16)).append(Character.forDigit(digest[i] & 15, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
