package org.reliefdesk.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.h2.engine.SysProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.store.LocalStore;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** H2 runs as {@link H2Settings} says in a program that applies them before it opens a store. */
class H2SettingsTest {

    @TempDir
    Path dir;

    /** As {@link Main} starts: the settings, then a local store; says the longest text H2 looks up to share. */
    public static void main(String[] args) {
        H2Settings.apply();
        LocalStore.open(Path.of(args[0]), LocalStore.AtClose.QUICK).close();
        System.out.print("longestShared=" + SysProperties.OBJECT_CACHE_MAX_PER_ELEMENT_SIZE);
    }

    @Test
    void aProgramThatAppliesTheSettingsFirstHasH2HashNoLongText() throws Exception {
        assertEquals("longestShared=100", child());
    }

    @Test
    void aValueGivenOnTheCommandLineWins() throws Exception {
        assertEquals("longestShared=4096", child("-D" + H2Settings.LONGEST_SHARED + "=4096"));
    }

    private String child(String... options) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(options));
        cmd.addAll(List.of(
                "-Dreliefdesk.logLevel=WARN",
                "-cp",
                System.getProperty("java.class.path"),
                H2SettingsTest.class.getName(),
                dir.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out.lines()
                .filter(l -> l.contains("longestShared="))
                .findFirst()
                .map(l -> l.substring(l.indexOf("longestShared=")))
                .orElse(out);
    }
}
