package org.reliefdesk.gui.tickets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.calendar.WorkingHours;
import org.reliefdesk.logic.queue.DailyDigest;
import org.reliefdesk.logic.queue.WorkWatch;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.User;
import org.slf4j.LoggerFactory;

/**
 * What became the user's work since the last look, told after each load (only in office hours);
 * for those who read the county (leaders), the day's figures once a working day, remembered in
 * {@code prefs/<user>.digest} so a second start the same day does not tell them again.
 */
final class WorkAlerts {

    private final ObjectProperty<WorkWatch.Alerts> alerts = new SimpleObjectProperty<>();
    private final ObjectProperty<DailyDigest> digest = new SimpleObjectProperty<>();
    private final WorkWatch watch = new WorkWatch();
    private final Path digestFile;
    private final UiTasks tasks;
    /** The day the digest was last told; null until read (or for someone who gets none). */
    private LocalDate toldOn;
    /**
     * Whether what the store holds can be looked at: with a central store, not before this
     * session's first sync has ended (a first sync brings the whole scope: none of it is news, and
     * a digest of half a county is wrong).
     */
    private boolean settled;

    /**
     * Alerts for {@code digestFile}'s person; {@code digestFile} null: no daily digest.
     * {@code syncs}: a central store is synced with, so nothing is looked at before {@link #synced()}.
     */
    WorkAlerts(Path digestFile, UiTasks tasks, boolean syncs) {
        this.digestFile = digestFile;
        this.tasks = tasks;
        this.settled = !syncs;
        if (digestFile != null) {
            tasks.run(
                    UiTasks.Lane.HOUSEKEEPING,
                    p -> Files.isRegularFile(digestFile)
                            ? LocalDate.parse(Files.readString(digestFile, StandardCharsets.UTF_8)
                                    .strip())
                            : LocalDate.MIN,
                    day -> toldOn = day,
                    e -> {
                        LoggerFactory.getLogger(WorkAlerts.class).warn("Digest day unreadable", e);
                        toldOn = LocalDate.MIN;
                    });
        }
    }

    /** Everyone gets news of their own tasks; those who read the county, the day's figures too. */
    static WorkAlerts of(AppConfig config, User user, Capabilities can, UiTasks tasks) {
        return new WorkAlerts(
                can.readsDashboard() ? config.dataDir().resolve("prefs").resolve(user.username() + ".digest") : null,
                tasks,
                config.central().mode() != AppConfig.Central.Mode.OFF);
    }

    /** A sync ended: from now on the store holds the scope as the central store has it. */
    void synced() {
        settled = true;
    }

    /** Looks at a loaded snapshot: new tickets of mine, and mine that turned due soon, overdue or supervised. */
    void look(ScopeSnapshot s) {
        if (s.maker() == null || !settled) {
            return;
        }
        List<WorkWatch.Seen> mine = s.tickets().stream()
                .filter(t -> s.actionable().contains(t.id()))
                .map(t -> new WorkWatch.Seen(
                        t.id(), t.ticketNo(), s.clocks().get(t.id()).state()))
                .toList();
        boolean office = WorkingHours.OFFICE.contains(s.at(), s.maker().calendar());
        WorkWatch.Alerts news = watch.look(mine, office);
        if (!news.isEmpty()) {
            alerts.set(news);
        }
        // the figures of the whole scope, never of a first screen still being read; counted only on
        // the day's first look (a county is 100,000 clocks, and this runs after every load)
        if (toldOn != null
                && office
                && !s.partial()
                && !s.at().atZone(ChinaTime.ZONE).toLocalDate().equals(toldOn)) {
            DailyDigest today = DailyDigest.of(s.clocks().values(), s.at());
            toldOn = today.day();
            digest.set(today);
            tasks.run(
                    UiTasks.Lane.HOUSEKEEPING,
                    p -> {
                        Files.createDirectories(digestFile.getParent());
                        Files.writeString(digestFile, today.day().toString(), StandardCharsets.UTF_8);
                        return today;
                    },
                    d -> {},
                    e -> LoggerFactory.getLogger(WorkAlerts.class).warn("Digest day not kept", e));
        }
    }

    ObjectProperty<WorkWatch.Alerts> property() {
        return alerts;
    }

    ObjectProperty<DailyDigest> digestProperty() {
        return digest;
    }
}
