package org.reliefdesk.logic.report;

import java.util.Locale;
import java.util.stream.Collectors;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.model.ServiceItem;

/** Whose overdue items a report lists: a whole county, one department of it, or one township. */
public record ReportScope(String countyCode, String departmentCode, String townshipCode) {

    /** Between a county's name and its department's or township's in {@link #describe}; found by it in titles. */
    public static final String SEPARATOR = " · ";

    public ReportScope {
        if (departmentCode != null && townshipCode != null) {
            throw new IllegalArgumentException("a report covers a department or a township, not both");
        }
    }

    public static ReportScope county(String countyCode) {
        return new ReportScope(countyCode, null, null);
    }

    /** One key per scope, for the notice register: {@code 530128}, {@code 530128/department:WATER}, {@code 530128/township:530128001}. */
    public String key() {
        return countyCode
                + (departmentCode != null
                        ? "/department:" + departmentCode
                        : townshipCode != null ? "/township:" + townshipCode : "");
    }

    /** The tickets to read from the store. */
    public TicketScope tickets(Catalog catalog) {
        return new TicketScope(
                countyCode,
                departmentCode == null
                        ? null
                        : catalog.itemsOf(departmentCode).stream()
                                .map(ServiceItem::code)
                                .collect(Collectors.toUnmodifiableSet()),
                townshipCode);
    }

    /** "禄劝彝族苗族自治县 · 水利" and the like, for titles. */
    public String describe(Catalog catalog, String countyName, String townshipName, Locale locale) {
        if (departmentCode != null) {
            return countyName + SEPARATOR + catalog.departmentName(departmentCode, locale);
        }
        if (townshipCode != null) {
            return countyName + SEPARATOR + (townshipName != null ? townshipName : townshipCode);
        }
        return countyName;
    }
}
