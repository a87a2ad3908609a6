package org.reliefdesk.sync;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An answer read up to a limit: whoever answers a PC (the central store, or something posing as
 * it) cannot make it hold more than that in memory or on its disk. Past the limit, reading fails
 * with a refusal the PC says in its own words; nothing read of that answer is written.
 */
final class BoundedAnswer extends FilterInputStream {

    /** The code of the refusal, a key of the PC's messages. */
    static final String TOO_LARGE = "sync.answer.tooLarge";

    private final long limit;
    private final String what;
    private long read;

    BoundedAnswer(InputStream in, long limit, String what) {
        super(in);
        this.limit = Math.max(0, limit); // none left: the first byte is one too many (never a read of negative length)
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - read + 1));
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws CentralClient.Refused {
        read += n;
        if (read > limit) {
            throw new CentralClient.Refused(
                    200,
                    TOO_LARGE,
                    what + " is larger than " + limit + " bytes, more than the central store ever sends");
        }
    }
}
