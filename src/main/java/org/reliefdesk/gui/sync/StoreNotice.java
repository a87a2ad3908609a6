package org.reliefdesk.gui.sync;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.model.User;
import org.reliefdesk.sync.Synchronizer;

/** The line above the status bar when a sync found something about the store itself or what it sent. */
final class StoreNotice {

    /**
     * A line found, and whether it says what every sync finds again while it is so (work held
     * for another store, a holiday year this PC cannot read): such a line goes once a sync finds
     * it no more, any other stays for the session.
     */
    private record Found(String text, boolean standing) {}

    /** An administrator reads the tickets set aside on this PC's 系统管理 page; others are asked to tell one. */
    private final boolean administers;

    /** Whether the line shown is a standing one (see {@link Found}). */
    private boolean standingShown;

    StoreNotice(User user) {
        this.administers = Capabilities.of(user).administers();
    }

    /**
     * What a sync found about the store, at {@code at}: work a restore lost sent again, pulled
     * tickets this PC could not store, tickets only the store the PC left had taken off it (said
     * once, so before the standing lines every sync says again while so), a holiday year this PC
     * cannot read, work held because it was made against another store, or the scope pulled again
     * because the store changed; nothing for a usual sync.
     */
    static Optional<String> of(Synchronizer.Report r, String at, Texts texts, boolean administers) {
        return find(r, at, texts, administers).map(Found::text);
    }

    private static Optional<Found> find(Synchronizer.Report r, String at, Texts texts, boolean administers) {
        if (r.sentAgain() > 0) {
            return once(texts.msg("sync.status.sentAgain", at, r.sentAgain()));
        }
        if (r.setAside() > 0) {
            return once(
                    texts.msg(administers ? "sync.status.setAsideAdmin" : "sync.status.setAside", at, r.setAside()));
        }
        if (r.leftBehind() > 0) {
            return once(texts.msg("sync.status.leftBehind", at, r.leftBehind()));
        }
        if (!r.calendarLeftOut().isEmpty()) {
            return Optional.of(new Found(texts.msg("sync.status.calendarLeftOut", at, years(r, texts)), true));
        }
        if (r.held() > 0) {
            return Optional.of(new Found(texts.msg("sync.status.held", at, r.held()), true));
        }
        return r.startedOver() ? once(texts.msg("sync.status.startedOver", at)) : Optional.empty();
    }

    /** The years left out, the first few named: a store may send many it cannot have, and the line stays one. */
    private static String years(Synchronizer.Report r, Texts texts) {
        List<Synchronizer.YearLeftOut> years = r.calendarLeftOut();
        int named = Synchronizer.YearLeftOut.NAMED;
        String first = years.stream()
                .limit(named)
                .map(y -> String.valueOf(y.year()))
                .collect(Collectors.joining(texts.msg("notice.separator")));
        return years.size() <= named
                ? texts.msg("sync.status.years", first)
                : texts.msg("sync.status.yearsMore", first, years.size(), years.size() - named);
    }

    private static Optional<Found> once(String text) {
        return Optional.of(new Found(text, false));
    }

    /**
     * The line to show after a sync, {@code shown} before it: what this sync found, else the line
     * shown, which stays for the session unless it was a standing one this sync did not find.
     */
    String after(String shown, Synchronizer.Report r, String at, Texts texts) {
        Optional<Found> found = find(r, at, texts, administers);
        String next = found.map(Found::text).orElse(standingShown ? "" : shown);
        standingShown = found.map(Found::standing).orElse(false);
        return next;
    }
}
