package org.reliefdesk.logic;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A file or folder the person can do something about: no permission, not there, open in another
 * program, on a disk that is full or read-only, a folder where a file was meant. Read off the
 * failure's causes as a code, so the workbench and the commands say it in words instead of the
 * operating system's English (or its Chinese, on a Chinese Windows: both are recognised).
 */
public record FileTrouble(Kind kind, String file) implements Worded {

    /**
     * What is wrong with the file; each has a text {@code file.<kind>} taking the file's name, and
     * {@code file.<kind>Here} for a message that has named the file already.
     */
    public enum Kind {
        DENIED("file.denied"),
        MISSING("file.missing"),
        IN_USE("file.inUse"),
        READ_ONLY("file.readOnly"),
        DISK_FULL("file.diskFull"),
        IS_FOLDER("file.isFolder"),
        NOT_A_FOLDER("file.notFolder");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    // The reasons the JDK passes on from the system: Linux, English Windows, Chinese Windows.
    private static final List<String> DENIED_REASONS =
            List.of("Permission denied", "Operation not permitted", "Access is denied", "拒绝访问");
    private static final List<String> MISSING_REASONS = List.of(
            "No such file or directory",
            "Not a directory",
            "cannot find the path",
            "cannot find the file",
            "找不到指定的路径",
            "找不到指定的文件");
    private static final List<String> IN_USE_REASONS =
            List.of("being used by another process", "another process has locked", "另一个程序正在使用", "另一个进程");
    private static final List<String> READ_ONLY_REASONS = List.of("Read-only file system", "write-protected", "写保护");
    private static final List<String> DISK_FULL_REASONS =
            List.of("No space left on device", "not enough space on the disk", "Disk quota exceeded", "磁盘空间不足");
    private static final List<String> FOLDER_REASONS = List.of("Is a directory", "Directory not empty");

    /** The trouble behind {@code e}, outermost cause first; empty when it is not one of these. */
    public static Optional<FileTrouble> of(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            Optional<FileTrouble> found = one(t);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether the disk is full anywhere in {@code e}'s causes (H2 and logback pass the system's words on). */
    public static boolean diskFull(Throwable e) {
        return Causes.of(e).stream().anyMatch(t -> said(t.getMessage(), DISK_FULL_REASONS));
    }

    private static Optional<FileTrouble> one(Throwable t) {
        if (t instanceof AccessDeniedException d) {
            return Optional.of(new FileTrouble(Kind.DENIED, d.getFile()));
        }
        if (t instanceof NoSuchFileException | t instanceof NotDirectoryException) {
            return Optional.of(new FileTrouble(Kind.MISSING, ((FileSystemException) t).getFile()));
        }
        if (t instanceof DirectoryNotEmptyException d) {
            return Optional.of(new FileTrouble(Kind.IS_FOLDER, d.getFile()));
        }
        if (t instanceof FileAlreadyExistsException d) {
            // what this program makes with a name that may be taken is a folder (createDirectories);
            // its own files are made under names of their own (createTempFile) or replace the old one
            return Optional.of(new FileTrouble(Kind.NOT_A_FOLDER, d.getFile()));
        }
        if (t instanceof FileSystemException f) {
            return byReason(f.getReason(), f.getFile());
        }
        if (t instanceof FileNotFoundException f && f.getMessage() != null) {
            // FileOutputStream's form: "<path> (<the system's reason>)"
            String m = f.getMessage();
            int open = m.lastIndexOf(" (");
            return open < 0 ? Optional.empty() : byReason(m.substring(open + 2), m.substring(0, open));
        }
        if (t instanceof IOException && said(t.getMessage(), DISK_FULL_REASONS)) {
            return Optional.of(new FileTrouble(Kind.DISK_FULL, null));
        }
        return Optional.empty();
    }

    private static Optional<FileTrouble> byReason(String reason, String file) {
        Kind kind = said(reason, DENIED_REASONS)
                ? Kind.DENIED
                : said(reason, MISSING_REASONS)
                        ? Kind.MISSING
                        : said(reason, IN_USE_REASONS)
                                ? Kind.IN_USE
                                : said(reason, READ_ONLY_REASONS)
                                        ? Kind.READ_ONLY
                                        : said(reason, DISK_FULL_REASONS)
                                                ? Kind.DISK_FULL
                                                : said(reason, FOLDER_REASONS) ? Kind.IS_FOLDER : null;
        return Optional.ofNullable(kind).map(k -> new FileTrouble(k, file));
    }

    private static boolean said(String reason, List<String> words) {
        if (reason == null) {
            return false;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(w -> r.contains(w.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String messageKey() {
        return kind.key;
    }

    /** Whether this is the trouble of {@code file} itself, which a message may have named already. */
    public boolean isAbout(Path file) {
        return this.file != null && file != null && this.file.equals(file.toString());
    }

    /** The text's key for a message that has named the file already ("Cannot save X: it is open in …"). */
    public String messageKeyHere() {
        return kind.key + "Here";
    }

    @Override
    public Object[] messageArgs() {
        return new Object[] {file == null ? "" : file};
    }
}
