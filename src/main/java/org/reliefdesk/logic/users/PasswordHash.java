package org.reliefdesk.logic.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes, on the central store and (for signing in offline) on the PC: PBKDF2-HMAC-SHA256 with a random 16-byte salt per user, stored with their
 * iteration count ({@code pbkdf2-sha256$iterations$salt$hash}) so the count can be raised later
 * without breaking stored passwords.
 */
public final class PasswordHash {

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); a stored hash with fewer is replaced at the next good sign-in. */
    public static final int ITERATIONS = 600_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A hash of nothing anyone types: an unknown name is checked against it, so it costs what a
     * known one costs. Made when first needed (a class of its own): a PC never checks an unknown
     * name, and a central store's first sign-in should not pay for it.
     */
    private static final class Decoy {
        static final String HASH = hash("decoy-\u0000-not-a-password".toCharArray());
    }

    private PasswordHash() {}

    public static String hash(char[] password) {
        return hashWith(password, ITERATIONS);
    }

    /** A hash with another iteration count (a stored hash of an older release, in tests). */
    public static String hashWith(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, iterations));
    }

    /**
     * Checks a password against a stored hash, or (stored null: an unknown or disabled name)
     * against the decoy, so every answer costs one full derivation and takes the same time.
     */
    public static boolean matches(char[] password, String stored) {
        if (stored == null) {
            matchesStored(password, Decoy.HASH);
            return false;
        }
        return matchesStored(password, stored);
    }

    /** Whether a stored hash was made with fewer iterations than today's. */
    public static boolean needsRehash(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length != 4 || Integer.parseInt(parts[1]) < ITERATIONS;
    }

    private static boolean matchesStored(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(spec)
                        .getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
