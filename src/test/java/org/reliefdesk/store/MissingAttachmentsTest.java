package org.reliefdesk.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Missed attachments wait 5 minutes, then twice as long each time, at most a day; a fetched one is forgotten. */
class MissingAttachmentsTest {

    private static final String PHOTO = "a".repeat(64) + ".jpg";
    private static final String FORM = "b".repeat(64) + ".pdf";
    private static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eachMissWaitsTwiceAsLongAtMostADayAndAFetchEndsIt() {
        assertEquals(Duration.ofMinutes(5), MissingAttachments.wait(1));
        assertEquals(Duration.ofMinutes(10), MissingAttachments.wait(2));
        assertEquals(Duration.ofMinutes(640), MissingAttachments.wait(8));
        assertEquals(Duration.ofMinutes(1280), MissingAttachments.wait(9));
        assertEquals(Duration.ofDays(1), MissingAttachments.wait(10), "5 min × 512 is more than a day");
        assertEquals(Duration.ofDays(1), MissingAttachments.wait(60), "no overflow however many tries");
        try (LocalStore store = LocalStore.open(dir)) {
            MissingAttachments missing = store.missingAttachments();
            missing.tried(List.of(PHOTO, FORM), List.of(), T0);
            assertEquals(List.of(), missing.due(T0.plusSeconds(299), 10));
            assertEquals(
                    List.of(PHOTO, FORM),
                    missing.due(T0.plusSeconds(300), 10).stream().sorted().toList());
            assertEquals(1, missing.due(T0.plusSeconds(300), 1).size(), "at most as many as asked");
            missing.tried(List.of(PHOTO), List.of(FORM), T0.plusSeconds(300));
            assertEquals(2, missing.attempts(PHOTO));
            assertEquals(0, missing.attempts(FORM), "fetched: forgotten");
            assertEquals(List.of(), missing.due(T0.plusSeconds(300 + 599), 10));
            assertEquals(List.of(PHOTO), missing.due(T0.plusSeconds(300 + 600), 10));
        }
    }
}
