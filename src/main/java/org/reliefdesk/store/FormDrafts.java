package org.reliefdesk.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Action forms being filled, kept as they are typed so a crash or a power cut loses nothing: one
 * file per person, ticket and action under {@code <data dir>/drafts/}, written whole (a temporary
 * file moved into place), dropped when the form is saved or its input discarded. Values are kept
 * as the form shows them (text, {@code 2026-12-02}, a choice's code); table rows and attached
 * files are not kept, and the draft says so.
 */
public final class FormDrafts {

    private static final Logger LOG = LoggerFactory.getLogger(FormDrafts.class);

    private final Path root;

    /** One form as it was left: its values, its note, when, and whether rows or files were left out. */
    public record Draft(String action, Map<String, String> values, String note, Instant savedAt, boolean partial) {
        public Draft {
            values = Map.copyOf(values);
            note = note == null ? "" : note;
        }
    }

    public FormDrafts(Path dataDir) {
        this.root = dataDir.resolve("drafts");
    }

    /** Keeps {@code draft} for the person and ticket, replacing the one of the same action. */
    public void keep(String username, UUID ticket, Draft draft) throws IOException {
        Properties p = new Properties();
        p.setProperty("@action", draft.action());
        p.setProperty("@note", draft.note());
        p.setProperty("@savedAt", draft.savedAt().toString());
        p.setProperty("@partial", String.valueOf(draft.partial()));
        draft.values().forEach((k, v) -> p.setProperty(k, v));
        Path file = file(username, ticket, draft.action());
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "ReliefDesk form draft");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The person's drafts of the ticket, by action; a damaged file is skipped (and logged). */
    public Map<String, Draft> of(String username, UUID ticket) throws IOException {
        Map<String, Draft> out = new TreeMap<>();
        Path dir = root.resolve(person(username));
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ticket + ".*.properties")) {
            for (Path f : files) {
                try {
                    Draft d = read(f);
                    out.put(d.action(), d);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Draft {} unreadable; left as it is", f, e);
                }
            }
        }
        return out;
    }

    /** Drops the draft, if any (the form was saved, or its input discarded). */
    public void drop(String username, UUID ticket, String action) throws IOException {
        Files.deleteIfExists(file(username, ticket, action));
    }

    private static Draft read(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String k : new TreeMap<>(p).keySet().stream().map(String::valueOf).toList()) {
            if (!k.startsWith("@")) {
                values.put(k, p.getProperty(k));
            }
        }
        return new Draft(
                action(p.getProperty("@action")),
                values,
                p.getProperty("@note", ""),
                Instant.parse(p.getProperty("@savedAt")),
                Boolean.parseBoolean(p.getProperty("@partial")));
    }

    private Path file(String username, UUID ticket, String action) {
        return root.resolve(person(username)).resolve(ticket + "." + action(action) + ".properties");
    }

    /** A person's folder: the name in hex, so no name can reach outside the drafts folder. */
    private static String person(String username) {
        return HexFormat.of().formatHex(username.getBytes(StandardCharsets.UTF_8));
    }

    /** An action's code as the catalog writes them; anything else never becomes part of a path. */
    private static String action(String code) {
        if (code == null || !code.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("not an action code: " + code);
        }
        return code;
    }
}
