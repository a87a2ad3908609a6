package org.reliefdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.reliefdesk.central.CentralStore;
import org.reliefdesk.logic.i18n.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code central check}: every ticket the store keeps, read as a PC reads a pulled one; each that
 * fails is named by its row (number, id, county) with the rule, in the administrator's language.
 * Exit code 1 when any fails, so a script run after an upgrade or a restore can tell.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "List the tickets this store keeps that a PC cannot store (it sets them aside when it pulls them),"
                    + " with the rule each breaks: every ticket is checked as a PC checks a pulled one.",
            "Safe while the store's servers run (on PostgreSQL): it only reads."
        })
final class CentralCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CentralCommand central = (CentralCommand) spec.parent().userObject();
        Texts texts = central.options.texts();
        PrintWriter out = spec.commandLine().getOut();
        AtomicLong unfit = new AtomicLong();
        try (CentralStore store = central.open()) {
            long checked = store.fitCheck().run(u -> {
                unfit.incrementAndGet();
                out.println(texts.msg(
                        "central.check.unfit", u.ticketNo(), u.id(), u.countyCode(), texts.describe(u.why())));
            });
            out.println(texts.msg("central.check.done", checked, unfit.get()));
        }
        return unfit.get() == 0 ? 0 : 1;
    }
}
