package dev.kirchhoff.generation.metrics;

/**
 * Generation quality over a set of samples (one circuit type, or all). Immutable.
 *
 * <p>Definitions: a sample is <em>valid</em> when it decodes and the full validator ({@code Validator.bundled()})
 * reports no error on its circuit; <em>unique</em> counts the valid samples that are not isomorphic to an earlier
 * valid sample; <em>novel</em> counts the valid samples isomorphic to no training circuit. Rates: validity = valid /
 * samples, uniqueness = unique / valid, novelty = novel / valid, valid-and-novel = novel / samples.
 *
 * @param samples sequences sampled
 * @param decoded sequences that decode to a circuit
 * @param valid circuits with no validator error
 * @param unique distinct valid circuits
 * @param novel valid circuits absent from the training set
 * @param simulated circuits given to ngspice (0 when the operating-point check was not run)
 * @param converged circuits whose operating point ngspice found
 */
public record Metrics(int samples, int decoded, int valid, int unique, int novel, int simulated, int converged) {

    public double validity() {
        return ratio(valid, samples);
    }

    public double uniqueness() {
        return ratio(unique, valid);
    }

    public double novelty() {
        return ratio(novel, valid);
    }

    public double validAndNovel() {
        return ratio(novel, samples);
    }

    /** The share of simulated circuits with an operating point; NaN when none were simulated. */
    public double operatingPointShare() {
        return simulated == 0 ? Double.NaN : converged / (double) simulated;
    }

    /** The sum of two tallies (uniqueness then counts within each part only). */
    public Metrics plus(Metrics o) {
        return new Metrics(samples + o.samples, decoded + o.decoded, valid + o.valid, unique + o.unique,
                novel + o.novel, simulated + o.simulated, converged + o.converged);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : a / (double) b;
    }
}
