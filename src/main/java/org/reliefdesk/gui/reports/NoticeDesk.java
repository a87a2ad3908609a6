package org.reliefdesk.gui.reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.StringProperty;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.NoticeLetterhead;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notices side of the reports page (leaders and administrators): the letterhead notices are
 * issued under, and the register of every notice issued from this PC with its number.
 */
public final class NoticeDesk {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeDesk.class);

    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final UiTasks tasks;
    private final Supplier<List<Place>> townships;
    private final StringProperty message;

    NoticeDesk(WorkbenchViewModel vm, Supplier<List<Place>> townships, StringProperty message) {
        this.vm = vm;
        this.texts = vm.config().texts();
        this.tasks = vm.tasks();
        this.townships = townships;
        this.message = message;
    }

    /** The letterhead as stored and what its blank fields become, read off the FX thread. */
    void readLetterhead(BiConsumer<NoticeLetterhead, NoticeLetterhead> then) {
        tasks.run(
                UiTasks.Lane.STORE,
                p -> new NoticeLetterhead[] {letterhead(), letterheadDefaults()},
                both -> then.accept(both[0], both[1]),
                e -> message.set(
                        texts.msg("reports.failed", FailureWords.of(texts, LOG, "Reading the letterhead failed", e))));
    }

    /** The register, read off the FX thread. */
    void readRegister(Consumer<List<RegisterRow>> then) {
        tasks.run(
                UiTasks.Lane.STORE,
                p -> register(),
                then,
                e -> message.set(
                        texts.msg("reports.failed", FailureWords.of(texts, LOG, "Reading the register failed", e))));
    }

    /** The letterhead as stored (read off the FX thread by the view). */
    NoticeLetterhead letterhead() {
        return vm.store().notices().letterhead();
    }

    /** What blank fields of the letterhead become, in this language. */
    NoticeLetterhead letterheadDefaults() {
        String county = vm.store().tickets().counties().stream()
                .findFirst()
                .map(Place::name)
                .orElse("");
        return NoticeLetterhead.defaults().resolved(county, texts);
    }

    /** Stores a checked letterhead off the FX thread and says so. */
    void saveLetterhead(NoticeLetterhead letterhead) {
        tasks.run(
                UiTasks.Lane.STORE,
                p -> {
                    vm.store().notices().saveLetterhead(letterhead);
                    return letterhead;
                },
                saved -> message.set(texts.msg("reports.letterhead.saved")),
                error -> message.set(
                        error instanceof InvalidFieldException refused
                                ? texts.describe(refused)
                                : texts.msg(
                                        "reports.failed",
                                        FailureWords.of(texts, LOG, "Saving the letterhead failed", error))));
    }

    /** One issued notice as the register lists it, in the user's words. */
    public record RegisterRow(
            String number, String recipient, String scope, LocalDate asOf, String issuedAt, int tickets) {}

    /** The register, newest first (read off the FX thread by the view). */
    List<RegisterRow> register() {
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        Map<String, String> townshipNames = new HashMap<>();
        townships.get().forEach(t -> townshipNames.put(t.code(), t.name()));
        return vm.store().notices().list().stream()
                .map(e -> new RegisterRow(
                        NoticeLetterhead.number(texts, e.agency(), e.year(), e.serial()),
                        e.recipientName(),
                        scopeLabel(e.scopeKey(), townshipNames),
                        e.asOf(),
                        minute.format(e.issuedAt().atZone(ChinaTime.ZONE)),
                        e.tickets()))
                .toList();
    }

    /** "全县", "水利" or a township's name for a register's scope key. */
    private String scopeLabel(String key, Map<String, String> townshipNames) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return texts.msg("reports.wholeCounty");
        }
        String rest = key.substring(slash + 1);
        if (rest.startsWith("department:")) {
            return vm.catalog().departmentName(rest.substring("department:".length()), texts.locale());
        }
        String code = rest.substring(rest.indexOf(':') + 1);
        return townshipNames.getOrDefault(code, code);
    }
}
