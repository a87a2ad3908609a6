package org.reliefdesk.gui.dashboard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountScaleTest {

    @Test
    void nothingCountedIsZeroToOneInWholeSteps() {
        assertEquals(new CountScale(1, 1), CountScale.of(0));
    }

    @Test
    void smallCountsGoUpOneByOne() {
        assertEquals(new CountScale(3, 1), CountScale.of(3));
        assertEquals(new CountScale(5, 1), CountScale.of(5));
        assertEquals(new CountScale(8, 2), CountScale.of(7));
    }

    @Test
    void largerCountsTakeStepsOfOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(new CountScale(60, 20), CountScale.of(57));
        assertEquals(new CountScale(2500, 500), CountScale.of(2400));
        assertEquals(new CountScale(100_000, 20_000), CountScale.of(100_000));
    }

    @Test
    void everyScaleHoldsItsLargestCountInAFewWholeSteps() {
        for (long n = 0; n <= 200_000; n += n < 1000 ? 1 : 997) {
            CountScale s = CountScale.of(n);
            assertTrue(s.upper() >= n, n + " fits");
            assertEquals(0, s.upper() % s.step(), n + ": the top is a step");
            long steps = s.upper() / s.step();
            assertTrue(steps >= 1 && steps <= CountScale.STEPS, n + ": " + steps + " steps");
            String digits = Long.toString(s.step()).replaceAll("0+$", "");
            assertTrue(digits.equals("1") || digits.equals("2") || digits.equals("5"), n + ": step " + s.step());
        }
    }
}
