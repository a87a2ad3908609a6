package org.reliefdesk.logic.users;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.reliefdesk.model.InvalidFieldException;

/**
 * What a new password must be (NIST SP 800-63B's rules, not composition rules): at least
 * {@value #MIN_LENGTH} characters, not the sign-in name, and not one of the passwords most
 * often found in leaked lists (shipped as {@code common-passwords.txt}).
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = load();

    private PasswordRules() {}

    /** @throws InvalidFieldException on the field {@code password}, naming the rule */
    public static void check(char[] password, String username) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new InvalidFieldException("password", "rule.user.passwordLength", MIN_LENGTH);
        }
        String p = new String(password).toLowerCase(Locale.ROOT);
        if (username != null && p.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException("password", "rule.user.passwordName");
        }
        if (COMMON.contains(p)) {
            throw new InvalidFieldException("password", "rule.user.passwordCommon");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordRules.class.getResourceAsStream("/org/reliefdesk/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
