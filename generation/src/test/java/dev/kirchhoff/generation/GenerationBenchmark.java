package dev.kirchhoff.generation;

import dev.kirchhoff.generation.metrics.Evaluation;
import dev.kirchhoff.generation.metrics.Evaluator;
import dev.kirchhoff.generation.metrics.Metrics;
import dev.kirchhoff.generation.metrics.OperatingPointCheck;
import dev.kirchhoff.generation.metrics.ReferenceSet;
import dev.kirchhoff.generation.model.OnnxLogitsModel;
import dev.kirchhoff.generation.topology.Vocabulary;
import dev.kirchhoff.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Decoding speed and the metrics with and without the grammar: {@code mvn -o -pl generation test
 * -Dtest=GenerationBenchmark -Dbench=true}. Prints its figures; asserts nothing (timing belongs here, not in tests).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class GenerationBenchmark {

    @Test
    void speedAndMetrics() throws Exception {
        Vocabulary v = Vocabulary.bundled();
        long t0 = System.nanoTime();
        OnnxLogitsModel model = TestModels.open();
        double load = (System.nanoTime() - t0) / 1e6;
        System.out.printf("model load: %.0f ms%n", load);
        int perType = Integer.getInteger("bench.perType", 4);
        try (model) {
            System.out.printf("key/value cache: %s%n", model.cached() ? "on" : "off (" + model.cacheProblem() + ")");
            for (int mode = 0; mode < 3; mode++) {
                boolean grammar = mode != 1;
                boolean cache = mode != 2;
                TopologyGenerator g = new TopologyGenerator(cache ? model : model.withoutCache(), v);
                int n = cache ? perType : 1;
                long start = System.nanoTime();
                int circuits = 0;
                for (String type : v.types()) {
                    circuits += g.generate(type, n, SamplingOptions.defaults().withSeed(11)
                            .withGrammar(grammar)).size();
                }
                double s = (System.nanoTime() - start) / 1e9;
                TopologyGenerator.Timing t = g.timing();
                System.out.printf("%s grammar, %s: %d circuits, %d tokens in %.1f s: %.1f tokens/s, %.2f circuits/s; "
                                + "model %.1f s, mask %.2f s (%.1f%% of decoding), sampling %.2f s, %d model calls%n",
                        grammar ? "with" : "without", cache ? "KV cache" : "ONNX Runtime without cache", circuits, t.tokens(), s, t.tokens() / s, circuits / s,
                        t.modelNanos() / 1e9, t.maskNanos() / 1e9, 100.0 * t.maskNanos() / t.totalNanos(),
                        t.sampleNanos() / 1e9, t.modelCalls());
            }
            OperatingPointCheck op = null;
            try {
                op = OperatingPointCheck.locate();
            } catch (Exception e) {
                System.out.println("ngspice not found: no operating-point share");
            }
            TopologyGenerator g = new TopologyGenerator(model, v);
            Evaluator evaluator = new Evaluator(Validator.bundled(), ReferenceSet.training(v));
            java.util.Map<String, Integer> offReasons = new java.util.TreeMap<>();
            Evaluation.Result r = Evaluation.run(g, evaluator, v.types(), perType,
                    SamplingOptions.defaults().withSeed(12), true, (c, grammar, ok) -> {
                        if (grammar) {
                            return;
                        }
                        if (c.topology() == null) {
                            offReasons.merge("breaks the walk syntax", 1, Integer::sum);
                        } else if (!ok) {
                            evaluator.validate(c).findings().stream()
                                    .filter(f -> f.severity() == dev.kirchhoff.validation.Severity.ERROR)
                                    .map(f -> f.rule()).distinct()
                                    .forEach(rule -> offReasons.merge(rule, 1, Integer::sum));
                        } else {
                            offReasons.merge("valid", 1, Integer::sum);
                        }
                    }, op, perType);
            System.out.println("without grammar, per sample: " + offReasons);
            print("with grammar", r.withGrammar());
            print("without grammar", r.withoutGrammar());
            for (Evaluation.TypeResult t : r.types()) {
                print("  " + t.type() + " (on)", t.withGrammar());
                print("  " + t.type() + " (off)", t.withoutGrammar());
            }
        }
    }

    private static void print(String label, Metrics m) {
        System.out.printf("%-28s n=%d decoded %.3f validity %.3f uniqueness %.3f novelty %.3f valid&novel %.3f "
                        + "op %d/%d%n", label, m.samples(), m.decoded() / (double) m.samples(), m.validity(),
                m.uniqueness(), m.novelty(), m.validAndNovel(), m.converged(), m.simulated());
    }
}
