package org.reliefdesk.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FormText;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.workflow.ItemPath;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;

/**
 * The 工单办理单: one ticket on paper as a county office files it — its particulars, the request as
 * submitted, every later entry of its history, and places to sign (reports/ticket-sheet.jrxml).
 * Several tickets print as one run of sheets, each with its own page count. The ID number is
 * masked as in every list; the phone is printed in full, since the follow-up visit calls it.
 */
public final class TicketSheetPdf {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    /** The ticket's field a sheet's text comes from, as a refusal names it. */
    private static final Map<String, String> FIELDS = Map.of(
            "APPLICANT", "applicant.name",
            "PHONE", "applicant.phone",
            "CHANNEL", "raisedBy",
            "PLACE", "villageName",
            "PLATFORM", "countyName",
            "PRINTED", "displayName",
            "REQUEST", "events");

    private TicketSheetPdf() {}

    /** One ticket to print: its history and its clocks at the moment of printing. */
    public record Sheet(TicketHistory history, TicketClock clock) {}

    /**
     * The sheets of {@code sheets}, in the order given, as one print.
     *
     * @param actorName who an event's actor is, as people read it (the platform, a display name)
     * @param printedBy the signed-in person's name, printed with the time on every sheet
     * @throws InvalidFieldException {@code rule.report.glyph} when a text has a character the fonts lack,
     *                               naming the ticket and the field; {@code rule.sheet.none} for no ticket
     */
    public static JasperPrint fill(
            List<Sheet> sheets,
            Catalog catalog,
            Texts texts,
            Function<String, String> actorName,
            String printedBy,
            Instant printedAt)
            throws JRException {
        if (sheets.isEmpty()) {
            throw new InvalidFieldException("tickets", "rule.sheet.none");
        }
        JasperPrint all = null;
        for (Sheet s : sheets) {
            JasperPrint one = JasperFillManager.fillReport(
                    OverduePdf.template("ticket-sheet"),
                    parameters(s, catalog, texts, printedBy, printedAt),
                    history(s.history(), catalog, texts, actorName));
            all = OverduePdf.append(all, one, s.history().ticket().ticketNo());
        }
        all.setName(texts.msg("sheet.title"));
        return all;
    }

    /** A file name such as 工单办理单-530128202107270001.pdf, or with the count for several. */
    public static String fileName(List<String> ticketNos, Texts texts) {
        return (ticketNos.size() == 1
                        ? texts.msg("sheet.fileOne", ticketNos.get(0))
                        : texts.msg("sheet.fileMany", ticketNos.get(0), ticketNos.size()))
                + ".pdf";
    }

    private static Map<String, Object> parameters(
            Sheet s, Catalog catalog, Texts texts, String printedBy, Instant printedAt) {
        Ticket t = s.history().ticket();
        TicketClock c = s.clock();
        Map<String, Object> p = new HashMap<>();
        p.put("PLATFORM", texts.msg("sheet.platform", t.county().name()));
        p.put("TICKET_NO", t.ticketNo());
        p.put("PRINTED", texts.msg("sheet.printed", printedBy, MINUTE.format(printedAt)));
        p.put("ITEM", catalog.itemName(t.itemCode(), texts.locale()));
        p.put(
                "DEPARTMENT",
                catalog.item(t.itemCode())
                        .map(i -> catalog.departmentName(i.departmentCode(), texts.locale()))
                        .orElse(""));
        p.put("STEP", catalog.stepName(t.currentStep(), texts.locale()));
        p.put("APPLICANT", t.applicant().name());
        p.put("ID_NUMBER", t.applicant().maskedIdNumber());
        p.put("PHONE", t.applicant().phone() == null ? "" : t.applicant().phone());
        String channel = texts.msg("channel." + t.channel().name());
        p.put("CHANNEL", t.raisedBy() == null ? channel : texts.msg("text.parenthesis", channel, t.raisedBy()));
        p.put("PLACE", t.township().name() + " " + t.village().name());
        p.put("SUBMITTED", minute(t.submittedAt()));
        p.put("DISPATCHED", minute(t.dispatchedAt()));
        String state = texts.msg("ladder." + c.shownState());
        p.put(
                "STANDING",
                c.state() == LadderState.SUPERVISED
                        ? texts.msg("sheet.supervisedSince", state, minute(c.stateSince()))
                        : t.status().isOpen()
                                ? texts.msg(
                                        "text.parenthesis",
                                        texts.msg("status." + t.status().name()),
                                        state)
                                : state); // 已办结, 已办结·待回访: the state says it
        p.put(
                "DAYS_OPEN",
                c.pausedDays() > 0
                        ? texts.msg("detail.daysOpenPaused", c.openDays(), c.pausedDays())
                        : texts.msg("sheet.days", c.openDays()));
        p.put("CONCLUDED", minute(t.concludedAt()));
        p.put("OUTCOME", t.outcome() == null ? "" : catalog.outcomeName(t.outcome(), texts.locale()));
        p.put(
                "REQUEST",
                s.history().events().stream()
                        .filter(e -> e.fromStep() == null && !TicketEvent.DISPATCH.equals(e.action()))
                        .findFirst()
                        .map(e -> FormText.summarize(
                                catalog, ItemPath.at(t.itemCode(), s.history().events(), e), e, texts))
                        .orElse(""));
        p.forEach((name, value) ->
                PrintableText.check(FIELDS.getOrDefault(name, "ticketNo"), t.ticketNo(), (String) value));
        p.put(JRParameter.REPORT_LOCALE, texts.locale());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, texts.bundle());
        return p;
    }

    /** Every entry after the submission, oldest first: the handling record. */
    private static JRMapCollectionDataSource history(
            TicketHistory h, Catalog catalog, Texts texts, Function<String, String> actorName) {
        Ticket t = h.ticket();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (TicketEvent e : h.events()) {
            if (e.fromStep() == null && !TicketEvent.DISPATCH.equals(e.action())) {
                continue; // the submission is the request printed above
            }
            Map<String, Object> m = new HashMap<>();
            m.put(
                    "at",
                    e.lateEntry()
                            ? texts.msg("history.lateEntry", minute(e.at()), minute(e.receivedAt()))
                            : minute(e.at()));
            m.put(
                    "step",
                    e.fromStep() == null || e.fromStep().equals(e.toStep())
                            ? catalog.stepName(e.toStep(), texts.locale())
                            : catalog.stepName(e.fromStep(), texts.locale()) + " → "
                                    + catalog.stepName(e.toStep(), texts.locale()));
            m.put("action", catalog.actionName(e.action(), texts.locale()));
            m.put("actor", actorName.apply(e.actor()));
            m.put("details", FormText.summarize(catalog, ItemPath.at(t.itemCode(), h.events(), e), e, texts));
            m.forEach((name, value) -> PrintableText.check("events", t.ticketNo(), (String) value));
            rows.add(m);
        }
        return new JRMapCollectionDataSource(rows);
    }

    private static String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }
}
