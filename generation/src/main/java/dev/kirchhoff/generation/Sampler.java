package dev.kirchhoff.generation;

import java.util.BitSet;
import java.util.Random;

/**
 * Picks a token from logits restricted to an allowed set, with temperature, top-k and top-p. Not thread-safe (it
 * reuses buffers); one per decoding thread.
 */
public final class Sampler {

    private final double temperature;
    private final int topK;
    private final double topP;
    private int[] ids = new int[0];
    private double[] weights = new double[0];
    private long[] keys = new long[0];

    public Sampler(double temperature, int topK, double topP) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
    }

    /**
     * A token among those set in {@code allowed}, or -1 when none is. With temperature 0 the most likely allowed token.
     */
    public int pick(float[] logits, BitSet allowed, Random random) {
        int n = allowed.cardinality();
        if (n == 0) {
            return -1;
        }
        if (ids.length < n) {
            ids = new int[n];
            weights = new double[n];
        }
        int k = 0;
        double max = Double.NEGATIVE_INFINITY;
        int best = -1;
        for (int id = allowed.nextSetBit(0); id >= 0; id = allowed.nextSetBit(id + 1)) {
            ids[k++] = id;
            if (logits[id] > max || best < 0) {
                max = logits[id];
                best = id;
            }
        }
        if (temperature == 0 || n == 1) {
            return best;
        }
        // sort allowed ids by logit, descending: pack (sortable logit bits, id) into longs
        if (keys.length < n) {
            keys = new long[n];
        }
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits(logits[ids[i]]);
            bits ^= (bits >> 31) & 0x7fffffff;
            keys[i] = ((long) bits << 32) | ids[i];
        }
        java.util.Arrays.sort(keys, 0, n);
        for (int i = 0; i < n; i++) {
            ids[i] = (int) keys[n - 1 - i];
        }
        int keep = topK > 0 ? Math.min(topK, n) : n;
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            weights[i] = Math.exp((logits[ids[i]] - max) / temperature);
            sum += weights[i];
        }
        if (topP < 1) {
            double acc = 0;
            int cut = keep;
            for (int i = 0; i < keep; i++) {
                acc += weights[i] / sum;
                if (acc >= topP) {
                    cut = i + 1;
                    break;
                }
            }
            keep = cut;
            sum = 0;
            for (int i = 0; i < keep; i++) {
                sum += weights[i];
            }
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < keep; i++) {
            r -= weights[i];
            if (r <= 0) {
                return ids[i];
            }
        }
        return ids[keep - 1];
    }
}
