package org.reliefdesk.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pull page's bytes as read, kept in pieces of 64 KB: never one array of several megabytes,
 * which the collector would have to place whole (a "humongous" allocation in G1, the long stops
 * `LoadBench` found when a page was one array). Read once as a stream; a stretch of it (one
 * ticket's text) can be had again as text.
 */
final class PageBytes {

    private static final int PIECE = 64 * 1024;

    private final List<byte[]> pieces;

    private PageBytes(List<byte[]> pieces) {
        this.pieces = pieces;
    }

    /** Reads {@code in} to its end. */
    static PageBytes read(InputStream in) throws IOException {
        List<byte[]> pieces = new ArrayList<>();
        while (true) {
            byte[] piece = in.readNBytes(PIECE);
            if (piece.length == 0) {
                return new PageBytes(pieces);
            }
            pieces.add(piece);
        }
    }

    /** The page from its start. */
    InputStream stream() {
        List<InputStream> each = new ArrayList<>(pieces.size());
        for (byte[] p : pieces) {
            each.add(new ByteArrayInputStream(p));
        }
        return new SequenceInputStream(Collections.enumeration(each));
    }

    /** The UTF-8 text of bytes {@code from} (inclusive) to {@code to} (exclusive). */
    String text(long from, long to) {
        if (to <= from) {
            return "";
        }
        // every piece but the last is whole, so the first one holding these bytes is found by division
        int first = (int) (from / PIECE);
        int start = (int) (from - (long) first * PIECE);
        if (to <= (long) (first + 1) * PIECE) {
            return new String(pieces.get(first), start, (int) (to - from), StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (to - from));
        long at = (long) first * PIECE;
        for (int i = first; i < pieces.size() && at < to; i++) {
            byte[] p = pieces.get(i);
            long begin = Math.max(from, at);
            long end = Math.min(to, at + p.length);
            out.write(p, (int) (begin - at), (int) (end - begin));
            at += p.length;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
