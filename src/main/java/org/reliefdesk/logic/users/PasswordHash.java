package org.reliefdesk.logic.users;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.reliefdesk.logic.Sha256;

/**
 * Password hashes, on the central store and (for signing in offline) on the PC. A password's
 * <em>key</em> is PBKDF2-HMAC-SHA256 of it with a random 16-byte salt per user; what is stored is
 * the SHA-256 of that key, with the salt and the iteration count
 * ({@code pbkdf2-sha256-key$iterations$salt$sha256(key)}), so the count can be raised later.
 *
 * <p>The PC derives the key (the slow part, on its own CPU) and sends it instead of the password;
 * the central store only hashes it once. A stored value is not a key: whoever reads the database
 * still pays one derivation per guess per user. Hashes of older releases
 * ({@code pbkdf2-sha256$iterations$salt$key}, the key itself) are still read on a PC; the central
 * store converted its own when it was migrated.
 */
public final class PasswordHash {

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); a stored hash with fewer is replaced at the next good sign-in. */
    public static final int ITERATIONS = 600_000;

    /** The length of a salt and of a key, in bytes. */
    public static final int SALT_BYTES = 16;

    public static final int KEY_BYTES = Pbkdf2Sha256.KEY_BYTES;

    /**
     * The counts a PC accepts from a central store. Below the floor a listener between the two
     * could learn the password from the key cheaply; above the ceiling the PC would compute for
     * minutes. Hashes of earlier releases used 210,000.
     */
    public static final int MIN_ITERATIONS = 100_000;

    public static final int MAX_ITERATIONS = 10_000_000;

    private static final String FORMAT = "pbkdf2-sha256-key";
    private static final String OLD_FORMAT = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How to derive a user's key: the salt and the count the stored hash was made with. */
    public record Recipe(byte[] salt, int iterations) {

        /** A fresh recipe at today's count, for a new password. */
        public static Recipe fresh() {
            byte[] salt = new byte[SALT_BYTES];
            RANDOM.nextBytes(salt);
            return new Recipe(salt, ITERATIONS);
        }

        public String saltText() {
            return b64(salt);
        }

        /** Whether a PC may derive a key this way: a salt of 8 to 64 bytes, a count within the bounds. */
        public boolean sound() {
            return salt != null
                    && salt.length >= 8
                    && salt.length <= 64
                    && iterations >= MIN_ITERATIONS
                    && iterations <= MAX_ITERATIONS;
        }

        /** Whether a key made this way should be replaced by one at today's count. */
        public boolean outdated() {
            return iterations < ITERATIONS;
        }
    }

    private PasswordHash() {}

    /** A new stored hash of a password (administrators setting one; tests). */
    public static String hash(char[] password) {
        return hashWith(password, ITERATIONS);
    }

    /** A hash with another iteration count (a stored hash of an older release, in tests). */
    public static String hashWith(char[] password, int iterations) {
        Recipe recipe = new Recipe(Recipe.fresh().salt(), iterations);
        return ofKey(recipe, key(password, recipe));
    }

    /** The key of a password: the slow derivation, done by whoever knows the password. */
    public static byte[] key(char[] password, Recipe recipe) {
        return Pbkdf2Sha256.derive(password, recipe.salt(), recipe.iterations());
    }

    /** What is stored for a key made with {@code recipe}. */
    public static String ofKey(Recipe recipe, byte[] key) {
        return FORMAT + "$" + recipe.iterations() + "$" + recipe.saltText() + "$" + b64(sha256(key));
    }

    /**
     * A stored hash of an older release ({@code pbkdf2-sha256$…$key}) in today's form, without the
     * password: the SHA-256 of its key. Null for anything else.
     */
    public static String upgradedFormat(String stored) {
        Stored old = Stored.parse(stored);
        return old == null || old.current() ? null : ofKey(old.recipe(), old.value());
    }

    /** How the key of a stored hash is derived; null for a value that is no hash of ours. */
    public static Recipe recipeOf(String stored) {
        Stored parsed = Stored.parse(stored);
        return parsed == null ? null : parsed.recipe();
    }

    /** Whether a key (as a PC sends it) is the one a stored hash of today's form was made from. */
    public static boolean matchesKey(byte[] key, String stored) {
        Stored parsed = Stored.parse(stored);
        return parsed != null
                && parsed.current()
                && key != null
                && key.length == KEY_BYTES
                && MessageDigest.isEqual(parsed.value(), sha256(key));
    }

    /**
     * Checks a typed password against a stored hash (either form). A null stored hash (an unknown
     * name) is false at once: only the PC checks passwords, and only against its own hashes.
     */
    public static boolean matches(char[] password, String stored) {
        Stored parsed = Stored.parse(stored);
        if (parsed == null) {
            return false;
        }
        byte[] key = key(password, parsed.recipe());
        return MessageDigest.isEqual(parsed.value(), parsed.current() ? sha256(key) : key);
    }

    /** Whether a stored hash was made with fewer iterations than today's, or in an older form. */
    public static boolean needsRehash(String stored) {
        Stored parsed = Stored.parse(stored);
        return parsed == null || parsed.recipe().outdated() || !parsed.current();
    }

    /** A stored hash read: its recipe, and the SHA-256 of the key (today's form) or the key (older). */
    private record Stored(boolean current, Recipe recipe, byte[] value) {

        /** Null for a value that is no hash of ours (or is damaged). */
        static Stored parse(String stored) {
            String[] parts = stored == null ? new String[0] : stored.split("\\$");
            if (parts.length != 4 || !(FORMAT.equals(parts[0]) || OLD_FORMAT.equals(parts[0]))) {
                return null;
            }
            try {
                Base64.Decoder b64 = Base64.getDecoder();
                return new Stored(
                        FORMAT.equals(parts[0]),
                        new Recipe(b64.decode(parts[2]), Integer.parseInt(parts[1])),
                        b64.decode(parts[3]));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    public static String b64(byte[] b) {
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] sha256(byte[] b) {
        return Sha256.digest().digest(b);
    }
}
