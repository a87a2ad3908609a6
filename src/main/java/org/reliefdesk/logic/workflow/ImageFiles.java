package org.reliefdesk.logic.workflow;

/**
 * Whether a file is a picture the workbench can show, by its first bytes (a name ending in .jpg
 * says nothing): JPEG, PNG, GIF or BMP. A 现场照片 field takes nothing else.
 */
public final class ImageFiles {

    /** How many first bytes {@link #isImage} looks at. */
    public static final int HEAD = 8;

    private ImageFiles() {}

    public static boolean isImage(byte[] head) {
        return starts(head, 0xFF, 0xD8, 0xFF) // JPEG
                || starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                || starts(head, 'G', 'I', 'F', '8')
                || starts(head, 'B', 'M');
    }

    private static boolean starts(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
