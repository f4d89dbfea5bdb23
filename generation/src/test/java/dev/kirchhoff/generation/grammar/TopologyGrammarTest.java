package dev.kirchhoff.generation.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.generation.topology.TopologySequence;
import dev.kirchhoff.generation.topology.Vocabulary;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TopologyGrammarTest {

    private final Vocabulary v = Vocabulary.bundled();
    private final TopologyGrammar grammar = new TopologyGrammar(v, 256);

    @Test
    void everySequenceSampledUnderTheMaskIsAValidCircuit() {
        Validator validator = Validator.bundled();
        Random random = new Random(42);
        Map<String, Integer> errors = new TreeMap<>();
        int samples = 2000;
        long devices = 0;
        for (int i = 0; i < samples; i++) {
            TopologyGrammar.GrammarState s = grammar.start();
            BitSet allowed = new BitSet();
            List<Integer> seq = new ArrayList<>();
            int type = v.typeToken(v.types().get(random.nextInt(v.types().size()))).orElseThrow();
            s.advance(type);
            seq.add(type);
            while (!s.finished()) {
                s.allowedTokens(allowed);
                assertThat(allowed.cardinality()).as("tokens allowed after %s", seq).isPositive();
                int pick = random.nextInt(allowed.cardinality());
                int id = allowed.nextSetBit(0);
                for (int k = 0; k < pick; k++) {
                    id = allowed.nextSetBit(id + 1);
                }
                s.advance(id);
                seq.add(id);
            }
            assertThat(seq.size()).isLessThanOrEqualTo(256);
            int[] ids = seq.stream().mapToInt(Integer::intValue).toArray();
            Topology t = TopologySequence.decode(ids, v, false);
            devices += t.devices().size();
            ValidationReport r = validator.validate(t.toCircuit(), "sample " + i);
            for (Finding f : r.findings()) {
                if (f.severity() == Severity.ERROR) {
                    errors.merge(f.rule(), 1, Integer::sum);
                    if (errors.get(f.rule()) == 1) {
                        System.out.println(TopologySequence.text(ids, v) + "\n" + f);
                    }
                }
            }
        }
        System.out.println("devices per circuit " + devices / (double) samples);
        assertThat(errors).isEmpty();
    }

    private BitSet after(String prefix, TopologyGrammar g) {
        BitSet out = new BitSet();
        g.allowed(TopologySequence.ids(prefix, v), out);
        return out;
    }

    private int id(String token) {
        return v.id(token).orElseThrow();
    }

    @Test
    void aSequenceOpensWithATypeThenVss() {
        BitSet start = after("", grammar);
        assertThat(start.cardinality()).isEqualTo(v.types().size());
        assertThat(start.get(id("<LDO>"))).isTrue();
        assertThat(after("<LDO>", grammar).stream().boxed().toList()).containsExactly(id("VSS"));
    }

    @Test
    void aPassiveNeverHasBothTerminalsOnOneNet() {
        assertThat(after("<Opamp> VSS R1:1", grammar).get(id("R1:2"))).isTrue();
        BitSet leaving = after("<Opamp> VSS R1:1 R1:2", grammar);
        assertThat(leaving.get(id("VSS"))).isFalse();
        assertThat(leaving.get(id("VDD"))).isTrue();
        assertThat(leaving.get(id("N1"))).isTrue();
        // entering the second terminal from the first one's net is refused too
        assertThat(after("<Opamp> VSS C1:1 C1:2 N1 VSS", grammar).get(id("C1:2"))).isFalse();
    }

    @Test
    void inductorsCloseNoLoopAndNeverJoinTheSupplies() {
        BitSet leaving = after("<Oscillator> VSS L1:1 L1:2", grammar);
        assertThat(leaving.get(id("VSS"))).isFalse();
        assertThat(leaving.get(id("VDD"))).isFalse();
        assertThat(leaving.get(id("N1"))).isTrue();
        // L1 from VSS to N1, L2 from N1: VSS would close a loop L1-L2
        BitSet second = after("<Oscillator> VSS L1:1 L1:2 N1 L2:1 L2:2", grammar);
        assertThat(second.get(id("VSS"))).isFalse();
        assertThat(second.get(id("N1"))).isFalse();
        assertThat(second.get(id("N2"))).isTrue();
    }

    @Test
    void theEndWaitsForOpenTerminalsDanglingNetsAndAPathToGround() {
        // NM1: source on VSS, gate on N1, drain on VDD, bulk still open
        String prefix = "<Opamp> VSS NM1:S NM1:G N1 VDD NM1:D";
        assertThat(after(prefix, grammar).get(Vocabulary.EOS)).isFalse();
        prefix += " NM1:B VSS";
        // every terminal placed, but N1 touches one gate only
        assertThat(after(prefix, grammar).get(Vocabulary.EOS)).isFalse();
        prefix += " N1 PM1:G PM1:D VDD PM1:S PM1:B VDD";
        // N1 now has two gates but no DC path: still no end
        assertThat(after(prefix, grammar).get(Vocabulary.EOS)).isFalse();
        prefix += " N1 R1:1 R1:2 VSS";
        assertThat(after(prefix, grammar).get(Vocabulary.EOS)).isTrue();
    }

    @Test
    void shortLengthLimitsStillEndInValidCircuits() {
        Validator validator = Validator.bundled();
        Random random = new Random(7);
        for (int maxLength : new int[] {7, 9, 12, 20, 40}) {
            TopologyGrammar short_ = new TopologyGrammar(v, maxLength);
            for (int i = 0; i < 100; i++) {
                TokenMask.State s = short_.start();
                BitSet allowed = new BitSet();
                List<Integer> seq = new ArrayList<>();
                while (!s.finished()) {
                    s.allowedTokens(allowed);
                    assertThat(allowed.cardinality()).isPositive();
                    int pick = random.nextInt(allowed.cardinality());
                    int id = allowed.nextSetBit(0);
                    for (int k = 0; k < pick; k++) {
                        id = allowed.nextSetBit(id + 1);
                    }
                    s.advance(id);
                    seq.add(id);
                }
                assertThat(seq.size()).isLessThanOrEqualTo(maxLength);
                Topology t = TopologySequence.decode(seq.stream().mapToInt(Integer::intValue).toArray(), v, false);
                assertThat(validator.validate(t.toCircuit(), "short").count(Severity.ERROR)).isZero();
            }
        }
    }

    @Test
    void closingKeepsOnlyTokensThatFinishTheCircuit() {
        TopologyGrammar.GrammarState s = grammar.start();
        for (int id : TopologySequence.ids("<Opamp> VSS NM1:S NM1:D N1", v)) {
            s.advance(id);
        }
        BitSet allowed = new BitSet();
        s.allowedTokens(allowed);
        assertThat(allowed.get(id("PM1:D"))).isTrue();
        assertThat(allowed.get(id("VDD"))).isTrue();
        s.narrowToCompletion(allowed);
        // NM1's gate and bulk may still go on N1; no new device, and only the completion policy's jump (to VSS)
        assertThat(allowed.stream().mapToObj(v::token).toList()).containsExactlyInAnyOrder("NM1:G", "NM1:B", "VSS");
    }
}
