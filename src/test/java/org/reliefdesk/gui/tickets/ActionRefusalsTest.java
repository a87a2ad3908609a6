package org.reliefdesk.gui.tickets;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.i18n.Texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A ticket's refused actions read once per reason, not once per action. */
class ActionRefusalsTest {

    @Test
    void actionsRefusedForOneReasonShareItsLine() {
        ActionRefusals why = new ActionRefusals();
        why.add("受理", "平台尚未派单");
        why.add("退回", "平台尚未派单");
        why.add("转办", "只有县级部门经办人可以转办");
        why.add("补充材料", "平台尚未派单");
        assertEquals("受理、退回、补充材料：平台尚未派单\n转办：只有县级部门经办人可以转办", why.text(new Texts(Texts.CHINESE)));
    }

    @Test
    void inEnglishTheNamesAreJoinedWithCommas() {
        ActionRefusals why = new ActionRefusals();
        why.add("Accept", "not dispatched yet");
        why.add("Reject", "not dispatched yet");
        assertEquals("Accept, Reject: not dispatched yet", why.text(new Texts(Locale.ENGLISH)));
    }

    @Test
    void noRefusalIsNoText() {
        assertEquals("", new ActionRefusals().text(new Texts(Texts.CHINESE)));
    }
}
