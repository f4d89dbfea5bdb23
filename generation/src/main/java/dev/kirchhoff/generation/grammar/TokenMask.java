package dev.kirchhoff.generation.grammar;

import java.util.BitSet;

/**
 * A token-level grammar for constrained decoding: which tokens may come next. Implementations are immutable and
 * thread-safe; each decoded sequence gets its own {@link State}, a state machine fed one token at a time.
 *
 * <pre>{@code
 * TokenMask.State s = mask.start();
 * s.advance(typeToken);
 * while (!s.finished()) {
 *     s.allowedTokens(allowed);          // set bits = tokens the model may pick
 *     int next = sampler.pick(logits, allowed);
 *     s.advance(next);
 * }
 * }</pre>
 */
public interface TokenMask {

    /** A fresh state before the first token. */
    State start();

    /** Sets in {@code out} (cleared first) the tokens allowed after {@code prefix}; replays the prefix on a fresh state. */
    default void allowed(int[] prefix, BitSet out) {
        State s = start();
        for (int t : prefix) {
            s.advance(t);
        }
        s.allowedTokens(out);
    }

    /** The position of one sequence in the grammar. Mutable; not thread-safe. */
    interface State {

        /** Takes token {@code token}; it must be one {@link #allowedTokens} allowed. */
        void advance(int token);

        /** Clears {@code out} and sets the tokens allowed next; none once {@link #finished()}. */
        void allowedTokens(BitSet out);

        /** Whether the sequence has ended. */
        boolean finished();
    }
}
