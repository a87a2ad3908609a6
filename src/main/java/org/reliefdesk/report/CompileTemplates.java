package org.reliefdesk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import org.slf4j.LoggerFactory;

/**
 * Build step (run by Maven in process-classes): compiles every JRXML template in {@code reports/}
 * to a {@code .jasper} file on the class path, so the installed application — a runtime image
 * without a Java compiler — only loads and fills them.
 */
public final class CompileTemplates {

    private CompileTemplates() {}

    public static void main(String[] args) throws IOException, JRException {
        Path from = Path.of(args[0]);
        Path to = Path.of(args[1]);
        Files.createDirectories(to);
        List<Path> templates;
        try (Stream<Path> files = Files.list(from)) {
            templates =
                    files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path jrxml : templates) {
            String name = jrxml.getFileName().toString().replace(".jrxml", ".jasper");
            JasperCompileManager.compileReportToFile(
                    jrxml.toString(), to.resolve(name).toString());
        }
        LoggerFactory.getLogger(CompileTemplates.class)
                .info("Compiled {} report templates into {}", templates.size(), to);
    }
}
