package org.reliefdesk.model;

import java.util.regex.Pattern;

/** Phone numbers residents give: an 11-digit mainland mobile, or a landline with area code. */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private PhoneNumber() {}

    public static String validate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "rule.required");
        }
        String phone = value.strip();
        if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
            throw new InvalidFieldException(field, "rule.phone.format");
        }
        return phone;
    }
}
