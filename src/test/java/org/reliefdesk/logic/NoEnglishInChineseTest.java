package org.reliefdesk.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.i18n.Texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nothing a zh-CN user reads is in English: the Chinese bundle and every Chinese catalog label. */
class NoEnglishInChineseTest {

    /** An English word of three letters or more; codes and abbreviations clerks use are allowed below. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3,}");

    private static final List<String> ALLOWED = List.of(
            "ReliefDesk",
            "Ctrl",
            "Esc",
            "JSON",
            "ISO",
            "UUID",
            "GB",
            "PDF",
            "JPEG",
            "PNG",
            "GIF",
            "BMP",
            "Excel",
            "RELIEFDESK_PASSWORD",
            "http",
            "https",
            "HTTP",
            "UTF-8",
            "GBK"); // product names, key caps, standards, file kinds, text encodings as Notepad names them, the
    // environment
    // variable typed as is

    private static boolean english(String text) {
        String rest = text;
        for (String ok : ALLOWED) {
            rest = rest.replace(ok, "");
        }
        // Placeholders such as {0,number,#} are not text.
        rest = rest.replaceAll("\\{[^}]*}", "");
        return ENGLISH.matcher(rest).find();
    }

    @Test
    void theChineseBundleHasNoEnglish() {
        ResourceBundle zh = new Texts(Texts.CHINESE).bundle();
        List<String> found = new ArrayList<>();
        for (String key : zh.keySet()) {
            if (english(zh.getString(key))) {
                found.add(key + "=" + zh.getString(key));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyChineseCatalogLabelIsChinese() {
        Catalog c = CatalogLoader.loadBuiltIn();
        List<String> found = new ArrayList<>();
        c.departments().forEach(d -> check(found, d.code(), d.nameZh()));
        c.items().forEach(i -> check(found, i.code(), i.nameZh()));
        c.steps().forEach(l -> check(found, l.code(), l.zh()));
        for (var wf :
                c.items().stream().map(i -> c.workflowOf(i.code())).distinct().toList()) {
            wf.actions().forEach(a -> check(found, a.code(), c.actionName(a.code(), Texts.CHINESE)));
            wf.actions().forEach(a -> c.form(a.form()).ifPresent(f -> fields(found, c, f.fields())));
        }
        c.items().forEach(i -> fields(found, c, c.applicationFormOf(i.code()).fields()));
        assertEquals(List.of(), found);
    }

    private static void fields(List<String> found, Catalog c, List<FieldDef> fields) {
        for (FieldDef f : fields) {
            check(found, f.code(), f.zh());
            if (f.options() != null) {
                f.options().forEach(o -> check(found, o.code(), o.zh()));
            }
            if (f.list() != null) {
                c.list(f.list()).orElseThrow().entries().forEach(o -> check(found, o.code(), o.zh()));
            }
            if (f.fields() != null) {
                fields(found, c, f.fields());
            }
        }
    }

    private static void check(List<String> found, String code, String zh) {
        if (english(zh)) {
            found.add(code + "=" + zh);
        }
    }
}
