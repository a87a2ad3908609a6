package org.reliefdesk.central;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyDerivationsTest {

    @Test
    void aSignInWaitsOnlyWhileItsAnswerIsExpectedWithinTheBudgetThenIsToldToComeBack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (KeyDerivations pool = new KeyDerivations()) {
            List<CompletableFuture<Integer>> admitted = new ArrayList<>();
            KeyDerivations.Busy busy = null;
            for (int i = 0; i < KeyDerivations.QUEUE * 2 && busy == null; i++) {
                int n = i;
                try {
                    admitted.add(pool.submit(() -> {
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return n;
                    }));
                } catch (KeyDerivations.Busy b) {
                    busy = b;
                }
            }
            assertTrue(busy != null, "a sign-in beyond the budget is refused at once (429), not queued");
            int threads = Runtime.getRuntime().availableProcessors();
            int queued = admitted.size() - threads;
            assertTrue(queued < KeyDerivations.QUEUE, "the budget, not the hard cap, refused it: " + queued);
            assertTrue(pool.expectedWaitMs(queued - 1) <= KeyDerivations.WAIT_BUDGET_MS);
            assertTrue(pool.expectedWaitMs(queued) > KeyDerivations.WAIT_BUDGET_MS);
            assertThrows(KeyDerivations.Busy.class, () -> pool.submit(() -> 0), "still full");

            release.countDown();
            for (int i = 0; i < admitted.size(); i++) {
                assertEquals(i, admitted.get(i).get(30, TimeUnit.SECONDS), "every admitted sign-in is answered");
            }
            assertEquals(-1, pool.submit(() -> -1).get(30, TimeUnit.SECONDS), "and the pool takes sign-ins again");
        }
    }
}
