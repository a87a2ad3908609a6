package org.reliefdesk.logic.workflow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A picture is told by its first bytes, not its name. */
class ImageFilesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Test
    void picturesAreToldByTheirFirstBytes() {
        assertTrue(ImageFiles.isImage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertTrue(ImageFiles.isImage(PNG));
        assertTrue(ImageFiles.isImage("GIF89a".getBytes()));
        assertTrue(ImageFiles.isImage("BM6x".getBytes()));
        assertFalse(ImageFiles.isImage("%PDF-1.7".getBytes()));
        assertFalse(ImageFiles.isImage("停水三天".getBytes()));
        assertFalse(ImageFiles.isImage(new byte[0]));
        assertFalse(ImageFiles.isImage(new byte[] {(byte) 0xFF, (byte) 0xD8}), "cut short");
    }
}
