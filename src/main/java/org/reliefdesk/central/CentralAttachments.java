package org.reliefdesk.central;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.sync.WireLimits;
import org.reliefdesk.logic.workflow.AttachmentNames;

/**
 * Photos and documents in the central store, by SHA-256, kept as the pieces they were uploaded
 * in (central schema V5). An upload may resume after a broken connection: the store says how
 * many bytes it has, the client sends the rest. Complete bytes that do not hash to their name are
 * thrown away. Nothing here holds a whole file in memory.
 */
public final class CentralAttachments {

    /** How long an unfinished upload is kept after its last piece. */
    public static final Duration UPLOAD_LIFETIME = Duration.ofHours(24);

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final CentralDatabase db;

    public CentralAttachments(CentralDatabase db) {
        this.db = db;
    }

    /** How far an upload is: stored in full, or {@code received} bytes so far. */
    public record Status(boolean stored, long received) {}

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

    public static boolean validName(String sha) {
        return sha != null && SHA.matcher(sha).matches();
    }

    /** A name as forms hold it (hash and extension): {@link AttachmentNames}. */
    public static boolean validStoredName(String name) {
        return AttachmentNames.valid(name);
    }

    /** How far an upload is, from numbers alone: no bytes are read. */
    public Status status(String sha) {
        return db.inTransaction(c -> {
            Optional<Long> stored = storedSize(c, sha);
            if (stored.isPresent()) {
                return new Status(true, stored.get());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT received FROM attachment_upload WHERE sha256 = ?")) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    return new Status(false, rs.next() ? rs.getLong(1) : 0);
                }
            }
        });
    }

    private static Optional<Long> storedSize(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size FROM attachment WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Adds a piece at {@code offset} of an attachment of {@code total} bytes: the piece is a row of
     * its own, the upload's count of bytes goes up. When the last piece arrives the pieces are read
     * one by one through SHA-256; bytes that do not hash to their name are thrown away.
     *
     * @throws WrongOffset when the piece does not start where the stored part ends
     * @throws IllegalArgumentException when the complete bytes do not hash to {@code sha}, or sizes are wrong
     */
    public Status append(String sha, long offset, long total, byte[] piece, String by, Instant now) {
        if (total <= 0
                || total > WireLimits.ATTACHMENT_BYTES
                || offset < 0
                || piece.length == 0
                || offset + piece.length > total) {
            throw new IllegalArgumentException("size " + total + " / offset " + offset + " / piece " + piece.length);
        }
        expire(now);
        startUpload(sha, total, by, now);
        return db.inTransaction(c -> {
            Optional<Long> stored = storedSize(c, sha);
            if (stored.isPresent()) {
                return new Status(true, stored.get());
            }
            long received;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT received FROM attachment_upload WHERE sha256 = ? FOR UPDATE")) {
                ps.setString(1, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WrongOffset(0); // expired between the two steps: start again
                    }
                    received = rs.getLong(1);
                }
            }
            if (offset != received) {
                throw new WrongOffset(received);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO attachment_piece (sha256, piece_offset, content) VALUES (?, ?, ?)")) {
                ps.setString(1, sha);
                ps.setLong(2, offset);
                ps.setBytes(3, piece);
                ps.executeUpdate();
            }
            long now2 = received + piece.length;
            if (now2 == total) {
                if (!sha.equals(hashOfPieces(c, sha))) {
                    deletePieces(c, sha);
                    deleteUpload(c, sha);
                    throw new IllegalArgumentException("the bytes do not hash to " + sha);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO attachment (sha256, size, content, stored_at) VALUES (?, ?, NULL, ?)")) {
                    ps.setString(1, sha);
                    ps.setLong(2, total);
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.executeUpdate();
                }
                deleteUpload(c, sha); // the pieces stay: they are the attachment
                return new Status(true, total);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE attachment_upload SET received = ?, total_size = ?, updated_at = ?, started_by = ? WHERE sha256 = ?")) {
                ps.setLong(1, now2);
                ps.setLong(2, total);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, by);
                ps.setString(5, sha);
                ps.executeUpdate();
            }
            return new Status(false, now2);
        });
    }

    /** Unfinished uploads expire: a PC that never comes back leaves no bytes behind for good. */
    private void expire(Instant now) {
        db.inTransaction(c -> {
            List<String> old = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT sha256 FROM attachment_upload WHERE updated_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(UPLOAD_LIFETIME)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        old.add(rs.getString(1));
                    }
                }
            }
            for (String sha : old) {
                deletePieces(c, sha);
                deleteUpload(c, sha);
            }
            return null;
        });
    }

    /** The upload's row, made in a transaction of its own (two PCs starting the same file at once: one wins). */
    private void startUpload(String sha, long total, String by, Instant now) {
        db.makeRowOnce(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO attachment_upload (sha256, total_size, received,"
                            + " updated_at, started_by) SELECT ?, ?, 0, ?, ? WHERE NOT EXISTS"
                            + " (SELECT 1 FROM attachment_upload WHERE sha256 = ?)"
                            + " AND NOT EXISTS (SELECT 1 FROM attachment WHERE sha256 = ?)")) {
                ps.setString(1, sha);
                ps.setLong(2, total);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, by);
                ps.setString(5, sha);
                ps.setString(6, sha);
                return ps.executeUpdate();
            }
        });
    }

    private static List<Long> offsets(Connection c, String sha) throws SQLException {
        List<Long> offsets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT piece_offset FROM attachment_piece WHERE sha256 = ? ORDER BY piece_offset")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    offsets.add(rs.getLong(1));
                }
            }
        }
        return offsets;
    }

    private static byte[] piece(Connection c, String sha, long offset) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT content FROM attachment_piece WHERE sha256 = ? AND piece_offset = ?")) {
            ps.setString(1, sha);
            ps.setLong(2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : new byte[0];
            }
        }
    }

    private static String hashOfPieces(Connection c, String sha) throws SQLException {
        MessageDigest digest = Sha256.digest();
        for (long offset : offsets(c, sha)) {
            digest.update(piece(c, sha, offset));
        }
        return Sha256.hex(digest);
    }

    private static void deletePieces(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachment_piece WHERE sha256 = ?")) {
            ps.setString(1, sha);
            ps.executeUpdate();
        }
    }

    private static void deleteUpload(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachment_upload WHERE sha256 = ?")) {
            ps.setString(1, sha);
            ps.executeUpdate();
        }
    }

    /** The size of a stored attachment, or empty when the central store has none under that name. */
    public Optional<Long> size(String sha) {
        return db.inTransaction(c -> storedSize(c, sha));
    }

    /**
     * Writes a stored attachment from byte {@code from} to {@code out}, one piece at a time: each
     * piece is read in a short transaction of its own, so a slow PC holds neither a database
     * connection nor more than one piece in memory.
     */
    public void copy(String sha, long from, OutputStream out) throws IOException {
        List<Long> offsets = db.inTransaction(c -> offsets(c, sha));
        for (int i = 0; i < offsets.size(); i++) {
            long start = offsets.get(i);
            long end = i + 1 < offsets.size() ? offsets.get(i + 1) : Long.MAX_VALUE;
            if (end <= from) {
                continue;
            }
            byte[] bytes = db.inTransaction(c -> piece(c, sha, start));
            int skip = (int) Math.max(0, from - start);
            out.write(bytes, skip, bytes.length - skip);
        }
    }

    /** The stored bytes whole (tests, and small files only: downloads use {@link #copy}). */
    public Optional<byte[]> read(String sha) {
        if (size(sha).isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            copy(sha, 0, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toByteArray());
    }
}
