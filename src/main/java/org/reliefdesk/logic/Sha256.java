package org.reliefdesk.logic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the one way the project names content: attachments, operation
 * contents, token hashes, the shipped reference data's versions.
 */
public final class Sha256 {

    private Sha256() {}

    /** A fresh digest, for content read in pieces. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hex(MessageDigest finished) {
        return HexFormat.of().formatHex(finished.digest());
    }

    /** Of the parts one after the other. */
    public static String hex(byte[]... parts) {
        MessageDigest d = digest();
        for (byte[] p : parts) {
            d.update(p);
        }
        return hex(d);
    }

    /** Of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
