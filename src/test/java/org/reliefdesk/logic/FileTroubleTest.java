package org.reliefdesk.logic;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file's trouble read off what the file system threw: the real thing where this machine can make
 * it (a folder where a file was meant, a folder that is not there), and the JDK's own exceptions
 * with the reasons Linux, an English Windows and a Chinese Windows give where it cannot (the tests
 * run as root, which no permission stops).
 */
class FileTroubleTest {

    @TempDir
    Path dir;

    @Test
    void savingOverAFolderIsAFolder() throws IOException {
        Path folder = dir.resolve("报表.xlsx");
        Files.createDirectories(folder.resolve("inside"));
        Path part = Files.writeString(dir.resolve("part"), "x");
        IOException moved =
                assertThrows(IOException.class, () -> Files.move(part, folder, StandardCopyOption.REPLACE_EXISTING));
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.IS_FOLDER, folder.toString())), FileTrouble.of(moved));
        IOException written = assertThrows(IOException.class, () -> Files.writeString(folder, "x"));
        assertEquals(
                FileTrouble.Kind.IS_FOLDER,
                FileTrouble.of(written).orElseThrow().kind());
    }

    @Test
    void aFolderThatIsNotThereIsMissingWithItsPath() {
        Path gone = dir.resolve("U盘").resolve("汇总.pdf");
        IOException nio = assertThrows(IOException.class, () -> Files.writeString(gone, "x"));
        assertEquals(Optional.of(new FileTrouble(FileTrouble.Kind.MISSING, gone.toString())), FileTrouble.of(nio));
        FileNotFoundException stream =
                assertThrows(FileNotFoundException.class, () -> new FileOutputStream(gone.toFile()));
        assertEquals(Optional.of(new FileTrouble(FileTrouble.Kind.MISSING, gone.toString())), FileTrouble.of(stream));
    }

    @Test
    void aFileWhereAFolderShouldBeIsMissing() throws IOException {
        Path file = Files.writeString(dir.resolve("backups"), "not a folder");
        IOException e = assertThrows(IOException.class, () -> Files.writeString(file.resolve("a.zip"), "x"));
        assertEquals(FileTrouble.Kind.MISSING, FileTrouble.of(e).orElseThrow().kind());
    }

    @Test
    void aFileWhereAFolderIsToBeMadeIsNotAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("备份"), "a file");
        IOException e = assertThrows(IOException.class, () -> Files.createDirectories(file));
        assertEquals(Optional.of(new FileTrouble(FileTrouble.Kind.NOT_A_FOLDER, file.toString())), FileTrouble.of(e));
    }

    /**
     * A trouble the system named on a part file beside the chosen one, or in the chosen folder, is
     * the chosen file's; another file's (a file where a folder above it should be) keeps its name.
     */
    @Test
    void aPartFilesTroubleIsTheChosenFilesAndNoOtherIs() throws IOException {
        Path chosen = dir.resolve("超期.xlsx");
        IOException part = FileTroubleException.of(
                chosen,
                new AccessDeniedException(dir.resolve(".reliefdesk-1.part").toString()));
        assertEquals(
                new FileTrouble(FileTrouble.Kind.DENIED, chosen.toString()), ((FileTroubleException) part).trouble());
        IOException inside = FileTroubleException.of(
                dir, new AccessDeniedException(dir.resolve("db-1.zip").toString()));
        assertEquals(
                new FileTrouble(FileTrouble.Kind.DENIED, dir.toString()), ((FileTroubleException) inside).trouble());
        Path above = Files.writeString(dir.resolve("报表"), "a file");
        IOException e = assertThrows(IOException.class, () -> Files.createDirectories(above.resolve("2026")));
        IOException kept = FileTroubleException.of(above.resolve("2026").resolve("超期.xlsx"), e);
        assertSame(e, kept);
        // Linux says "Not a directory" of the folder asked for: it is not there (a file has its parent's name)
        assertEquals(
                Optional.of(new FileTrouble(
                        FileTrouble.Kind.MISSING, above.resolve("2026").toString())),
                FileTrouble.of(kept));
        IOException notFiles = new IOException("a zip entry too large");
        assertSame(notFiles, FileTroubleException.of(chosen, notFiles));
    }

    @Test
    void whatTheSystemsSayAsTheJdkPassesItOn() {
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.DENIED, "/srv/报表")),
                FileTrouble.of(new UncheckedIOException(new AccessDeniedException("/srv/报表"))));
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.READ_ONLY, "/media/cd/a.pdf")),
                FileTrouble.of(new FileSystemException("/media/cd/a.pdf", null, "Read-only file system")));
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.IN_USE, "C:\\报表\\超期.xlsx")),
                FileTrouble.of(new FileSystemException(
                        "C:\\报表\\超期.xlsx",
                        null,
                        "The process cannot access the file because it is being used by another process")));
        // FileOutputStream on a Chinese Windows: "<path> (<the system's reason in Chinese>)"
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.IN_USE, "D:\\超期 (2).xlsx")),
                FileTrouble.of(new FileNotFoundException("D:\\超期 (2).xlsx (另一个程序正在使用此文件，进程无法访问。)")));
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.DENIED, "C:\\Windows\\a.pdf")),
                FileTrouble.of(new FileNotFoundException("C:\\Windows\\a.pdf (拒绝访问。)")));
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.DENIED, "/sys/bk")),
                FileTrouble.of(new FileSystemException("/sys/bk", null, "Operation not permitted")));
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.DISK_FULL, null)),
                FileTrouble.of(new RuntimeException(new IOException("No space left on device"))));
        assertEquals(
                Optional.of(new FileTrouble(FileTrouble.Kind.DISK_FULL, "E:\\a.xlsx")),
                FileTrouble.of(new FileSystemException("E:\\a.xlsx", null, "磁盘空间不足。")));
    }

    @Test
    void theDiskFullAnywhereInTheChain() {
        assertTrue(FileTrouble.diskFull(new SQLException("IO Exception", new IOException("No space left on device"))));
        assertTrue(!FileTrouble.diskFull(new SQLException("Syntax error")));
    }

    @Test
    void anythingElseIsNoFilesTrouble() {
        assertEquals(Optional.empty(), FileTrouble.of(new SQLException("Syntax error in SQL statement")));
        assertEquals(Optional.empty(), FileTrouble.of(new FileSystemException("/a", null, "Input/output error")));
        assertEquals(Optional.empty(), FileTrouble.of(new FileNotFoundException("no reason given")));
        assertEquals(Optional.empty(), FileTrouble.of(null));
    }
}
