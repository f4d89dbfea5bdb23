package dev.kirchhoff.generation.metrics;

import dev.kirchhoff.generation.GeneratedCircuit;
import dev.kirchhoff.generation.SamplingOptions;
import dev.kirchhoff.generation.TopologyGenerator;
import dev.kirchhoff.validation.simulation.NgspiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples every type with and without the grammar and scores both: the numbers of {@code kirchhoff generate
 * --evaluate} and of the generation bars. Stateless; thread-safe as far as its generator is.
 */
public final class Evaluation {

    /** One type's metrics with the grammar and, when compared, without. Immutable. */
    public record TypeResult(String type, Metrics withGrammar, Metrics withoutGrammar) {
    }

    /**
     * Metrics per type and over all types. Immutable.
     *
     * @param types per type, in the order asked
     * @param withGrammar all samples under the grammar
     * @param withoutGrammar all samples without it, {@code null} when not compared
     */
    public record Result(List<TypeResult> types, Metrics withGrammar, Metrics withoutGrammar) {
    }

    private Evaluation() {
    }

    /**
     * Samples {@code perType} circuits of each type with the options' seed, under the grammar and, with
     * {@code compare}, without it, and scores them; {@code sink} sees every sample with its validity.
     */
    public static Result run(TopologyGenerator generator, Evaluator evaluator, List<String> types, int perType,
                             SamplingOptions options, boolean compare, Sink sink) {
        return run(generator, evaluator, types, perType, options, compare, sink, null, 0);
    }

    /**
     * As {@link #run(TopologyGenerator, Evaluator, List, int, SamplingOptions, boolean, Sink)}, and also asks
     * ngspice for the operating point of the first {@code simulatePerType} valid circuits of each type and mode
     * ({@code op} null: none).
     */
    public static Result run(TopologyGenerator generator, Evaluator evaluator, List<String> types, int perType,
                             SamplingOptions options, boolean compare, Sink sink, OperatingPointCheck op,
                             int simulatePerType) {
        List<TypeResult> out = new ArrayList<>();
        Metrics with = empty();
        Metrics without = compare ? empty() : null;
        for (String type : types) {
            Metrics m = score(generator, evaluator, type, perType, options.withGrammar(true), sink, op,
                    simulatePerType);
            with = with.plus(m);
            Metrics w = null;
            if (compare) {
                w = score(generator, evaluator, type, perType, options.withGrammar(false), sink, op,
                        simulatePerType);
                without = without.plus(w);
            }
            out.add(new TypeResult(type, m, w));
        }
        return new Result(List.copyOf(out), with, without);
    }

    /** Receives each scored sample. */
    @FunctionalInterface
    public interface Sink {
        void accept(GeneratedCircuit circuit, boolean grammar, boolean valid);
    }

    private static Metrics score(TopologyGenerator generator, Evaluator evaluator, String type, int n,
                                 SamplingOptions options, Sink sink, OperatingPointCheck op, int simulate) {
        List<GeneratedCircuit> samples = generator.generate(type, n, options);
        List<Boolean> valid = new ArrayList<>(samples.size());
        for (GeneratedCircuit g : samples) {
            boolean ok = evaluator.isValid(g);
            valid.add(ok);
            if (sink != null) {
                sink.accept(g, options.grammar(), ok);
            }
        }
        Metrics m = evaluator.score(samples, valid);
        int simulated = 0;
        int converged = 0;
        for (int i = 0; op != null && i < samples.size() && simulated < simulate; i++) {
            if (valid.get(i)) {
                simulated++;
                try {
                    if (op.converges(samples.get(i).topology())) {
                        converged++;
                    }
                } catch (NgspiceException e) {
                    // a run that hangs or cannot start counts as not solved
                }
            }
        }
        return new Metrics(m.samples(), m.decoded(), m.valid(), m.unique(), m.novel(), simulated, converged);
    }

    private static Metrics empty() {
        return new Metrics(0, 0, 0, 0, 0, 0, 0);
    }
}
