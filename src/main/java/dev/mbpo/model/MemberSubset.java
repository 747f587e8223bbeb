package dev.mbpo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mbpo.nn.EnsembleMlp;

/**
 * Some members of a {@link DynamicsEnsemble} (usually its elites), copied once so that each
 * prediction is one batched pass over all of them: member i gets its own block of rows. A
 * planner that keeps one member per particle (trajectory sampling) makes one of these per
 * plan and sends every particle of every candidate through it at each planned step.
 *
 * <p>The copy is taken when this is made; a later training of the ensemble does not change it.
 * Runs on the session's trainer thread; close it to free its native memory.
 */
public final class MemberSubset implements AutoCloseable {
    private final DynamicsEnsemble ensemble;
    private final int[] members;
    private final NDManager manager;
    private final EnsembleMlp net;

    MemberSubset(DynamicsEnsemble ensemble, int[] members) {
        for (int m : members) {
            if (m < 0 || m >= ensemble.members()) {
                throw new IllegalArgumentException("member " + m + " of " + ensemble.members());
            }
        }
        this.ensemble = ensemble;
        this.members = members.clone();
        this.manager = ensemble.manager().newSubManager();
        this.net = ensemble.network().subset(this.members, manager);
    }

    /** The ensemble's member behind each block, in block order. */
    public int[] members() {
        return members.clone();
    }

    /**
     * Predictions for raw states and actions laid out in blocks: rows {@code [i * rowsPer, (i+1) * rowsPer)}
     * go through {@code members()[i]}.
     */
    public SampledPrediction predict(float[] obs, float[] actions, int rowsPer) {
        int blocks = members.length;
        int rows = blocks * rowsPer;
        int inDim = ensemble.obsDim() + ensemble.actDim();
        int outDim = ensemble.obsDim() + 1;
        float[] in = ensemble.normalisedInputs(obs, actions, rows);
        float[] mean = new float[rows * outDim];
        float[] lv = new float[rows * outDim];
        int chunk = Math.max(1, DynamicsEnsemble.PREDICT_CHUNK);
        for (int start = 0; start < rowsPer; start += chunk) {
            int b = Math.min(chunk, rowsPer - start);
            float[] x = new float[blocks * b * inDim];
            for (int i = 0; i < blocks; i++) {
                System.arraycopy(in, (i * rowsPer + start) * inDim, x, i * b * inDim, b * inDim);
            }
            float[] mu;
            float[] v;
            try (NDManager sub = manager.newSubManager()) {
                NDArray raw = net.forward(sub.create(x, new Shape(blocks, b, inDim)));
                NDList ml = ensemble.meanAndLogVar(raw);
                mu = ml.get(0).toFloatArray();
                v = ml.get(1).toFloatArray();
            }
            ensemble.toRawUnits(mu, v);
            for (int i = 0; i < blocks; i++) {
                System.arraycopy(mu, i * b * outDim, mean, (i * rowsPer + start) * outDim, b * outDim);
                System.arraycopy(v, i * b * outDim, lv, (i * rowsPer + start) * outDim, b * outDim);
            }
        }
        return new SampledPrediction(rows, outDim, mean, lv);
    }

    @Override
    public void close() {
        manager.close();
    }
}
