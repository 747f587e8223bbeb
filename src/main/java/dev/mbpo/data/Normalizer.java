package dev.mbpo.data;

/**
 * Per-column standardisation (x - mean) / std fitted on a block of rows, as MBPO's
 * scaler: columns with (near) zero spread keep std 1.
 */
public final class Normalizer {
    private final int dim;
    private final float[] mean;
    private final float[] std;

    public Normalizer(int dim) {
        this.dim = dim;
        this.mean = new float[dim];
        this.std = new float[dim];
        java.util.Arrays.fill(std, 1f);
    }

    /** Fits to {@code rows} rows of width {@link #dim()} in row-major {@code data}. */
    public void fit(float[] data, int rows) {
        double[] sum = new double[dim];
        double[] sq = new double[dim];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < dim; c++) {
                double v = data[r * dim + c];
                sum[c] += v;
                sq[c] += v * v;
            }
        }
        for (int c = 0; c < dim; c++) {
            double m = rows > 0 ? sum[c] / rows : 0;
            double var = rows > 0 ? Math.max(0, sq[c] / rows - m * m) : 1;
            double s = Math.sqrt(var);
            mean[c] = (float) m;
            std[c] = s < 1e-12 ? 1f : (float) s;
        }
    }

    /** Normalises rows in place. */
    public void apply(float[] data, int rows) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < dim; c++) {
                int i = r * dim + c;
                data[i] = (data[i] - mean[c]) / std[c];
            }
        }
    }

    public int dim() {
        return dim;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    /** Restores a saved state. */
    public void set(float[] newMean, float[] newStd) {
        if (newMean.length != dim || newStd.length != dim) {
            throw new IllegalArgumentException("normaliser expects " + dim + " columns, got " + newMean.length + " and " + newStd.length);
        }
        System.arraycopy(newMean, 0, mean, 0, dim);
        System.arraycopy(newStd, 0, std, 0, dim);
    }
}
