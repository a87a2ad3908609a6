package org.reliefdesk.central;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reliefdesk.logic.workflow.AttachmentNames;

/**
 * Photos and documents in the central store, by SHA-256. An upload may come in pieces and
 * resume after a broken connection: the store says how many bytes it has, the client sends the
 * rest. Complete bytes that do not hash to their name are thrown away.
 */
public final class CentralAttachments {

    /** The largest attachment the central store takes (a phone photo is a few MB). */
    public static final long MAX_SIZE = 50L * 1024 * 1024;
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    /** How far an upload is: stored in full, or {@code received} bytes so far. */
    public record Status(boolean stored, long received) {
    }

    /** A piece that does not fit: the client should continue from {@code received}. */
    public static final class WrongOffset extends RuntimeException {
        private final long received;

        WrongOffset(long received) {
            super("upload continues at byte " + received);
            this.received = received;
        }

        public long received() {
            return received;
        }
    }

    private final CentralDatabase db;

    public CentralAttachments(CentralDatabase db) {
        this.db = db;
    }

    /** How long an unfinished upload is kept after its last piece. */
    public static final java.time.Duration UPLOAD_LIFETIME = java.time.Duration.ofHours(24);

    public static boolean validName(String sha) {
        return sha != null && SHA.matcher(sha).matches();
    }

    /** A name as forms hold it (hash and extension): {@link AttachmentNames}. */
    public static boolean validStoredName(String name) {
        return AttachmentNames.valid(name);
    }

    public Status status(String sha) {
        return db.inTransaction(c -> {
            Optional<Long> stored = storedSize(c, sha);
            if (stored.isPresent()) {
                return new Status(true, stored.get());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM attachment_upload WHERE sha256 = ?")) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    return new Status(false, rs.next() ? rs.getBytes(1).length : 0);
                }
            }
        });
    }

    private static Optional<Long> storedSize(java.sql.Connection c, String sha) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size FROM attachment WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Adds a piece at {@code offset} of an attachment of {@code total} bytes.
     *
     * @throws WrongOffset when the piece does not start where the stored part ends
     * @throws IllegalArgumentException when the complete bytes do not hash to {@code sha}, or sizes are wrong
     */
    public Status append(String sha, long offset, long total, byte[] piece, String by, Instant now) {
        if (total <= 0 || total > MAX_SIZE || offset < 0 || offset + piece.length > total) {
            throw new IllegalArgumentException("size " + total + " / offset " + offset + " / piece " + piece.length);
        }
        return db.inTransaction(c -> {
            // unfinished uploads expire: a PC that never comes back leaves no bytes behind for good
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachment_upload WHERE updated_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(UPLOAD_LIFETIME)));
                ps.executeUpdate();
            }
            Optional<Long> stored = storedSize(c, sha);
            if (stored.isPresent()) {
                return new Status(true, stored.get());
            }
            byte[] have = new byte[0];
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT content FROM attachment_upload WHERE sha256 = ? FOR UPDATE")) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                    if (exists) {
                        have = rs.getBytes(1);
                    }
                }
            }
            if (offset != have.length) {
                throw new WrongOffset(have.length);
            }
            byte[] joined = Arrays.copyOf(have, have.length + piece.length);
            System.arraycopy(piece, 0, joined, have.length, piece.length);
            if (joined.length == total) {
                if (!org.reliefdesk.logic.Sha256.hex(joined).equals(sha)) {
                    delete(c, sha);
                    throw new IllegalArgumentException("the bytes do not hash to " + sha);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO attachment (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, sha);
                    ps.setLong(2, total);
                    ps.setBytes(3, joined);
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.executeUpdate();
                }
                delete(c, sha);
                return new Status(true, total);
            }
            try (PreparedStatement ps = c.prepareStatement(exists
                    ? "UPDATE attachment_upload SET content = ?, total_size = ?, updated_at = ?, started_by = ? WHERE sha256 = ?"
                    : "INSERT INTO attachment_upload (content, total_size, updated_at, started_by, sha256) VALUES (?, ?, ?, ?, ?)")) {
                ps.setBytes(1, joined);
                ps.setLong(2, total);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, by);
                ps.setString(5, sha);
                ps.executeUpdate();
            }
            return new Status(false, joined.length);
        });
    }

    private static void delete(java.sql.Connection c, String sha) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachment_upload WHERE sha256 = ?")) {
            ps.setString(1, sha);
            ps.executeUpdate();
        }
    }

    /** The stored bytes, or empty when the central store has none under that name. */
    public Optional<byte[]> read(String sha) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM attachment WHERE sha256 = ?")) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }
}
