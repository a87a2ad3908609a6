package org.reliefdesk.logic.catalog;

import java.util.Locale;

/** A code with its Chinese and English labels, as the catalog lists steps and actions. */
public record Label(String code, String zh, String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
