package dev.kirchhoff.generation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.generation.GeneratedCircuit;
import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.generation.topology.TopologySequence;
import dev.kirchhoff.generation.topology.Vocabulary;
import dev.kirchhoff.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private final Vocabulary v = Vocabulary.bundled();

    private GeneratedCircuit sample(Topology t, Random random) {
        return new GeneratedCircuit(t.type(), TopologySequence.encode(t, v, random), t, null);
    }

    @Test
    void trainingCircuitsAreNotNovelHeldOutOnesAreAndRepeatsAreNotUnique() {
        Evaluator e = new Evaluator(Validator.bundled(), ReferenceSet.training(v));
        List<Topology> train = ReferenceSet.load(v, "train");
        List<Topology> heldout = ReferenceSet.load(v, "heldout");
        assertThat(train).hasSizeGreaterThan(2300);
        assertThat(heldout).hasSize(132);
        Random random = new Random(1);
        List<GeneratedCircuit> samples = new ArrayList<>();
        // ten training circuits, each in a fresh walk (renumbered), one of them twice; ten held-out circuits
        for (int i = 0; i < 10; i++) {
            samples.add(sample(train.get(i * 97), random));
            samples.add(sample(heldout.get(i * 13), random));
        }
        samples.add(sample(train.get(0), random));
        // one that does not decode
        samples.add(new GeneratedCircuit("Opamp", new int[] {v.typeToken("Opamp").orElseThrow()}, null, "broken"));
        List<Boolean> valid = samples.stream().map(e::isValid).toList();
        Metrics m = e.score(samples, valid);
        assertThat(m.samples()).isEqualTo(22);
        assertThat(m.decoded()).isEqualTo(21);
        assertThat(m.valid()).isEqualTo(21);
        assertThat(m.unique()).isEqualTo(20);
        // a held-out circuit may share its topology with a training one (the dataset has repeats); most do not
        assertThat(m.novel()).isBetween(8, 10);
        assertThat(m.validity()).isEqualTo(21 / 22.0);
    }
}
