package dev.mbpo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EpochNumbersTest {
    @Test
    void epochKHoldsStepsUpToKTimesTheEpochLengthAsTheCheckpointsDo() {
        assertEquals(0, EpochNumbers.of(0, 1000));
        assertEquals(1, EpochNumbers.of(1, 1000));
        assertEquals(1, EpochNumbers.of(1000, 1000), "checkpoint epoch-0001 is written at step 1,000");
        assertEquals(2, EpochNumbers.of(1001, 1000));
        assertEquals("epoch -", EpochNumbers.ofStep(0, 1000, 2000));
        assertEquals("epoch 2 of 2", EpochNumbers.ofStep(1500, 1000, 2000));
        assertEquals("epoch 3 of 3", EpochNumbers.ofStep(2500, 1000, 2500), "a last, shorter epoch counts");
    }
}
