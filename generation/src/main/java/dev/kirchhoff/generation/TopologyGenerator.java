package dev.kirchhoff.generation;

import dev.kirchhoff.generation.grammar.TokenMask;
import dev.kirchhoff.generation.grammar.TopologyGrammar;
import dev.kirchhoff.generation.grammar.Unconstrained;
import dev.kirchhoff.generation.model.LogitsModel;
import dev.kirchhoff.generation.topology.MalformedSequenceException;
import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.generation.topology.TopologySequence;
import dev.kirchhoff.generation.topology.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Samples circuit topologies of a given type from a {@link LogitsModel}, in batches, optionally under the
 * {@link TopologyGrammar} mask, and decodes them. Not thread-safe (it keeps timing counters); cheap to create.
 *
 * <p>Under the grammar, when the model's most likely token is {@code <eos>} but the circuit is not finished yet
 * (an open terminal, a dangling net), the sequence switches to closing: from then on only tokens that work towards
 * completion are allowed ({@link TopologyGrammar.GrammarState#narrowToCompletion}), so a model that believes it is
 * done finishes its circuit instead of growing it to the length limit.
 *
 * <pre>{@code
 * try (LogitsModel model = OnnxLogitsModel.bundled(256)) {
 *     List<GeneratedCircuit> out = new TopologyGenerator(model, Vocabulary.bundled())
 *             .generate("Opamp", 10, SamplingOptions.defaults());
 * }
 * }</pre>
 */
public final class TopologyGenerator {

    private final LogitsModel model;
    private final Vocabulary v;
    private final TopologyGrammar grammar;
    private final TokenMask free;
    private final Timing timing = new Timing();

    /** Where decoding time went, cumulative over this generator's calls. Mutable. */
    public static final class Timing {
        long modelNanos;
        long maskNanos;
        long sampleNanos;
        long tokens;
        long modelCalls;
        long circuits;

        /** Nanoseconds in model calls. */
        public long modelNanos() {
            return modelNanos;
        }

        /** Nanoseconds computing allowed tokens. */
        public long maskNanos() {
            return maskNanos;
        }

        /** Nanoseconds picking tokens. */
        public long sampleNanos() {
            return sampleNanos;
        }

        /** Tokens generated (the type token not counted). */
        public long tokens() {
            return tokens;
        }

        public long modelCalls() {
            return modelCalls;
        }

        public long circuits() {
            return circuits;
        }

        /** Total decoding time. */
        public long totalNanos() {
            return modelNanos + maskNanos + sampleNanos;
        }
    }

    public TopologyGenerator(LogitsModel model, Vocabulary v) {
        if (model.vocabularySize() != v.size()) {
            throw new IllegalArgumentException("The model scores " + model.vocabularySize() + " tokens but the "
                    + "vocabulary has " + v.size() + "; the model was trained on another vocabulary.");
        }
        this.model = model;
        this.v = v;
        this.grammar = new TopologyGrammar(v, model.maxLength());
        this.free = new Unconstrained(v.size(), Vocabulary.PAD, Vocabulary.EOS);
    }

    public Timing timing() {
        return timing;
    }

    public Vocabulary vocabulary() {
        return v;
    }

    /**
     * Samples {@code count} circuits of type {@code type}. Sample {@code i} draws from its own random stream seeded
     * by the options' seed and {@code i}, so results do not depend on the batch size.
     *
     * @throws IllegalArgumentException when the vocabulary has no such type
     */
    public List<GeneratedCircuit> generate(String type, int count, SamplingOptions options) {
        int typeToken = v.typeToken(type).orElseThrow(() -> new IllegalArgumentException("Unknown circuit type "
                + type + "; the types are " + String.join(", ", v.types()) + "."));
        List<GeneratedCircuit> out = new ArrayList<>(count);
        for (int start = 0; start < count; start += options.batchSize()) {
            int n = Math.min(options.batchSize(), count - start);
            out.addAll(batch(type, typeToken, start, n, options));
        }
        return out;
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private List<GeneratedCircuit> batch(String type, int typeToken, int first, int n, SamplingOptions o) {
        int maxLength = model.maxLength();
        TokenMask mask = o.grammar() ? grammar : free;
        int[][] seq = new int[n][maxLength];
        LogitsModel.Session session = model.session(n);
        TokenMask.State[] states = new TokenMask.State[n];
        Random[] random = new Random[n];
        boolean[] done = new boolean[n];
        boolean[] closing = new boolean[n];
        int[] finalLength = new int[n];
        for (int i = 0; i < n; i++) {
            seq[i][0] = typeToken;
            session.append(i, typeToken);
            states[i] = mask.start();
            states[i].advance(typeToken);
            random[i] = new Random(o.seed() * 1_000_003L + first + i);
        }
        Sampler sampler = new Sampler(o.temperature(), o.topK(), o.topP());
        BitSet[] allowed = new BitSet[n];
        for (int i = 0; i < n; i++) {
            allowed[i] = new BitSet(v.size());
        }
        int active = n;
        int[] rows = new int[n];
        for (int length = 1; active > 0; length++) {
            long t0 = System.nanoTime();
            int k = 0;
            boolean needModel = false;
            for (int i = 0; i < n; i++) {
                if (!done[i]) {
                    states[i].allowedTokens(allowed[i]);
                    rows[k++] = i;
                    needModel |= allowed[i].cardinality() != 1;
                }
            }
            long t1 = System.nanoTime();
            float[][] logits = null;
            if (needModel) {
                logits = session.logits(rows, k);
                timing.modelCalls++;
            }
            long t2 = System.nanoTime();
            long narrowing = 0;
            for (int j = 0; j < k; j++) {
                int i = rows[j];
                if (logits != null && states[i] instanceof TopologyGrammar.GrammarState g) {
                    // the model wants to end but the circuit is unfinished: from now on, finish it
                    if (!closing[i] && !allowed[i].get(Vocabulary.EOS) && argmax(logits[j]) == Vocabulary.EOS) {
                        closing[i] = true;
                    }
                    if (closing[i]) {
                        long n0 = System.nanoTime();
                        g.narrowToCompletion(allowed[i]);
                        narrowing += System.nanoTime() - n0;
                    }
                }
                int next = logits == null ? allowed[i].nextSetBit(0) : sampler.pick(logits[j], allowed[i], random[i]);
                if (next < 0) {
                    next = Vocabulary.EOS;
                }
                seq[i][length] = next;
                timing.tokens++;
                if (length + 1 < maxLength) {
                    session.append(i, next);
                }
                states[i].advance(next);
                if (states[i].finished() || length + 1 >= maxLength) {
                    done[i] = true;
                    finalLength[i] = length + 1;
                    active--;
                }
            }
            long t3 = System.nanoTime();
            timing.maskNanos += t1 - t0 + narrowing;
            timing.modelNanos += t2 - t1;
            timing.sampleNanos += t3 - t2 - narrowing;
        }
        List<GeneratedCircuit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] tokens = Arrays.copyOf(seq[i], finalLength[i]);
            Topology t = null;
            String problem = null;
            try {
                t = TopologySequence.decode(tokens, v, true);
            } catch (MalformedSequenceException e) {
                problem = e.getMessage();
            }
            out.add(new GeneratedCircuit(type, tokens, t, problem));
            timing.circuits++;
        }
        return out;
    }
}
