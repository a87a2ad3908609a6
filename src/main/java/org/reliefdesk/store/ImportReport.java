package org.reliefdesk.store;

import java.util.List;

import org.reliefdesk.logic.interchange.LineRejectedException;

/** What an import did: tickets added, tickets already present, and lines refused. */
public record ImportReport(int imported, int skipped, List<LineRejectedException> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }
}
