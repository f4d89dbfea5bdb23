package dev.kirchhoff.generation.model;

/**
 * A causal language model over topology tokens: given a batch of equally long prefixes, the next-token logits of
 * each. Implementations say whether they are thread-safe; {@link OnnxLogitsModel} is.
 */
public interface LogitsModel extends AutoCloseable {

    /** The number of tokens the model scores. */
    int vocabularySize();

    /** The longest sequence the model accepts (its positional embeddings). */
    int maxLength();

    /**
     * The next-token logits after each prefix.
     *
     * @param prefixes {@code batch} rows of token ids, all of length {@code length}
     * @return {@code batch} rows of {@link #vocabularySize()} logits
     */
    float[][] nextLogits(int[][] prefixes, int length);

    /**
     * A decoding session over {@code rows} sequences that grow one token at a time. The default re-reads each whole
     * prefix through {@link #nextLogits}; a model with a key/value cache does only the new tokens' work.
     */
    default Session session(int rows) {
        return new PrefixSession(this, rows);
    }

    @Override
    default void close() {
    }

    /** Sequences decoded together. Mutable; not thread-safe. */
    interface Session {

        /** Appends {@code token} to sequence {@code row}. */
        void append(int row, int token);

        /**
         * The next-token logits of sequences {@code rows[0..count)}, which all hold the same number of tokens.
         *
         * @return {@code count} rows of logits, in the order of {@code rows}
         */
        float[][] logits(int[] rows, int count);
    }

    /** The session that feeds whole prefixes to {@link #nextLogits}. */
    final class PrefixSession implements Session {
        private final LogitsModel model;
        private final int[][] tokens;
        private final int[] length;

        PrefixSession(LogitsModel model, int rows) {
            this.model = model;
            tokens = new int[rows][model.maxLength()];
            length = new int[rows];
        }

        @Override
        public void append(int row, int token) {
            tokens[row][length[row]++] = token;
        }

        @Override
        public float[][] logits(int[] rows, int count) {
            int[][] prefixes = new int[count][];
            int len = length[rows[0]];
            for (int j = 0; j < count; j++) {
                if (length[rows[j]] != len) {
                    throw new IllegalArgumentException("Sequences of a batch must be equally long.");
                }
                prefixes[j] = tokens[rows[j]];
            }
            return model.nextLogits(prefixes, len);
        }
    }
}
