package org.reliefdesk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a headless command as a user would and keeps what it printed and its exit code. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReliefDeskCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
