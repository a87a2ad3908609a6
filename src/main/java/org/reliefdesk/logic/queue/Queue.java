package org.reliefdesk.logic.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketStatus;

/**
 * The queues on the left of the workbench. "Long open" is any open ticket dispatched more
 * than {@value #LONG_OPEN_DAYS} days ago: the seed's supervision threshold (督办), shown here
 * before the full supervision ladder exists.
 */
public enum Queue {
    ALL, NEW, IN_PROGRESS, LONG_OPEN, CONCLUDED;

    public static final int LONG_OPEN_DAYS = 10;
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public boolean contains(Ticket t, Instant now) {
        return switch (this) {
            case ALL -> true;
            case NEW -> t.status() == TicketStatus.NEW;
            case IN_PROGRESS -> t.status() == TicketStatus.IN_PROGRESS;
            case LONG_OPEN -> t.status().isOpen()
                    && Duration.between(startOf(t), now).compareTo(Duration.ofDays(LONG_OPEN_DAYS)) > 0;
            case CONCLUDED -> t.status() == TicketStatus.CONCLUDED;
        };
    }

    private static Instant startOf(Ticket t) {
        return t.dispatchedAt() != null ? t.dispatchedAt() : t.submittedAt();
    }

    /**
     * Calendar days the ticket has been open, counted in China time: 0 on the day it was
     * submitted. A concluded ticket stops counting on the day it was concluded.
     */
    public static long daysOpen(Ticket t, Instant now) {
        Instant end = t.concludedAt() != null ? t.concludedAt() : now;
        LocalDate from = t.submittedAt().atZone(ZONE).toLocalDate();
        LocalDate to = end.atZone(ZONE).toLocalDate();
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }
}
