package org.reliefdesk.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The county's names from the central store: what no column can hold is left out, the rest kept; a new list replaces the old. */
class PeopleTest {

    @TempDir
    Path dir;

    @Test
    void namesTooLongOrMissingAreLeftOutAndANewListReplacesTheOld() {
        try (LocalStore store = LocalStore.open(dir)) {
            int kept = store.people()
                    .replace(Arrays.asList(
                            new People.Person("township.530128002", " 马云川 "),
                            new People.Person("x".repeat(65), "太长的账号"),
                            new People.Person("long.name", "名".repeat(101)),
                            new People.Person("blank", " "),
                            new People.Person(null, "无账号"),
                            null));
            assertEquals(1, kept);
            assertEquals(Map.of("township.530128002", "马云川"), store.people().names());
            store.people().replace(List.of(new People.Person("health.clerk", "李康宁")));
            assertEquals(Map.of("health.clerk", "李康宁"), store.people().names(), "replaced, not added to");
        }
    }
}
