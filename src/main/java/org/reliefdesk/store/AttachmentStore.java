package org.reliefdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FieldType;
import org.reliefdesk.logic.workflow.AttachmentNames;
import org.reliefdesk.logic.workflow.ImageFiles;
import org.reliefdesk.model.InvalidFieldException;

/**
 * Photos and documents attached to forms, copied into {@code <data dir>/attachments} and named
 * by their SHA-256 (the same file attached twice is stored once). Works with no network.
 */
public final class AttachmentStore {

    private final Path dir;

    public AttachmentStore(Path dataDir) {
        this.dir = dataDir.resolve("attachments");
    }

    /** Copies a file in (if not there yet) and returns its stored name, e.g. {@code 3f…9a.jpg}. */
    public String put(Path file) {
        try {
            Files.createDirectories(dir);
            MessageDigest sha = Sha256.digest();
            Path tmp = Files.createTempFile(dir, "incoming", ".part");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String name = Sha256.hex(sha) + extension(file);
            Path target = dir.resolve(name);
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment " + file, e);
        }
    }

    /**
     * Where a stored attachment lives. The name comes from a form, which may have come from
     * another PC: only a valid stored name is taken, and the path must stay inside the folder.
     *
     * @throws IllegalArgumentException for any other name; nothing is read or written
     */
    public Path path(String storedName) {
        if (!AttachmentNames.valid(storedName)) {
            throw new IllegalArgumentException("not a stored attachment name: " + storedName.length() + " characters");
        }
        Path p = dir.resolve(storedName).normalize();
        if (!p.getParent().equals(dir.normalize())) {
            throw new IllegalArgumentException("attachment path outside the attachments folder");
        }
        return p;
    }

    /** Replaces chosen file paths in a form's attachment fields (rows included) by stored names. */
    public Map<String, Object> storeAll(List<FieldDef> fields, Map<String, Object> values) {
        refuseNonImages(fields, values); // before anything is copied in
        Map<String, Object> out = new LinkedHashMap<>(values);
        for (FieldDef f : fields) {
            Object v = values.get(f.code());
            if (f.type() == FieldType.ATTACHMENT && v instanceof List<?> files) {
                out.put(
                        f.code(),
                        files.stream()
                                .map(p -> {
                                    Path path = Path.of(String.valueOf(p));
                                    return (Object) (Files.isRegularFile(path) ? put(path) : String.valueOf(p));
                                })
                                .toList());
            } else if (f.type() == FieldType.ROWS && v instanceof List<?> rows) {
                out.put(
                        f.code(),
                        rows.stream()
                                .map(r -> {
                                    @SuppressWarnings("unchecked")
                                    Map<String, Object> row = (Map<String, Object>) r;
                                    return (Object) storeAll(f.fields(), row);
                                })
                                .toList());
            }
        }
        return out;
    }

    /**
     * A field that takes pictures only (现场照片) refuses a chosen file that is not one, by its
     * content: a document renamed .jpg is not a photo of the site.
     *
     * @throws InvalidFieldException naming the field, with rule {@code rule.form.notImage}
     */
    static void refuseNonImages(List<FieldDef> fields, Map<String, Object> values) {
        for (FieldDef f : fields) {
            Object v = values.get(f.code());
            if (f.type() == FieldType.ATTACHMENT && f.accept() == FieldDef.Accept.IMAGE && v instanceof List<?> files) {
                for (Object p : files) {
                    Path path = Path.of(String.valueOf(p));
                    if (Files.isRegularFile(path) && !isImage(path)) {
                        throw new InvalidFieldException(
                                f.code(),
                                "rule.form.notImage",
                                path.getFileName().toString());
                    }
                }
            } else if (f.type() == FieldType.ROWS && v instanceof List<?> rows) {
                for (Object r : rows) {
                    if (r instanceof Map<?, ?> row) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) row;
                        refuseNonImages(f.fields(), typed);
                    }
                }
            }
        }
    }

    /** Whether the file's first bytes are a picture's (see {@link ImageFiles}). */
    public static boolean isImage(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ImageFiles.isImage(in.readNBytes(ImageFiles.HEAD));
        } catch (IOException e) {
            return false;
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.length() - dot <= 6 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
    }
}
