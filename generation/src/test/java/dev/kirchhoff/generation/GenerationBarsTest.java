package dev.kirchhoff.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirchhoff.generation.metrics.Evaluation;
import dev.kirchhoff.generation.metrics.Evaluator;
import dev.kirchhoff.generation.metrics.Metrics;
import dev.kirchhoff.generation.metrics.ReferenceSet;
import dev.kirchhoff.generation.model.OnnxLogitsModel;
import dev.kirchhoff.generation.topology.Vocabulary;
import dev.kirchhoff.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * The bars on a fixed seed: 67 conditional samples of each of the 15 types (1,005) from the bundled model
 * under the grammar: validity 100 %, novelty at least 92 %, valid-and-novel at least 90 %.
 */
class GenerationBarsTest {

    static final int PER_TYPE = 67;
    static final long SEED = 2026;

    @Test
    void theBundledModelUnderTheGrammarMeetsTheBars() {
        assumeTrue(TestModels.available(), "the bundled model is not built yet");
        Vocabulary v = Vocabulary.bundled();
        try (OnnxLogitsModel model = TestModels.open()) {
            TopologyGenerator generator = new TopologyGenerator(model, v);
            Evaluator evaluator = new Evaluator(Validator.bundled(), ReferenceSet.training(v));
            long start = System.nanoTime();
            Evaluation.Result r = Evaluation.run(generator, evaluator, v.types(), PER_TYPE,
                    SamplingOptions.defaults().withSeed(SEED), false, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            Metrics m = r.withGrammar();
            TopologyGenerator.Timing time = generator.timing();
            System.out.printf("decoding %.1f s (model %.1f s, mask %.1f s, sampling %.1f s), %d tokens, %.0f tokens/s%n",
                    time.totalNanos() / 1e9, time.modelNanos() / 1e9, time.maskNanos() / 1e9, time.sampleNanos() / 1e9,
                    time.tokens(), time.tokens() / (time.totalNanos() / 1e9));
            System.out.printf("bars: %d samples in %.1f s: validity %.3f, uniqueness %.3f, novelty %.3f, "
                            + "valid-and-novel %.3f; mask %.1f%% of decoding%n", m.samples(), seconds, m.validity(),
                    m.uniqueness(), m.novelty(), m.validAndNovel(),
                    100.0 * generator.timing().maskNanos() / generator.timing().totalNanos());
            for (Evaluation.TypeResult t : r.types()) {
                System.out.printf("  %-18s validity %.3f novelty %.3f uniqueness %.3f%n", t.type(),
                        t.withGrammar().validity(), t.withGrammar().novelty(), t.withGrammar().uniqueness());
            }
            assertThat(m.samples()).isEqualTo(PER_TYPE * 15).isGreaterThanOrEqualTo(1000);
            assertThat(m.validity()).isEqualTo(1.0);
            assertThat(m.novelty()).isGreaterThanOrEqualTo(0.92);
            assertThat(m.validAndNovel()).isGreaterThanOrEqualTo(0.90);
        }
    }
}
