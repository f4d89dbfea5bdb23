package dev.kirchhoff.generation;

/**
 * How to sample topologies. Immutable.
 *
 * @param temperature divides the logits; 0 picks the most likely token
 * @param topK keep only the k most likely tokens, 0 for all
 * @param topP keep the smallest set of most likely tokens whose probability reaches p, 1 for all
 * @param seed the random seed; the same seed, model and options give the same circuits
 * @param batchSize sequences decoded together in one model call
 * @param grammar whether the grammar mask constrains decoding
 */
public record SamplingOptions(double temperature, int topK, double topP, long seed, int batchSize, boolean grammar) {

    public SamplingOptions {
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("The temperature must be 0 or more, not " + temperature + ".");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (off) or more, not " + topK + ".");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], not " + topP + ".");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be 1 or more, not " + batchSize + ".");
        }
    }

    /** Temperature 1, no top-k, top-p 0.95, seed 1, batches of 64, with the grammar. */
    public static SamplingOptions defaults() {
        return new SamplingOptions(1.0, 0, 0.95, 1, 64, true);
    }

    public SamplingOptions withSeed(long s) {
        return new SamplingOptions(temperature, topK, topP, s, batchSize, grammar);
    }

    public SamplingOptions withGrammar(boolean g) {
        return new SamplingOptions(temperature, topK, topP, seed, batchSize, g);
    }

    public SamplingOptions withBatchSize(int b) {
        return new SamplingOptions(temperature, topK, topP, seed, b, grammar);
    }

    public SamplingOptions withTemperature(double t) {
        return new SamplingOptions(t, topK, topP, seed, batchSize, grammar);
    }

    public SamplingOptions withTopK(int k) {
        return new SamplingOptions(temperature, k, topP, seed, batchSize, grammar);
    }

    public SamplingOptions withTopP(double p) {
        return new SamplingOptions(temperature, topK, p, seed, batchSize, grammar);
    }
}
