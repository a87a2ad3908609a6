package org.reliefdesk.logic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.SampleGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed sample file is exactly what the generator makes for its date. */
class SampleFileTest {

    @Test
    void committedSampleMatchesTheGenerator() throws IOException {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        TicketLineCodec codec = new TicketLineCodec(catalog);
        List<String> expected = new SampleGenerator(catalog)
                        .generate(
                                SampleGenerator.DEFAULT_SEED, LocalDate.of(2021, 11, 23), SampleGenerator.DEFAULT_COUNT)
                        .stream()
                        .map(codec::write)
                        .toList();
        List<String> committed =
                Files.readAllLines(Path.of("sample-data/luquan-2021-11-23.jsonl"), StandardCharsets.UTF_8);
        assertEquals(expected.size(), committed.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), committed.get(i), "line " + (i + 1));
        }
    }
}
