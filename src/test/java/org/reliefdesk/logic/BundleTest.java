package org.reliefdesk.logic;

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
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.StepState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.ServiceItem;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.report.OverduePdf;
import org.reliefdesk.store.Outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every key exists in both languages, and every key the code asks for exists. */
class BundleTest {

    private static final ResourceBundle ZH = new Texts(Texts.CHINESE).bundle();
    private static final ResourceBundle EN = new Texts(Locale.ENGLISH).bundle();

    /** The prefixes of keys the code builds at run time, each covered above by the values it is built from. */
    private static final Set<String> BUILT_PREFIXES = Set.of(
            "channel.",
            "conflicts.state.",
            "ladder.",
            "queue.",
            "queueName.",
            "reports.kind.",
            "role.",
            "status.",
            "stepState.",
            "sync.state.");

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

    /**
     * A message said with values goes through MessageFormat, where a lone apostrophe quotes
     * what follows and disappears ("the central stores answer"): there it is written ''. The
     * sign-in and sync refusals are always said with a wait in seconds, placeholder or not.
     */
    @Test
    void anApostropheSurvivesWhereAMessageIsFormatted() {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (ResourceBundle b : new ResourceBundle[] {ZH, EN}) {
            Set<String> broken = new TreeSet<>();
            for (String key : b.keySet()) {
                String v = b.getString(key);
                boolean formatted = v.contains("{") || key.startsWith("sync.auth.");
                if (formatted && lone.matcher(v).find()) {
                    broken.add(key + "=" + v);
                }
            }
            assertEquals(Set.of(), broken, "write the apostrophe as '' in " + b.getLocale());
        }
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
        for (Queue q : Queue.values()) {
            used.add("queueName." + q.name());
        }
        for (Outbox.State st : Outbox.State.values()) {
            used.add("conflicts.state." + st.name());
        }
        for (Outbox.TicketSync st : Outbox.TicketSync.values()) {
            used.add("sync.state." + st.name());
        }
        for (OverduePdf.Kind k : OverduePdf.Kind.values()) {
            used.add("reports.kind." + k.name());
        }
        // every rule the catalog names (an action's refusal, a step rule, a field's rule)
        used.addAll(catalogRuleKeys());
        // fieldName("x") looks up "field.x"; msg keys are used as they are.
        Set<String> missing = new TreeSet<>();
        for (String key : used) {
            if (!ZH.containsKey(key) && !ZH.containsKey("field." + key)) {
                missing.add(key);
            }
        }
        assertTrue(used.size() > 60, "scan found only " + used.size() + " keys");
        assertEquals(Set.of(), missing, "missing in messages_zh_CN (the other test keeps the languages equal)");
    }

    @Test
    void everyKeyBuiltAtRunTimeIsCoveredAbove() throws IOException {
        Set<String> built = new TreeSet<>();
        Pattern prefix = Pattern.compile("msg\\(\"([A-Za-z][\\w.]*\\.)\"\\s*\\+");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = prefix.matcher(Files.readString(f));
                while (m.find()) {
                    built.add(m.group(1));
                }
            }
        }
        assertTrue(built.size() >= 8, "scan found " + built);
        Set<String> uncovered = new TreeSet<>(built);
        uncovered.removeAll(BUILT_PREFIXES);
        assertEquals(Set.of(), uncovered, "a key built at run time: add the values it is built from to the test above");
    }

    @Test
    void catalogThingsInARefusalAreSaidInTheUsersLanguage() {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        InvalidFieldException e =
                new InvalidFieldException("action", "rule.workflow.department", catalog.namedDepartment("WATER"));
        String zh = new Texts(Texts.CHINESE).ruleText(e);
        String en = new Texts(Locale.ENGLISH).ruleText(e);
        assertTrue(zh.contains(catalog.departmentName("WATER", Texts.CHINESE)), zh);
        assertTrue(en.contains(catalog.departmentName("WATER", Locale.ENGLISH)), en);
        assertTrue(en.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), en);
    }

    private static Set<String> catalogRuleKeys() {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        Set<String> keys = new TreeSet<>();
        for (ServiceItem item : catalog.items()) {
            for (ActionDef a : catalog.workflowOf(item.code()).actions()) {
                if (a.rule() != null) {
                    keys.add(a.rule());
                }
                if (a.stepRule() != null) {
                    keys.add(a.stepRule());
                }
                catalog.form(a.form())
                        .ifPresent(f -> f.fields().forEach(fd -> {
                            if (fd.rule() != null) {
                                keys.add(fd.rule());
                            }
                        }));
            }
        }
        assertTrue(!keys.isEmpty(), "the catalog names rules");
        return keys;
    }
}
