package dev.kirchhoff.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Sketch;
import dev.kirchhoff.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The analog topology rules on small transistor-level decks, each with a close circuit that must stay silent. */
class AnalogRulesTest {

    private static ValidationReport spice(String deck) {
        Circuit c = Sketch.spice("test.cir", deck);
        return Sketch.validator().validate(c, "test.cir");
    }

    private static Finding only(ValidationReport r, String rule) {
        List<Finding> found = r.of(rule);
        assertThat(found).as(r.text()).hasSize(1);
        return found.get(0);
    }

    /** A common-source stage biased by a divider: every analog rule is silent on it. */
    private static final String CS_AMP = """
            * common-source amplifier, divider bias, AC-coupled input
            V1 vdd 0 DC 1.8
            V2 sig 0 DC 0 AC 1
            C1 sig g 1u
            R1 vdd g 200k
            R2 g 0 100k
            RD vdd d 10k
            M1 d g 0 0 nch W=10u L=1u
            .model nch nmos level=1
            .end
            """;

    @Test
    void aBiasedCommonSourceStageIsClean() {
        ValidationReport r = spice(CS_AMP);
        assertThat(r.findings()).as(r.text()).noneMatch(f -> f.rule().startsWith("analog."));
    }

    @Test
    void everyRuleIsInTheAnalogGroupAndDocumented() {
        assertThat(AnalogRules.all()).extracting(dev.kirchhoff.validation.Rule::id).containsExactly(
                "analog.terminal-unconnected", "analog.internal-net-single", "analog.no-dc-path",
                "analog.voltage-loop", "analog.current-cutset", "analog.passive-shorted", "analog.bulk-tie");
        assertThat(AnalogRules.all()).allSatisfy(r -> {
            assertThat(r.group()).isEqualTo(dev.kirchhoff.validation.RuleGroup.ANALOG);
            assertThat(r.documentation()).hasSizeGreaterThan(200);
        });
    }

    @Nested
    class TerminalUnconnected {

        private Circuit amp(boolean gateWired) {
            Circuit.Builder b = Circuit.builder();
            b.add(Component.builder("V1", ComponentKind.VOLTAGE_SOURCE).build(), "vdd", "0");
            b.add(Component.builder("V2", ComponentKind.VOLTAGE_SOURCE).build(), "in", "0");
            b.add(Component.builder("RD", ComponentKind.RESISTOR).build(), "vdd", "out");
            b.add(Component.builder("M1", ComponentKind.MOSFET).model("nch").build(), "out",
                    gateWired ? "in" : null, "0", "0");
            return b.build();
        }

        @Test
        void aMosfetGateOnNoNetIsAnError() {
            ValidationReport r = Sketch.validator().validate(amp(false), "amp");
            Finding f = only(r, "analog.terminal-unconnected");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("M1:G");
            assertThat(f.components()).containsExactly("M1");
            assertThat(f.message()).contains("MOSFET M1 (nch)").contains("terminal G connected to nothing");
        }

        @Test
        void theSameStageWithItsGateWiredIsSilent() {
            assertThat(Sketch.validator().validate(amp(true), "amp").fired("analog.terminal-unconnected")).isFalse();
        }

        @Test
        void aMosfetWrittenWithThreeNodesHasNoBulkToMiss() {
            ValidationReport r = spice("""
                    * three-terminal MOSFET
                    V1 vdd 0 5
                    V2 in 0 2
                    RD vdd out 1k
                    M1 out in 0 nch
                    .model nch nmos
                    """);
            assertThat(r.fired("analog.terminal-unconnected")).as(r.text()).isFalse();
            assertThat(r.fired("analog.bulk-tie")).isFalse();
        }

        @Test
        void knowledgeBasePartsWithOpenPinsAreLeftToTheStructureRules() {
            ValidationReport r = Sketch.of().part("bme", "bme280-module").r("R1", "4.7k")
                    .net("3V3", "bme:VIN", "R1:1").net("SDA", "bme:SDA", "R1:2").validate();
            assertThat(r.fired("analog.terminal-unconnected")).as(r.text()).isFalse();
        }

        @Test
        void aResistorWithAnOpenEndIsAnError() {
            ValidationReport r = Sketch.of().part("bme", "bme280-module").r("R1", "4.7k")
                    .net("3V3", "bme:VIN", "R1:1").validate();
            assertThat(only(r, "analog.terminal-unconnected").pins()).containsExactly("R1:2");
        }
    }

    @Nested
    class InternalNetSingle {

        @Test
        void aNetTouchingOneDrainIsAnError() {
            ValidationReport r = spice(CS_AMP.replace("M1 d g 0 0", "M2 dx g 0 0 nch\nM1 d g 0 0"));
            Finding f = only(r, "analog.internal-net-single");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("dx");
            assertThat(f.pins()).containsExactly("M2:D");
            // the same dangling net is not reported a second time as floating
            assertThat(r.fired("analog.no-dc-path")).isFalse();
        }

        @Test
        void aNetNamedAsAPortMayTouchOneTerminal() {
            ValidationReport r = spice(CS_AMP.replace("M1 d g 0 0", "M2 vout2 g 0 0 nch\nM1 d g 0 0"));
            assertThat(r.fired("analog.internal-net-single")).as(r.text()).isFalse();
        }

        @Test
        void aSubcircuitPortMayTouchOneTerminalButAnInternalNetMayNot() {
            ValidationReport r = spice("""
                    * follower inside a subcircuit
                    .subckt follower in out vdd vss
                    M1 vdd in out vss nch
                    M2 out bias vss vss nch
                    M3 stray bias vss vss nch
                    R1 vdd bias 100k
                    R2 bias vss 100k
                    .ends
                    V1 vdd 0 3.3
                    V2 a 0 1.5
                    X1 a y vdd 0 follower
                    RL y 0 10k
                    .model nch nmos
                    """);
            Finding f = only(r, "analog.internal-net-single");
            assertThat(f.nets()).containsExactly("follower/stray");
            assertThat(f.pins()).containsExactly("follower/M3:D");
            assertThat(f.message()).contains("in subcircuit follower");
        }
    }

    @Nested
    class NoDcPath {

        @Test
        void aGateReachedOnlyThroughACouplingCapacitorFloats() {
            ValidationReport r = spice(CS_AMP.replace("R1 vdd g 200k\n", "").replace("R2 g 0 100k\n", ""));
            Finding f = only(r, "analog.no-dc-path");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("g");
            assertThat(f.pins()).containsExactlyInAnyOrder("C1:2", "M1:G");
            assertThat(f.message()).contains("only through").contains("C1:2");
        }

        @Test
        void oneBiasResistorGivesItAPath() {
            ValidationReport r = spice(CS_AMP.replace("R1 vdd g 200k\n", ""));
            assertThat(r.fired("analog.no-dc-path")).as(r.text()).isFalse();
        }

        @Test
        void netsJoinedByAResistorButIsolatedByCapacitorsAreOneFinding() {
            ValidationReport r = spice("""
                    * RC island
                    V1 in 0 DC 1 AC 1
                    C1 in a 1n
                    R1 a b 1k
                    C2 b 0 1n
                    R2 in 0 1k
                    """);
            Finding f = only(r, "analog.no-dc-path");
            assertThat(f.nets()).containsExactly("a", "b");
            assertThat(f.pins()).containsExactlyInAnyOrder("C1:2", "C2:1");
        }

        @Test
        void inABareTopologyInputAndBiasPortsAreDrivenFromOutside() {
            // AnalogGenie style: no sources; VIN1 and VB1 are ports a testbench drives
            ValidationReport r = spice("""
                    * common source with current-source load
                    M0 VOUT1 VB1 VDD VDD pmos4
                    M1 VOUT1 VIN1 VSS VSS nmos4
                    """);
            assertThat(r.findings()).as(r.text()).noneMatch(f -> f.rule().startsWith("analog."));
        }

        @Test
        void inABareTopologyAnOutputReachedOnlyThroughACapacitorFloats() {
            ValidationReport r = spice("""
                    * AC-coupled output without a load
                    M0 net1 VB1 VDD VDD pmos4
                    M1 net1 VIN1 VSS VSS nmos4
                    C0 net1 VOUT1 1p
                    M2 net2 VOUT1 VSS VSS nmos4
                    R0 VDD net2 1k
                    """);
            Finding f = only(r, "analog.no-dc-path");
            assertThat(f.nets()).containsExactly("VOUT1");
        }

        @Test
        void aDeckWithSourcesMustDriveItsInputsItself() {
            // the bare topology above is clean; give it a supply source and VIN1 is just a floating gate
            ValidationReport r = spice("""
                    * common source, supply only
                    V1 VDD VSS 1.8
                    V2 VB1 VSS 1.0
                    M0 VOUT1 VB1 VDD VDD pmos4
                    M1 VOUT1 VIN1 VSS VSS nmos4
                    C1 VIN1 VSS 1p
                    """);
            assertThat(only(r, "analog.no-dc-path").nets()).containsExactly("VIN1");
        }

        @Test
        void aFloatingWellIsNotAMissingDcPath() {
            // the bulk junctions conduct; where the bulk goes is analog.bulk-tie's concern
            ValidationReport r = spice("""
                    * pair in a floating well
                    M1 VOUT1 VIN1 net3 well nmos4
                    M2 VOUT2 VIN2 net3 well nmos4
                    M3 net3 VB1 VSS VSS nmos4
                    R1 VDD VOUT1 1k
                    R2 VDD VOUT2 1k
                    """);
            assertThat(r.fired("analog.no-dc-path")).as(r.text()).isFalse();
            assertThat(r.of("analog.bulk-tie")).hasSize(2).allSatisfy(f -> assertThat(f.message())
                    .contains("floating well"));
        }

        @Test
        void aCircuitWithoutAnyGroundIsNotJudged() {
            ValidationReport r = spice("""
                    * no ground anywhere
                    V1 a b 5
                    C1 a c 1n
                    R1 c c2 1k
                    """);
            assertThat(r.fired("analog.no-dc-path")).isFalse();
        }
    }

    @Nested
    class VoltageLoop {

        @Test
        void twoSourcesInParallelFormALoop() {
            ValidationReport r = spice("""
                    * two supplies on one rail
                    V1 vdd 0 5
                    V2 vdd 0 3.3
                    R1 vdd 0 1k
                    """);
            Finding f = only(r, "analog.voltage-loop");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("V1", "V2");
            assertThat(f.nets()).containsExactlyInAnyOrder("vdd", "0");
        }

        @Test
        void aResistorBetweenThemBreaksTheLoop() {
            ValidationReport r = spice("""
                    * two supplies through a resistor
                    V1 vdd 0 5
                    V2 v33 0 3.3
                    R1 vdd v33 1k
                    """);
            assertThat(r.fired("analog.voltage-loop")).as(r.text()).isFalse();
        }

        @Test
        void aLoopThroughAnInductorNamesEveryElement() {
            ValidationReport r = spice("""
                    * source, choke and a second source
                    V1 a 0 5
                    L1 a b 10u
                    V2 b 0 1
                    R1 b 0 1k
                    """);
            assertThat(only(r, "analog.voltage-loop").components()).containsExactlyInAnyOrder("V1", "L1", "V2");
        }

        @Test
        void inductorsInParallelAreALoopUnlessTheyHaveSeriesResistance() {
            String deck = """
                    * two chokes in parallel
                    V1 in 0 DC 1
                    R1 in a 10
                    L1 a 0 10u%s
                    L2 a 0 10u
                    """;
            assertThat(only(spice(deck.formatted("")), "analog.voltage-loop").components())
                    .containsExactly("L1", "L2");
            assertThat(spice(deck.formatted(" Rser=0.1")).fired("analog.voltage-loop")).isFalse();
        }

        @Test
        void aSourceWithBothEndsOnOneNetIsALoopByItself() {
            ValidationReport r = spice("""
                    * shorted source
                    V1 a a 1
                    R1 a 0 1k
                    """);
            Finding f = only(r, "analog.voltage-loop");
            assertThat(f.components()).containsExactly("V1");
            assertThat(f.nets()).containsExactly("a");
        }

        @Test
        void aVcvsOutputCountsAsAVoltageSource() {
            ValidationReport r = spice("""
                    * ideal amplifier driving a supplied node
                    V1 out 0 1
                    V2 in 0 0.1
                    E1 out 0 in 0 10
                    """);
            assertThat(only(r, "analog.voltage-loop").components()).containsExactlyInAnyOrder("V1", "E1");
        }
    }

    @Nested
    class CurrentCutset {

        @Test
        void twoCurrentSourcesInSeriesCutTheirMiddleNodeOff() {
            ValidationReport r = spice("""
                    * current sources in series
                    V1 vdd 0 5
                    I1 vdd mid 1m
                    I2 mid 0 1m
                    R1 vdd 0 1k
                    """);
            Finding f = only(r, "analog.current-cutset");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("mid");
            assertThat(f.components()).containsExactly("I1", "I2");
            assertThat(r.fired("analog.no-dc-path")).isFalse();
        }

        @Test
        void aResistorOnTheMiddleNodeGivesTheCurrentAPath() {
            ValidationReport r = spice("""
                    * current sources in series with a shunt
                    V1 vdd 0 5
                    I1 vdd mid 1m
                    I2 mid 0 1m
                    R1 mid 0 1k
                    """);
            assertThat(r.fired("analog.current-cutset")).as(r.text()).isFalse();
        }

        @Test
        void aCurrentSourceIntoCapacitorsAndGatesIsACutSet() {
            ValidationReport r = spice("""
                    * bias current into a gate with no diode connection
                    V1 vdd 0 1.8
                    I1 vdd nb 10u
                    C1 nb 0 1p
                    M1 d nb 0 0 nch
                    RD vdd d 10k
                    .model nch nmos
                    """);
            Finding f = only(r, "analog.current-cutset");
            assertThat(f.nets()).containsExactly("nb");
            assertThat(f.components()).containsExactly("I1");
            assertThat(f.pins()).containsExactlyInAnyOrder("C1:1", "M1:G");
        }

        @Test
        void theSameCurrentIntoADiodeConnectedTransistorIsFine() {
            ValidationReport r = spice("""
                    * bias current into a diode-connected mirror
                    V1 vdd 0 1.8
                    I1 vdd nb 10u
                    M0 nb nb 0 0 nch
                    M1 d nb 0 0 nch
                    RD vdd d 10k
                    .model nch nmos
                    """);
            assertThat(r.fired("analog.current-cutset")).as(r.text()).isFalse();
        }

        @Test
        void aVccsOutputIsACurrentSourceToo() {
            ValidationReport r = spice("""
                    * transconductor into a capacitor
                    V1 in 0 DC 1
                    R1 in 0 1k
                    G1 0 out in 0 1m
                    C1 out 0 1p
                    """);
            assertThat(only(r, "analog.current-cutset").components()).containsExactly("G1");
        }
    }

    @Nested
    class PassiveShorted {

        @Test
        void aResistorOnOneNetIsAnErrorAndACapacitorAWarning() {
            ValidationReport r = spice("""
                    * shorted passives
                    V1 a 0 1
                    R1 a a 1k
                    C1 a a 1n
                    R2 a 0 1k
                    """);
            List<Finding> found = r.of("analog.passive-shorted");
            assertThat(found).hasSize(2);
            assertThat(found).filteredOn(f -> f.components().contains("R1")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.nets()).containsExactly("a");
            });
            assertThat(found).filteredOn(f -> f.components().contains("C1")).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        }

        @Test
        void anInductorOnOneNetIsAnError() {
            ValidationReport r = spice("""
                    * shorted inductor
                    V1 a 0 1
                    L1 a a 1u
                    R2 a 0 1k
                    """);
            assertThat(only(r, "analog.passive-shorted").severity()).isEqualTo(Severity.ERROR);
        }

        @Test
        void aDiodeConnectedTransistorIsNotAShortedPassive() {
            ValidationReport r = spice("""
                    * divider and a diode-connected transistor
                    V1 a 0 1
                    R1 a b 1k
                    R2 b 0 1k
                    M1 b b 0 0 nch
                    .model nch nmos
                    """);
            assertThat(r.fired("analog.passive-shorted")).as(r.text()).isFalse();
        }
    }

    @Nested
    class BulkTie {

        private ValidationReport deck(String nmosBulk, String pmosBulk) {
            return spice("""
                    * CMOS inverter
                    V1 vdd 0 1.8
                    V2 in 0 0.9
                    MP out in vdd %s pch
                    MN out in 0 %s nch
                    .model nch nmos level=1
                    .model pch pmos level=1
                    """.formatted(pmosBulk, nmosBulk));
        }

        @Test
        void anNmosBulkOnTheSupplyIsAWarning() {
            Finding f = only(deck("vdd", "vdd"), "analog.bulk-tie");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.components()).containsExactly("MN");
            assertThat(f.pins()).containsExactly("MN:B");
            assertThat(f.message()).contains("NMOS MN").contains("bulk on vdd").contains("lowest rail 0");
        }

        @Test
        void aPmosBulkOnGroundIsAWarning() {
            Finding f = only(deck("0", "0"), "analog.bulk-tie");
            assertThat(f.components()).containsExactly("MP");
            assertThat(f.message()).contains("PMOS MP").contains("highest rail vdd");
        }

        @Test
        void bulksOnTheirRailsOrTheirSourcesAreFine() {
            assertThat(deck("0", "vdd").fired("analog.bulk-tie")).isFalse();
            assertThat(spice("""
                    * source follower in its own well
                    V1 vdd 0 1.8
                    V2 in 0 0.9
                    M1 vdd in out out nch
                    R1 out 0 10k
                    .model nch nmos level=1
                    """).fired("analog.bulk-tie")).isFalse();
        }

        @Test
        void polarityComesFromTheModelCardBeforeTheName() {
            // a model called "pdrive" that the card says is an NMOS: its bulk on vdd is wrong
            ValidationReport r = spice("""
                    * misleading model name
                    V1 vdd 0 1.8
                    V2 in 0 0.9
                    RD vdd out 10k
                    M1 out in 0 vdd pdrive
                    .model pdrive nmos level=1
                    """);
            assertThat(only(r, "analog.bulk-tie").message()).contains("NMOS M1");
        }

        @Test
        void pdkModelNamesTellThePolarity() {
            ValidationReport r = spice("""
                    * sky130-style names
                    V1 vdd 0 1.8
                    V2 in 0 0.9
                    M1 out in vdd 0 sky130_fd_pr__pfet_01v8
                    M2 out in 0 0 sky130_fd_pr__nfet_01v8
                    """);
            assertThat(only(r, "analog.bulk-tie").components()).containsExactly("M1");
        }

        @Test
        void aMosfetOfUnknownPolarityIsNotJudged() {
            ValidationReport r = spice("""
                    * unknown model
                    V1 vdd 0 1.8
                    V2 in 0 0.9
                    RD vdd out 10k
                    M1 out in 0 vdd mystery
                    """);
            assertThat(r.fired("analog.bulk-tie")).isFalse();
        }
    }

    @Test
    void portNamesOfBareTopologies() {
        assertThat(List.of("VDD", "VSS", "0", "GND", "VIN1", "VOUT2", "VB3", "IB1", "VREF1", "VCM1", "VCLK1",
                "VCONT4", "IOUT1", "IIN2", "VLO1", "VRF1", "VIF2", "LOGICQA1", "IREF1", "VBB1", "VTRACK1", "VLATCH1",
                "VHOLD1", "VLOGICA1", "IN1", "VCKL1", "out", "inp", "voutn", "clk", "vbias"))
                .allSatisfy(n -> assertThat(AnalogRules.isPortName(n)).as(n).isTrue());
        assertThat(List.of("net5", "net0103", "neta", "g", "mid", "tail", "x1"))
                .allSatisfy(n -> assertThat(AnalogRules.isPortName(n)).as(n).isFalse());
    }
}
