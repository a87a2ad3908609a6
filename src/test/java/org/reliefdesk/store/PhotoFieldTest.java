package org.reliefdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 现场照片 takes pictures only, told by their content; a document renamed .jpg is refused before anything is copied in. */
class PhotoFieldTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @TempDir
    Path dir;

    @Test
    void aDocumentNamedLikeAPhotoIsRefusedAndNothingIsCopiedIn() throws IOException {
        List<FieldDef> fields = CATALOG.form("water_verify").orElseThrow().fields();
        assertEquals(
                FieldDef.Accept.IMAGE,
                fields.stream()
                        .filter(f -> f.code().equals("photos"))
                        .findFirst()
                        .orElseThrow()
                        .accept());
        Path photo = Files.write(dir.resolve("site.png"), PNG);
        Path renamed = Files.writeString(dir.resolve("site.jpg"), "会议记录");
        AttachmentStore store = new AttachmentStore(dir.resolve("data"));

        InvalidFieldException e = assertThrows(
                InvalidFieldException.class,
                () -> store.storeAll(fields, Map.of("photos", List.of(photo.toString(), renamed.toString()))));
        assertEquals("photos", e.field());
        assertEquals("rule.form.notImage", e.rule());
        assertEquals(0, filesUnder(dir.resolve("data")), "nothing was copied in");

        Map<String, Object> stored = store.storeAll(fields, Map.of("photos", List.of(photo.toString())));
        assertEquals(1, ((List<?>) stored.get("photos")).size());
        assertEquals(1, filesUnder(dir.resolve("data")));
    }

    private static long filesUnder(Path d) throws IOException {
        if (!Files.exists(d)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(d)) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
