package org.reliefdesk.gui.session;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.users.PasswordHash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The locked window opens with the person's own password, checked on this PC; a demo user without one needs none. */
class UnlockViewModelTest {

    @TempDir
    Path dir;

    @Test
    void thePasswordLastAcceptedOpensItAndAnyOtherIsRefused() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 20)) {
            w.store.syncFacts().rememberPassword("water.clerk", PasswordHash.hash("水务2026!".toCharArray()));
            UnlockViewModel vm = new UnlockViewModel(w, DemoUsers.WATER_CLERK);
            assertFalse(vm.needsNoPassword(), "a password was accepted for this person here");
            AtomicInteger unlocked = new AtomicInteger();

            vm.unlock("水务2025!".toCharArray(), unlocked::incrementAndGet);
            assertEquals(0, unlocked.get());
            assertEquals("密码不正确", vm.refusalProperty().get());

            vm.unlock("水务2026!".toCharArray(), unlocked::incrementAndGet);
            assertEquals(1, unlocked.get());
            assertEquals("", vm.refusalProperty().get());
        }
    }

    @Test
    void aDemoUserWhoNeverTypedAPasswordUnlocksWithoutOne() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 20)) {
            UnlockViewModel vm = new UnlockViewModel(w, DemoUsers.LEADER);
            assertTrue(vm.needsNoPassword());
            AtomicInteger unlocked = new AtomicInteger();
            vm.unlock(new char[0], unlocked::incrementAndGet);
            assertEquals(1, unlocked.get());
        }
    }
}
