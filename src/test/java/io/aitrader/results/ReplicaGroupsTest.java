package io.aitrader.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The spread over replicas against hand-computed figures and Student's t quantiles as published (NIST/SEMATECH
 * e-Handbook of Statistical Methods, table 1.3.6.7.2, "Critical values of Student's t distribution": t(0.975, 2) =
 * 4.303, t(0.975, 4) = 2.776), the values commons-math's TDistribution gives to more digits.
 */
class ReplicaGroupsTest {

    @Test
    void threeReplicasGiveTheirMeanSampleDeviationAndTheTInterval() {
        ReplicaGroups.Spread s = ReplicaGroups.Spread.of(List.of(1.0, 2.0, 6.0));
        assertEquals(3.0, s.mean());
        // deviations −2, −1, 3: squares 14 over n − 1 = 2 → √7
        assertEquals(PerformanceReport.round4(Math.sqrt(7)), s.stdev());
        double half = 4.303 * Math.sqrt(7) / Math.sqrt(3);
        assertEquals(3.0 - half, s.ci95().get(0), 0.001);
        assertEquals(3.0 + half, s.ci95().get(1), 0.001);
    }

    @Test
    void fiveReplicasUseFourDegreesOfFreedom() {
        ReplicaGroups.Spread s = ReplicaGroups.Spread.of(Arrays.asList(10.0, 12.0, 11.0, 9.0, 13.0, null));
        assertEquals(11.0, s.mean());
        assertEquals(PerformanceReport.round4(Math.sqrt(2.5)), s.stdev()); // squares 10 over 4
        assertEquals(11.0 + 2.776 * Math.sqrt(2.5) / Math.sqrt(5), s.ci95().get(1), 0.001);
    }

    @Test
    void oneValueHasAMeanButNoSpreadAndNoneHasNothing() {
        ReplicaGroups.Spread one = ReplicaGroups.Spread.of(List.of(4.0));
        assertEquals(4.0, one.mean());
        assertNull(one.stdev());
        assertNull(one.ci95());
        assertNull(ReplicaGroups.Spread.of(Arrays.asList((Double) null)).mean());
    }

    @Test
    void intervalsOverlapWhenNeitherLiesWhollyAboveTheOther() {
        ReplicaGroups.Spread a = new ReplicaGroups.Spread(5.0, 1.0, List.of(4.0, 6.0));
        assertTrue(a.overlaps(new ReplicaGroups.Spread(3.0, 1.0, List.of(2.0, 4.0))));
        assertFalse(a.overlaps(new ReplicaGroups.Spread(2.0, 1.0, List.of(1.0, 3.9))));
        assertFalse(a.overlaps(new ReplicaGroups.Spread(2.0, null, null)));
    }
}
