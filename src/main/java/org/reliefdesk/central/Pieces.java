package org.reliefdesk.central;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What is written, kept in pieces of 64 KB: an answer of several megabytes (a pull page) never
 * becomes one array, which the collector would have to find a contiguous place for (a "humongous"
 * object for G1) while many PCs pull at once.
 */
final class Pieces extends OutputStream {

    static final int SIZE = 64 * 1024;

    private final List<ByteBuffer> pieces = new ArrayList<>();
    private byte[] current = new byte[SIZE];
    private int used;

    @Override
    public void write(int b) {
        if (used == current.length) {
            next();
        }
        current[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int from = off;
        int left = len;
        while (left > 0) {
            if (used == current.length) {
                next();
            }
            int n = Math.min(left, current.length - used);
            System.arraycopy(b, from, current, used, n);
            used += n;
            from += n;
            left -= n;
        }
    }

    private void next() {
        pieces.add(ByteBuffer.wrap(current, 0, used));
        current = new byte[SIZE];
        used = 0;
    }

    /** Every piece written, the last one partly filled (at least one piece). */
    List<ByteBuffer> pieces() {
        List<ByteBuffer> all = new ArrayList<>(pieces);
        all.add(ByteBuffer.wrap(current, 0, used));
        return all;
    }

    /** Every full piece holds {@link #SIZE} bytes. */
    long length() {
        return (long) pieces.size() * SIZE + used;
    }
}
