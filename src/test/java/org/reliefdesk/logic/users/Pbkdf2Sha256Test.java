package org.reliefdesk.logic.users;

import java.util.HexFormat;
import java.util.Random;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's PBKDF2 gives the JDK's bytes: a key of an earlier release still signs in. */
class Pbkdf2Sha256Test {

    private static final String LETTERS = "abcXYZ019-_ 王𠮷䶮龘é€😀";

    @Test
    void rfc7914sVectorsFirstBlock() {
        // RFC 7914 §11, PBKDF2-HMAC-SHA-256: the first 32 of its 64 bytes
        assertThat(hex(Pbkdf2Sha256.derive("passwd".toCharArray(), "salt".getBytes(), 1)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        assertThat(hex(Pbkdf2Sha256.derive("Password".toCharArray(), "NaCl".getBytes(), 80_000)))
                .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
    }

    @Test
    void theSameBytesAsTheJdkForPasswordsSaltsAndCountsOfEveryShape() throws Exception {
        Random random = new Random(20261203);
        // passwords of 0 to 80 characters (over 64 UTF-8 bytes the password is hashed first),
        // salts of 0 to 120 bytes (one and two blocks), counts 1 to 3 and a thousand
        for (int n = 0; n < 200; n++) {
            char[] password = password(random, n % 81);
            byte[] salt = new byte[random.nextInt(121)];
            random.nextBytes(salt);
            int iterations = n % 4 == 3 ? 1000 : 1 + n % 3;
            assertThat(hex(Pbkdf2Sha256.derive(password, salt, iterations)))
                    .as("password of %d chars, salt of %d bytes, %d rounds", password.length, salt.length, iterations)
                    .isEqualTo(hex(jdk(password, salt, iterations)));
        }
    }

    @Test
    void theSameBytesAsTheJdkAtTodaysCount() throws Exception {
        char[] password = "Qiang-pass-2026x".toCharArray();
        PasswordHash.Recipe recipe = PasswordHash.Recipe.fresh();
        assertThat(recipe.iterations()).isEqualTo(600_000);
        assertThat(hex(PasswordHash.key(password, recipe)))
                .isEqualTo(hex(jdk(password, recipe.salt(), recipe.iterations())));
    }

    @Test
    void aCountBelowOneIsRefused() {
        assertThatThrownBy(() -> Pbkdf2Sha256.derive("x".toCharArray(), new byte[16], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
    }

    private static char[] password(Random random, int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.appendCodePoint(LETTERS.codePointAt(
                    LETTERS.offsetByCodePoints(0, random.nextInt(LETTERS.codePointCount(0, LETTERS.length())))));
        }
        return b.toString().toCharArray();
    }

    private static byte[] jdk(char[] password, byte[] salt, int iterations) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, iterations, 256))
                .getEncoded();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
