package dev.kirchhoff.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.generation.topology.TopologySequence;
import dev.kirchhoff.generation.topology.Vocabulary;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyGeneratorTest {

    private final Vocabulary v = Vocabulary.bundled();

    private static List<String> texts(List<GeneratedCircuit> list, Vocabulary v) {
        return list.stream().map(g -> TopologySequence.text(g.tokens(), v)).toList();
    }

    @Test
    void theSameSeedGivesTheSameCircuitsWhateverTheBatchSize() {
        SamplingOptions o = SamplingOptions.defaults().withSeed(5);
        List<GeneratedCircuit> a = new TopologyGenerator(new ScriptedModel(v.size(), 256), v)
                .generate("LDO", 12, o.withBatchSize(4));
        List<GeneratedCircuit> b = new TopologyGenerator(new ScriptedModel(v.size(), 256), v)
                .generate("LDO", 12, o.withBatchSize(12));
        List<GeneratedCircuit> c = new TopologyGenerator(new ScriptedModel(v.size(), 256), v)
                .generate("LDO", 12, o.withSeed(6));
        assertThat(texts(a, v)).isEqualTo(texts(b, v)).allMatch(t -> t.startsWith("<LDO> VSS "));
        assertThat(texts(c, v)).isNotEqualTo(texts(a, v));
    }

    @Test
    void underTheGrammarEveryCircuitPassesTheValidator() {
        Validator validator = Validator.bundled();
        TopologyGenerator g = new TopologyGenerator(new ScriptedModel(v.size(), 256), v);
        List<GeneratedCircuit> out = g.generate("Opamp", 40, SamplingOptions.defaults().withBatchSize(20));
        assertThat(out).hasSize(40).allSatisfy(c -> {
            assertThat(c.problem()).isNull();
            assertThat(c.tokens()[c.tokens().length - 1]).isEqualTo(Vocabulary.EOS);
            assertThat(validator.validate(c.topology().toCircuit(), "g").count(Severity.ERROR)).isZero();
        });
        assertThat(g.timing().tokens()).isEqualTo(out.stream().mapToLong(c -> c.tokens().length - 1).sum());
        assertThat(g.timing().circuits()).isEqualTo(40);
    }

    @Test
    void withoutTheGrammarARandomModelWritesMostlyNonsense() {
        TopologyGenerator g = new TopologyGenerator(new ScriptedModel(v.size(), 64), v);
        List<GeneratedCircuit> out = g.generate("Opamp", 20, SamplingOptions.defaults().withGrammar(false));
        // the second token of a random model is rarely VSS, so the walk syntax breaks at once
        assertThat(out.stream().filter(c -> c.topology() == null)).hasSizeGreaterThan(15);
        assertThat(out).allSatisfy(c -> assertThat(c.tokens().length).isLessThanOrEqualTo(64));
        assertThat(out.stream().filter(c -> c.problem() != null).findFirst().orElseThrow().problem())
                .contains("is not allowed");
    }

    @Test
    void temperatureZeroIsGreedyAndForcedTokensSkipTheModel() {
        ScriptedModel m = new ScriptedModel(v.size(), 256);
        TopologyGenerator g = new TopologyGenerator(m, v);
        List<GeneratedCircuit> a = g.generate("Mirror", 3, SamplingOptions.defaults().withTemperature(0));
        assertThat(texts(a, v)).containsOnly(texts(a, v).get(0));
        // forced tokens (VSS after the type token, the single way out near the length limit) need no model call
        int sampled = a.stream().mapToInt(c -> c.tokens().length - 1).max().orElseThrow();
        assertThat(m.calls()).isLessThanOrEqualTo(sampled - 1);
    }

    @Test
    void anUnknownTypeOrAModelOfAnotherVocabularyIsRefused() {
        TopologyGenerator g = new TopologyGenerator(new ScriptedModel(v.size(), 256), v);
        assertThatThrownBy(() -> g.generate("Amplifier", 1, SamplingOptions.defaults()))
                .hasMessageContaining("Unknown circuit type Amplifier").hasMessageContaining("Opamp, Mirror");
        assertThatThrownBy(() -> new TopologyGenerator(new ScriptedModel(v.size() + 1, 256), v))
                .hasMessageContaining("trained on another vocabulary");
    }
}
