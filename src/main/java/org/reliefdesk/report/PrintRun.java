package org.reliefdesk.report;

import java.time.LocalDate;

import org.reliefdesk.logic.report.NoticeLetterhead;
import org.reliefdesk.logic.report.NoticeRegister;
import org.reliefdesk.logic.report.OverdueReport;

/**
 * What a printed report needs beside the report itself: the same scope counted at the previous
 * period (the 通报's comparison), the office's letterhead with its defaults filled in, the day by
 * which a notice must be answered (working days after issue), and the register that numbers
 * notices.
 */
public record PrintRun(
        OverdueReport report,
        OverdueReport previous,
        NoticeLetterhead letterhead,
        LocalDate replyBy,
        NoticeRegister register) {}
