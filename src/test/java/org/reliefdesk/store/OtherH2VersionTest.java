package org.reliefdesk.store;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reliefdesk.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data directory whose database another H2 version wrote (files made by H2 1.4.200 and 2.1.214)
 * is recognised: a clear message, never a crash, and the file is left exactly as it was.
 */
class OtherH2VersionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2-1.4.200.mv.db", "h2-2.1.214.mv.db"})
    void aDatabaseOfAnotherH2VersionIsRecognisedAndLeftAlone(String file) throws Exception {
        Path db = dir.resolve("db").resolve("reliefdesk.mv.db");
        Files.createDirectories(db.getParent());
        try (InputStream in = OtherH2VersionTest.class.getResourceAsStream("/h2-other-versions/" + file)) {
            Files.copy(in, db);
        }
        byte[] before = Files.readAllBytes(db);
        IncompatibleDatabaseException e = assertThrows(IncompatibleDatabaseException.class, () -> LocalStore.open(dir));
        assertEquals(db.toAbsolutePath(), e.path());
        assertTrue(e.getMessage().contains(LocalStore.H2_VERSION), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db), "not a byte changed");

        CliRun cli = CliRun.of(
                "import",
                "--data-dir",
                dir.toString(),
                "--file",
                Path.of("sample-data", "luquan-2021-11-23.jsonl").toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("另一个版本的 H2") && cli.err().contains("2.5.252"), cli.err());
        assertArrayEquals(before, Files.readAllBytes(db));
    }
}
