package org.reliefdesk.gui.session;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No program to show an attachment with: the person is told where the file is kept (was "Cannot run program"). */
class NoViewerTest {

    @Test
    void theFolderTheAttachmentIsKeptInIsNamed() {
        NoViewerException e = new NoViewerException(
                Path.of("/home/clerk/.local/share/reliefdesk/attachments/3f/3f2b.jpg"),
                new IOException("Cannot run program \"xdg-open\": error=2, No such file or directory"));
        assertEquals(
                "无法打开附件 3f2b.jpg：这台电脑上没有找到打开它的程序。附件保存在文件夹 "
                        + "/home/clerk/.local/share/reliefdesk/attachments/3f 中，可以在文件管理器里打开。",
                new Texts(Texts.CHINESE)
                        .msg(
                                "attachment.openFailed",
                                "3f2b.jpg",
                                FailureWords.of(
                                        new Texts(Texts.CHINESE),
                                        LoggerFactory.getLogger(NoViewerTest.class),
                                        "Open",
                                        e)));
    }
}
