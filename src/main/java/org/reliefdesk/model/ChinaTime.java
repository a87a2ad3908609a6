package org.reliefdesk.model;

import java.time.ZoneId;

/**
 * The platform's time: China Standard Time. Every deadline, date, day count, ticket number and
 * printed time is in it, whatever zone the PC or the server is set to. The one place this fact
 * lives; the {@code ZONE} constants of other classes refer to it.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}
}
