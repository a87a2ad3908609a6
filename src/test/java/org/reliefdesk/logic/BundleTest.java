package org.reliefdesk.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.StepState;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.logic.clock.TicketClock;

/** Every key exists in both languages, and every key the code asks for exists. */
class BundleTest {

    private static final ResourceBundle ZH = new Texts(Texts.CHINESE).bundle();
    private static final ResourceBundle EN = new Texts(Locale.ENGLISH).bundle();

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        Set<String> zh = new TreeSet<>(ZH.keySet());
        Set<String> en = new TreeSet<>(EN.keySet());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, "keys missing in messages_en");
        assertEquals(Set.of(), onlyEn, "keys missing in messages_zh_CN");
        assertTrue(ZH.getString("app.title").contains("救助工作台"));
    }

    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("(?:msg|fieldName)\\(\"([A-Za-z][\\w.]*)\"|\"((?:rule|field)\\.[\\w.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!key.endsWith(".")) {
                        used.add(key);
                    }
                }
            }
        }
        // Keys built from enum names.
        for (Queue q : Queue.values()) {
            used.add("queue." + q.name());
        }
        for (Role r : Role.values()) {
            used.add("role." + r.name());
        }
        for (TicketStatus s : TicketStatus.values()) {
            used.add("status." + s.name());
        }
        for (IntakeChannel c : IntakeChannel.values()) {
            used.add("channel." + c.name());
        }
        for (LadderState l : LadderState.values()) {
            used.add("ladder." + l.name());
        }
        used.add("ladder." + TicketClock.FOLLOW_UP_PENDING);
        used.add("ladder." + TicketClock.FOLLOW_UP_OVERDUE);
        for (StepState st : StepState.values()) {
            used.add("stepState." + st.name());
        }
        // fieldName("x") looks up "field.x"; msg keys are used as they are.
        Set<String> missing = new TreeSet<>();
        for (String key : used) {
            if (!ZH.containsKey(key) && !ZH.containsKey("field." + key)) {
                missing.add(key);
            }
        }
        assertTrue(used.size() > 60, "scan found only " + used.size() + " keys");
        assertEquals(Set.of(), missing);
    }
}
