package org.reliefdesk.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.reliefdesk.logic.ErrorIds;
import org.slf4j.Marker;

/**
 * Keeps off the console what the person was already told in their own words: a command's
 * message says what failed and what to do, and the English log line with its stack trace
 * under it would bury that. The log file keeps every event.
 */
final class NotToldFilter extends Filter<ILoggingEvent> {

    NotToldFilter() {
        start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getMarkerList() != null) {
            for (Marker m : event.getMarkerList()) {
                if (m.contains(ErrorIds.TOLD)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }
}
