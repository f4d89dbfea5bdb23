package dev.kirchhoff.generation.metrics;

import dev.kirchhoff.generation.GeneratedCircuit;
import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.generation.topology.TopologyGraphs;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores generated circuits: validity under the full validator, uniqueness, novelty against a {@link ReferenceSet}.
 * Thread-safe.
 */
public final class Evaluator {

    private final Validator validator;
    private final ReferenceSet training;

    public Evaluator(Validator validator, ReferenceSet training) {
        this.validator = validator;
        this.training = training;
    }

    /** The validator's report on one generated circuit, or {@code null} when it did not decode. */
    public ValidationReport validate(GeneratedCircuit g) {
        return g.topology() == null ? null : validator.validate(g.topology().toCircuit(), g.type());
    }

    /** Whether a generated circuit decodes and has no validator error. */
    public boolean isValid(GeneratedCircuit g) {
        ValidationReport r = validate(g);
        return r != null && r.count(Severity.ERROR) == 0;
    }

    /** The metrics of a set of samples; {@code valid} gives each sample's validity (as from {@link #isValid}). */
    public Metrics score(List<GeneratedCircuit> samples, List<Boolean> valid) {
        int decoded = 0;
        int ok = 0;
        int unique = 0;
        int novel = 0;
        Map<Long, List<Topology>> seen = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            GeneratedCircuit g = samples.get(i);
            if (g.topology() != null) {
                decoded++;
            }
            if (!valid.get(i)) {
                continue;
            }
            ok++;
            Topology t = g.topology();
            List<Topology> same = seen.computeIfAbsent(TopologyGraphs.canonicalHash(t), k -> new ArrayList<>(1));
            if (same.stream().noneMatch(o -> TopologyGraphs.isomorphic(o, t))) {
                same.add(t);
                unique++;
            }
            if (!training.contains(t)) {
                novel++;
            }
        }
        return new Metrics(samples.size(), decoded, ok, unique, novel, 0, 0);
    }
}
