package dev.kirchhoff.generation;

import dev.kirchhoff.generation.model.LogitsModel;

/**
 * A stand-in for the trained model in tests: logits are a fixed pseudo-random function of the prefix and the token,
 * so decoding is deterministic and every allowed token gets some weight. Counts its calls. Not thread-safe.
 */
public final class ScriptedModel implements LogitsModel {

    private final int vocabularySize;
    private final int maxLength;
    private int calls;

    public ScriptedModel(int vocabularySize, int maxLength) {
        this.vocabularySize = vocabularySize;
        this.maxLength = maxLength;
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    public int calls() {
        return calls;
    }

    @Override
    public float[][] nextLogits(int[][] prefixes, int length) {
        calls++;
        float[][] out = new float[prefixes.length][vocabularySize];
        for (int b = 0; b < prefixes.length; b++) {
            long h = 17;
            for (int i = 0; i < length; i++) {
                h = h * 31 + prefixes[b][i];
            }
            for (int t = 0; t < vocabularySize; t++) {
                long z = (h ^ (t * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
                z ^= z >>> 29;
                out[b][t] = (z & 0xffff) / 8192f;
            }
        }
        return out;
    }
}
