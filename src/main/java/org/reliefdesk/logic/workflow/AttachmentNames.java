package org.reliefdesk.logic.workflow;

import java.util.regex.Pattern;

/**
 * The name an attachment is stored under: the SHA-256 of its bytes in lower-case hex, and an
 * extension of up to five lower-case letters or digits. A name is data, never a path: anything
 * else (a slash, dots, a drive letter) is refused wherever a form is taken, and a PC resolves a
 * stored name only inside its attachments folder.
 */
public final class AttachmentNames {

    private static final Pattern STORED = Pattern.compile("[0-9a-f]{64}(\\.[a-z0-9]{1,5})?");

    private AttachmentNames() {}

    public static boolean valid(String name) {
        return name != null && STORED.matcher(name).matches();
    }

    /** The SHA-256 part of a valid name. */
    public static String sha(String name) {
        return name.substring(0, 64);
    }
}
