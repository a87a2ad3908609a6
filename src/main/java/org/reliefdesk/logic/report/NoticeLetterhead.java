package org.reliefdesk.logic.report;

import java.util.regex.Pattern;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.PhoneNumber;

/**
 * How an office's supervision notices are headed and signed (GB/T 9704): the issuing office
 * (发文机关), its abbreviation in the notice number (发文机关代字: 救助督〔2021〕12 号), the working
 * days the recipient has to reply, the contact person and telephone, and to whom a copy goes
 * (抄送). Blank fields take the defaults of {@link #resolved}; a blank contact prints as a line.
 */
public record NoticeLetterhead(
        String issuer, String agency, int replyDays, String contact, String phone, String copyTo) {

    public static final int MAX_REPLY_DAYS = 30;
    private static final Pattern AGENCY = Pattern.compile("[^0-9〔〕\\[\\]()（）\\s]{1,20}");

    public static NoticeLetterhead defaults() {
        return new NoticeLetterhead(null, null, 3, null, null, null);
    }

    /** @throws InvalidFieldException naming the field and the rule */
    public NoticeLetterhead checked() {
        length("letterhead.issuer", issuer, 100);
        if (agency != null
                && !agency.isBlank()
                && !AGENCY.matcher(agency.strip()).matches()) {
            throw new InvalidFieldException("letterhead.agency", "rule.letterhead.agency", 20);
        }
        if (replyDays < 1 || replyDays > MAX_REPLY_DAYS) {
            throw new InvalidFieldException("letterhead.replyDays", "rule.range", 1, MAX_REPLY_DAYS);
        }
        length("letterhead.contact", contact, 40);
        if (phone != null && !phone.isBlank()) {
            PhoneNumber.validate("letterhead.phone", phone);
        }
        length("letterhead.copyTo", copyTo, 200);
        return new NoticeLetterhead(
                blankToNull(issuer),
                blankToNull(agency),
                replyDays,
                blankToNull(contact),
                blankToNull(phone),
                blankToNull(copyTo));
    }

    /**
     * With the defaults filled in, in the report's language: the county's task force, the leader in
     * charge. The abbreviation stays {@code null} when it is the default: a notice is issued under
     * none of its own, and {@link #agencyIn} says it in the language of whoever prints or lists it.
     */
    public NoticeLetterhead resolved(String countyName, Texts texts) {
        return new NoticeLetterhead(
                issuer != null ? issuer : texts.msg("report.notice.issuer", countyName),
                agency,
                replyDays,
                contact,
                phone,
                copyTo != null ? copyTo : texts.msg("report.notice.copyToDefault"));
    }

    /**
     * A notice number as written under the header: 救助督〔2021〕12号. A {@code null} agency is the
     * default abbreviation, said in {@code texts}' language (a notice issued under the default
     * keeps none of its own, so one made in English does not print "Relief Supervision" in Chinese).
     */
    public static String number(Texts texts, String agency, int year, int serial) {
        return texts.msg("report.notice.number", agencyIn(agency, texts), String.valueOf(year), String.valueOf(serial));
    }

    /** This letterhead's abbreviation as printed in {@code texts}' language (救助督 for the default). */
    public String agencyIn(Texts texts) {
        return agencyIn(agency, texts);
    }

    private static String agencyIn(String agency, Texts texts) {
        return agency != null ? agency : texts.msg("report.notice.agency");
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidFieldException(
                    field, "rule.form.maxLength", max, value.strip().length());
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
