package dev.mbpo.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.mbpo.nn.Engines;
import dev.mbpo.nn.ProcessMemory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MemberSubsetTest {

    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    @Test
    void eachBlockGoesThroughItsMemberExactlyAsThatMemberAlonePredicts() {
        SplittableRandom r = new SplittableRandom(4);
        try (NDManager m = NDManager.newBaseManager();
             DynamicsEnsemble e = new DynamicsEnsemble(DynamicsEnsembleTest.small(30, 5), 2, 1, 7, m)) {
            new EnsembleTrainer(e).train(DynamicsEnsembleTest.linearSystem(600, 0.01, r), r, ep -> { }, () -> false);
            int[] members = {3, 0, 4};
            int rowsPer = 1100; // more than one prediction chunk
            int rows = members.length * rowsPer;
            float[] obs = new float[rows * 2];
            float[] act = new float[rows];
            int[] memberOfRow = new int[rows];
            for (int i = 0; i < rows; i++) {
                obs[2 * i] = (float) r.nextDouble(-1, 1);
                obs[2 * i + 1] = (float) r.nextDouble(-1, 1);
                act[i] = (float) r.nextDouble(-1, 1);
                memberOfRow[i] = members[i / rowsPer];
            }
            SampledPrediction expected = e.predictSampled(obs, act, rows, memberOfRow);
            try (MemberSubset s = e.subset(members)) {
                SampledPrediction got = s.predict(obs, act, rowsPer);
                assertArrayEquals(expected.mean(), got.mean(), 1e-4f);
                assertArrayEquals(expected.logVar(), got.logVar(), 1e-4f);
            }
        }
    }

    @Test
    void closingASubsetFreesItsCopiesAndLeavesNothingOnTheEnsemble() {
        try (NDManager m = NDManager.newBaseManager();
             DynamicsEnsemble e = new DynamicsEnsemble(DynamicsEnsembleTest.small(1, 5), 2, 1, 7, m)) {
            float[] obs = new float[20];
            float[] act = new float[10];
            try (MemberSubset s = e.subset(e.elites())) {
                s.predict(obs, act, 10 / 3);
            }
            long before = ProcessMemory.liveArrays(m);
            for (int i = 0; i < 20; i++) {
                try (MemberSubset s = e.subset(e.elites())) {
                    s.predict(obs, act, 3);
                }
            }
            assertEquals(before, ProcessMemory.liveArrays(m), "arrays left behind by 20 subsets");
        }
    }
}
