package dev.mbpo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The SAC plot's line on the critic: Q at the start states against the discounted return got. */
class SacViewTest {

    @Test
    void theCriticCheckShowsBothValuesAndTheirRatio() {
        assertEquals("critic at the start states: Q = 335.4, discounted return got = 119.8 (x2.80)",
                SacView.criticCheck(335.43, 119.8));
        assertEquals("critic at the start states: Q = -0.0, discounted return got = 66.0",
                SacView.criticCheck(-0.034, 66.0), "no ratio when Q is not positive");
        assertEquals("critic at the start states: Q = -150.0, discounted return got = -120.0",
                SacView.criticCheck(-150.0, -120.0), "no ratio for negative returns (Pendulum)");
        assertEquals("", SacView.criticCheck(Double.NaN, 1.0));
        assertEquals("", SacView.criticCheck(null, 1.0));
    }
}
