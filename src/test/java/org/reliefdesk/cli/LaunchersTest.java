package org.reliefdesk.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installers' three launchers (jpackage/): the workbench's runs C1 only, the central store's
 * keeps both compilers and starts the {@code central} command, and the central command says so
 * when it is started with C1 only.
 */
class LaunchersTest {

    private static Properties launcher(String file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("jpackage", file), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theWorkbenchRunsC1OnlyAndTheCentralStoreKeepsBothCompilers() throws Exception {
        String image = Files.readString(Path.of("jpackage", "image.args"), StandardCharsets.UTF_8);
        assertTrue(image.contains("--java-options \"-Xmx2g -Dfile.encoding=UTF-8 -XX:TieredStopAtLevel=1\""), image);
        assertTrue(image.contains("--add-launcher reliefdesk-central=jpackage/central-launcher.properties"), image);

        Properties central = launcher("central-launcher.properties");
        assertFalse(central.getProperty("java-options").contains("TieredStopAtLevel"), central.toString());
        assertEquals("true", central.getProperty("win-console"));
        Class<?> main = Class.forName(central.getProperty("main-class"));
        assertEquals("org.reliefdesk.app.CentralMain", main.getName());
        main.getMethod("main", String[].class);
    }

    @Test
    void theCentralCommandNamesTheOptionThatLeavesTheOptimizingCompilerOut() {
        assertEquals(
                Optional.of("-XX:TieredStopAtLevel=1"),
                CentralCommand.quickCompilerOnly(
                        List.of("-Xmx2g", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8")));
        assertEquals(Optional.empty(), CentralCommand.quickCompilerOnly(List.of("-Xmx2g", "-XX:TieredStopAtLevel=4")));
        assertEquals(Optional.empty(), CentralCommand.quickCompilerOnly(List.of("-Xmx2g", "-XX:-TieredCompilation")));
    }
}
