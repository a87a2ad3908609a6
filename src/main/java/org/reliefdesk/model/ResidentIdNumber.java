package org.reliefdesk.model;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Mainland resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit area code, 8-digit
 * birth date, 3-digit sequence (odd for men), and a check digit over the first 17
 * (ISO 7064 MOD 11-2, where 10 is written X).
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Oldest birth year we accept; older numbers are almost certainly typing errors. */
    private static final int EARLIEST_BIRTH_YEAR = 1890;

    private ResidentIdNumber() {}

    /** Computes the check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    /**
     * Validates {@code value} for the form field {@code field}, with {@code today} as the
     * latest plausible birth date. Returns the normalized number (upper-case X).
     *
     * @throws InvalidFieldException naming the field and the broken rule
     */
    public static String validate(String field, String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "rule.required");
        }
        String id = value.strip().toUpperCase();
        if (id.length() != 18) {
            throw new InvalidFieldException(field, "rule.idNumber.length", id.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                throw new InvalidFieldException(field, "rule.idNumber.characters");
            }
        }
        char last = id.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new InvalidFieldException(field, "rule.idNumber.characters");
        }
        LocalDate birth = birthDateOrNull(id);
        if (birth == null || birth.getYear() < EARLIEST_BIRTH_YEAR || birth.isAfter(today)) {
            throw new InvalidFieldException(field, "rule.idNumber.birthDate", id.substring(6, 14));
        }
        char expected = checkChar(id);
        if (expected != last) {
            throw new InvalidFieldException(field, "rule.idNumber.checkDigit", String.valueOf(last));
        }
        return id;
    }

    /** Birth date encoded in a well-formed number, or null if it is no real date. */
    public static LocalDate birthDateOrNull(String id) {
        try {
            return LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** First 6 and last 2 characters kept, the rest starred: 530102**********1X. */
    public static String mask(String id) {
        if (id == null || id.length() < 8) {
            return id;
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 8) + id.substring(id.length() - 2);
    }
}
