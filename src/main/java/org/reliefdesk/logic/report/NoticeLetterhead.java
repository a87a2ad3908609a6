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

    /** With the defaults filled in, in the report's language: the county's task force, 救助督, the leader in charge. */
    public NoticeLetterhead resolved(String countyName, Texts texts) {
        return new NoticeLetterhead(
                issuer != null ? issuer : texts.msg("report.notice.issuer", countyName),
                agency != null ? agency : texts.msg("report.notice.agency"),
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
        return texts.msg(
                "report.notice.number",
                agency != null ? agency : texts.msg("report.notice.agency"),
                String.valueOf(year),
                String.valueOf(serial));
    }

    /** The abbreviation a notice is issued under: {@code null} for the default, whatever its language. */
    public static String issuedAgency(String resolvedAgency, Texts texts) {
        return texts.msg("report.notice.agency").equals(resolvedAgency) ? null : resolvedAgency;
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
