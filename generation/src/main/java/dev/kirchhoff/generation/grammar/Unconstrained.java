package dev.kirchhoff.generation.grammar;

import java.util.BitSet;

/**
 * The mask that allows every token but padding, ending at the end token: decoding without a grammar, for comparison.
 * Immutable and thread-safe.
 */
public record Unconstrained(int vocabularySize, int padToken, int endToken) implements TokenMask {

    @Override
    public State start() {
        return new State() {
            private boolean done;

            @Override
            public void advance(int token) {
                done |= token == endToken;
            }

            @Override
            public void allowedTokens(BitSet out) {
                out.clear();
                if (!done) {
                    out.set(0, vocabularySize);
                    out.clear(padToken);
                }
            }

            @Override
            public boolean finished() {
                return done;
            }
        };
    }
}
