package org.reliefdesk.central;

import java.nio.file.Path;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLogWriter;
import org.reliefdesk.model.ChinaTime;

/**
 * The central store's access log: one line per request, when it came, from where, what was
 * asked, the answer's status and size, and how long the server took from the request's arrival
 * to the answer's last byte. It holds no token, password or key (they travel in headers and
 * bodies, never in the request line), so it can be kept and handed to whoever looks after the
 * server; the only names in it are those an administrator's request names in its path.
 */
final class AccessLog {

    /** A new file each day (in China's time); files older than this are deleted. */
    static final int RETAIN_DAYS = 90;

    /**
     * {@code 127.0.0.1 [2026-12-03T21:14:36.117+08:00] "POST /api/v1/ops HTTP/1.1" 200 1873 12}: the
     * last field is milliseconds.
     */
    static final String FORMAT =
            "%{client}a %{yyyy-MM-dd'T'HH:mm:ss.SSSXXX|" + ChinaTime.ZONE.getId() + "}t \"%r\" %s %O %{ms}T";

    private AccessLog() {}

    /** @param file the log's file name; {@code yyyy_mm_dd} in it becomes the day's date */
    static CustomRequestLog to(Path file) {
        RequestLogWriter writer = new RequestLogWriter(file.toAbsolutePath().toString());
        writer.setAppend(true);
        writer.setRetainDays(RETAIN_DAYS);
        writer.setTimeZone(ChinaTime.ZONE.getId());
        return new CustomRequestLog(writer, FORMAT);
    }
}
