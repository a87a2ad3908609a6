package org.reliefdesk.gui.common;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.PlaceDirectory;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.User;

/** How a person is named on screen: their name, role and where they work. */
public final class People {

    private People() {}

    /** "李水清 · 县级部门经办人 · 水务局". */
    public static String describe(User u, Texts texts, Catalog catalog, PlaceDirectory places) {
        return texts.msg(
                "signIn.userLine",
                u.displayName(),
                texts.msg("role." + u.role().name()),
                scope(u, texts, catalog, places));
    }

    /** The department, township or county a person works for. */
    public static String scope(User u, Texts texts, Catalog catalog, PlaceDirectory places) {
        return u.departmentCode() != null
                ? catalog.departmentName(u.departmentCode(), texts.locale())
                : places.name(u.townshipCode() != null ? u.townshipCode() : u.countyCode());
    }
}
