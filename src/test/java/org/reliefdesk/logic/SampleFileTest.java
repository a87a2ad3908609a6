package org.reliefdesk.logic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FieldType;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The history shows a text after its field's label: a text that repeats the label reads "情况描述：情况描述：…". */
    @Test
    void noSampleTextRepeatsItsFieldsLabel() {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        int texts = 0;
        for (TicketHistory h :
                new SampleGenerator(catalog).generate(SampleGenerator.DEFAULT_SEED, LocalDate.of(2021, 11, 23), 300)) {
            for (TicketEvent e : h.events()) {
                FormDef form =
                        catalog.formOfEvent(h.ticket().itemCode(), e.action()).orElse(null);
                if (form == null) {
                    continue;
                }
                for (FieldDef f : form.fields()) {
                    if (f.type() == FieldType.LONG_TEXT && e.formData().get(f.code()) instanceof String text) {
                        texts++;
                        String label = f.label(Locale.SIMPLIFIED_CHINESE).replaceAll("（.*）", "");
                        assertFalse(text.startsWith(label), f.code() + ": " + text);
                    }
                }
            }
        }
        assertTrue(texts > 100, "long texts were looked at: " + texts);
    }
}
