package org.reliefdesk.gui.tickets;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.forms.Drafting;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.model.User;
import org.reliefdesk.store.FormDrafts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open ticket's unsaved forms, by action: kept while they are filled (a crash or a power cut
 * loses nothing), kept still when a save is sent, dropped only once the store has taken the
 * save — a refused save (a rule, someone else first) leaves the typed input to open again.
 */
final class TicketDrafts {

    private static final Logger LOG = LoggerFactory.getLogger(TicketDrafts.class);

    private final FormDrafts drafts;
    private final User user;
    private final AppConfig config;
    private final UiTasks tasks;
    /** The open ticket's drafts, by action. */
    private final Map<String, FormDrafts.Draft> ofTicket = new HashMap<>();
    /** When each of them was kept, for the view. */
    private final ObservableMap<String, Instant> times = FXCollections.observableHashMap();

    TicketDrafts(FormDrafts drafts, User user, AppConfig config, UiTasks tasks) {
        this.drafts = drafts;
        this.user = user;
        this.config = config;
        this.tasks = tasks;
    }

    /** This person's drafts of a ticket's forms (off the FX thread). */
    Map<String, FormDrafts.Draft> read(UUID ticket) throws IOException {
        return drafts.of(user.username(), ticket);
    }

    /** Another ticket opened: nothing of the last one's drafts is shown. */
    void clear() {
        ofTicket.clear();
        times.clear();
    }

    /** The drafts read with a ticket's history: those of actions it still offers are shown, the rest deleted. */
    void took(UUID ticket, Collection<FormDrafts.Draft> read, Predicate<String> offered) {
        for (FormDrafts.Draft d : read) {
            if (offered.test(d.action())) {
                hold(d);
            } else { // the ticket moved on (acted on elsewhere): the form can no longer be saved
                forget(ticket, d.action());
            }
        }
    }

    ObservableMap<String, Instant> times() {
        return times;
    }

    /**
     * How {@code action}'s form on {@code ticket} keeps its draft: opened with the one left last
     * time; kept 0.8 s after typing pauses (off the FX thread); kept at once when the form is
     * sent to be saved; dropped when its input is discarded. {@code shown} is the ticket open now.
     */
    Drafting drafting(UUID ticket, String action, Supplier<UUID> shown) {
        FormDrafts.Draft left = ofTicket.get(action);
        return new Drafting() {
            private UiTasks.Running pending;

            @Override
            public Optional<Restored> restored() {
                return Optional.ofNullable(left).map(d -> new Restored(d.values(), d.note(), d.savedAt(), d.partial()));
            }

            @Override
            public void keep(Map<String, Object> values, String note) {
                FormDrafts.Draft draft = draftOf(action, values, note);
                cancelPending();
                pending = tasks.after(Duration.ofMillis(800), () -> write(ticket, draft, shown));
            }

            @Override
            public void sent(Map<String, Object> values, String note) {
                cancelPending();
                write(ticket, draftOf(action, values, note), shown);
            }

            @Override
            public void drop() {
                cancelPending();
                gone(ticket, action, shown.get());
            }

            private void cancelPending() {
                if (pending != null) {
                    pending.cancel();
                }
            }
        };
    }

    /**
     * {@code action}'s draft on {@code ticket} is no longer wanted (the store took the save, or
     * the input was discarded); {@code shown} is the ticket open now.
     */
    void gone(UUID ticket, String action, UUID shown) {
        if (ticket.equals(shown)) {
            ofTicket.remove(action);
            times.remove(action);
        }
        forget(ticket, action);
    }

    private void write(UUID ticket, FormDrafts.Draft draft, Supplier<UUID> shown) {
        if (ticket.equals(shown.get())) {
            hold(draft);
        }
        onFileLane("Keeping a draft failed", () -> drafts.keep(user.username(), ticket, draft));
    }

    private void hold(FormDrafts.Draft d) {
        ofTicket.put(d.action(), d);
        times.put(d.action(), d.savedAt());
    }

    /** Deletes a draft's file, off the FX thread. */
    private void forget(UUID ticket, String action) {
        onFileLane("Dropping a draft failed", () -> drafts.drop(user.username(), ticket, action));
    }

    /** A draft file written or deleted. */
    private interface FileWork {
        void run() throws IOException;
    }

    /**
     * Draft files are written and deleted on one lane, in the order asked: a draft kept when a
     * form is sent is never deleted before it is written (the save's success deletes it).
     */
    private void onFileLane(String failure, FileWork work) {
        tasks.run(
                UiTasks.Lane.HOUSEKEEPING,
                p -> {
                    work.run();
                    return null;
                },
                done -> {},
                e -> LOG.warn(failure, e));
    }

    /** The form's values as it shows them; rows and files cannot be kept, and the draft says so. */
    private FormDrafts.Draft draftOf(String action, Map<String, Object> values, String note) {
        Map<String, String> shown = new LinkedHashMap<>();
        boolean partial = false;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof String)) {
                shown.put(
                        e.getKey(),
                        String.join(",", list.stream().map(String::valueOf).toList())); // choices
            } else if (v instanceof List<?> || v instanceof Map<?, ?>) {
                partial = true;
            } else if (v != null) {
                shown.put(e.getKey(), v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
            }
        }
        return new FormDrafts.Draft(action, shown, note, config.clock().instant(), partial);
    }
}
