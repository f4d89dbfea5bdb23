package dev.kirchhoff.schematic.format.kicad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.Notice;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KicadNetlistWriteTest {

    private static final String TRANSISTORS = """
            * transistor zoo
            .model Q2N3906 PNP(IS=1e-14 BF=200)
            .model nch NMOS(level=1 vto=0.7)
            .model pch PMOS(level=1 vto=-0.7)
            .model jn NJF(vto=-2)
            Q1 c b e Q2N3906
            M1 d g 0 0 nch w=1u l=180n
            M2 d g vdd vdd pch w=2u l=180n
            J1 d g s jn
            .end
            """;

    @Test
    void rcDividerFromSpiceIsWrittenExactlyAsTheGoldenFile() throws ParseException {
        Circuit c = KicadTestFiles.readSpice("rc-divider.cir", KicadTestFiles.text("rc-divider.cir"));
        assertThat(KicadTestFiles.writeKicad(c)).isEqualTo(KicadTestFiles.text("rc-divider.golden.net"));
    }

    @Test
    void rcDividerTranDirectiveIsReportedAsNotExpressible() throws ParseException {
        Circuit c = KicadTestFiles.readSpice("rc-divider.cir", KicadTestFiles.text("rc-divider.cir"));
        Notices notices = new Notices();
        KicadTestFiles.writeKicad(c, notices);
        assertThat(notices.all()).singleElement().satisfies(n -> {
            assertThat(n.severity()).isEqualTo(Notice.Severity.WARNING);
            assertThat(n.message()).contains(".tran").contains("not part of a KiCad netlist");
        });
    }

    @Test
    void spiceMilliIsWrittenSoKicadDoesNotReadMega() throws ParseException {
        Circuit c = KicadTestFiles.readSpice("m.cir", "* m\nR1 a 0 3M\nC1 a 0 1F\nR2 a 0 2MEG\nR3 a 0 4.7k\n.end\n");
        String out = KicadTestFiles.writeKicad(c);
        assertThat(out).contains("(comp (ref \"R1\")\n      (value \"3m\")");
        assertThat(out).contains("(comp (ref \"C1\")\n      (value \"1f\")");   // SPICE's F is femto
        assertThat(out).contains("(comp (ref \"R2\")\n      (value \"2MEG\")");
        assertThat(out).contains("(comp (ref \"R3\")\n      (value \"4.7k\")");
    }

    @Test
    void transistorsGetSimulationSymbolsByPolarityAndPinCount() throws ParseException {
        String out = KicadTestFiles.writeKicad(KicadTestFiles.readSpice("zoo.cir", TRANSISTORS));
        assertThat(out).contains("(libsource (lib \"Simulation_SPICE\") (part \"PNP\")");
        assertThat(out).contains("(libsource (lib \"Simulation_SPICE\") (part \"NMOS_Substrate\")");
        assertThat(out).contains("(libsource (lib \"Simulation_SPICE\") (part \"PMOS_Substrate\")");
        assertThat(out).contains("(libsource (lib \"Simulation_SPICE\") (part \"NJFET\")");
        assertThat(out).contains("(field (name \"Sim.Device\") \"PNP\")");
        assertThat(out).contains("(field (name \"Sim.Pins\") \"1=D 2=G 3=S 4=B\")");
        assertThat(out).contains("(field (name \"Sim.Name\") \"nch\")");
        assertThat(out).contains("(field (name \"Sim.Params\") \"w=1u l=180n\")");
        assertThat(out).contains("(field (name \"Sim.Device\") \"NJFET\")");
    }

    @Test
    void threePinMosfetGetsTheSymbolWithoutSubstrate() {
        Component m = Component.builder("M1", ComponentKind.MOSFET).model("nmos_lv")
                .pins(List.of(Pin.of("1", "D", PinType.PASSIVE), Pin.of("2", "G", PinType.INPUT),
                        Pin.of("3", "S", PinType.PASSIVE)))
                .build();
        Circuit c = Circuit.builder().add(m, "out", "in", "gnd").build();
        String out = KicadTestFiles.writeKicad(c);
        assertThat(out).contains("(part \"NMOS\")").contains("\"1=D 2=G 3=S\"");
    }

    @Test
    void modelsParametersDirectivesAndCouplingsAreEachReportedOnce() throws ParseException {
        String deck = """
                * reports
                .param rval=2k
                .model D1N4148 D(IS=2.52n)
                .model D2 D(IS=1n)
                L1 a 0 10u
                L2 b 0 10u
                K1 L1 L2 0.99
                K2 L1 L2 0.5
                D1 a b D1N4148
                R1 b 0 {rval}
                R2 a b {rval*2}
                .tran 1u 1m
                .op
                .end
                """;
        Notices notices = new Notices();
        String out = KicadTestFiles.writeKicad(KicadTestFiles.readSpice("r.cir", deck), notices);
        List<String> messages = notices.all().stream().map(Notice::message).toList();
        assertThat(messages).filteredOn(m -> m.contains("no pins")).singleElement()
                .satisfies(m -> assertThat(m).startsWith("2 components").contains("K1").contains("K2"));
        assertThat(messages).filteredOn(m -> m.contains("device models")).singleElement()
                .satisfies(m -> assertThat(m).contains("D1N4148").contains("D2"));
        assertThat(messages).filteredOn(m -> m.contains("circuit parameters")).singleElement()
                .satisfies(m -> assertThat(m).contains("rval"));
        assertThat(messages).filteredOn(m -> m.contains("simulator directives")).singleElement()
                .satisfies(m -> assertThat(m).contains(".tran").contains(".op"));
        assertThat(messages).filteredOn(m -> m.contains("parameter expressions")).singleElement()
                .satisfies(m -> assertThat(m).startsWith("2 values"));
        assertThat(out).doesNotContain("\"K1\"").contains("(value \"{rval*2}\")");
    }

    @Test
    void quotesAndBackslashesInNamesAndValuesAreEscaped() {
        Component j = Component.builder("J\"1", ComponentKind.PART).part("kicad:Connector:Conn_01x01")
                .value(Value.text("a\\b \"c\""))
                .pins(List.of(Pin.of("1", "Pin_1", PinType.PASSIVE))).build();
        String out = KicadTestFiles.writeKicad(Circuit.builder().add(j, "N\\1").build());
        assertThat(out).contains("(comp (ref \"J\\\"1\")").contains("(value \"a\\\\b \\\"c\\\"\")")
                .contains("(name \"N\\\\1\")");
    }

    @Test
    void nodesAreInNaturalOrderAndNetCodesCountFromOneInCircuitOrder() throws ParseException {
        Circuit c = KicadTestFiles.readSpice("n.cir", "* n\nR10 a b 1k\nR2 a b 1k\nR1 b a 1k\n.end\n");
        String out = KicadTestFiles.writeKicad(c);
        assertThat(out).contains("""
                    (net (code "1") (name "a")
                      (node (ref "R1") (pin "2") (pintype "passive"))
                      (node (ref "R2") (pin "1") (pintype "passive"))
                      (node (ref "R10") (pin "1") (pintype "passive")))
                    (net (code "2") (name "b")
                """);
    }

    @Test
    void writingTheSameCircuitTwiceGivesTheSameText() throws ParseException {
        Circuit c = KicadTestFiles.readKicadResource("led-switch.net");
        assertThat(KicadTestFiles.writeKicad(c)).isEqualTo(KicadTestFiles.writeKicad(c));
    }

    @Test
    void knowledgeBasePartKeepsItsIdInAFieldAndReadsBackAsThatPart() throws ParseException {
        Component uno = Component.builder("uno", ComponentKind.PART).part("arduino-uno")
                .pins(List.of(new Pin("A4", "SDA", PinType.BIDIRECTIONAL, Set.of(PinFunction.I2C_SDA)),
                        Pin.of("GND", "GND", PinType.POWER_IN)))
                .build();
        Circuit c = Circuit.builder().add(uno, "SDA", "GND").build();
        Notices notices = new Notices();
        String out = KicadTestFiles.writeKicad(c, notices);
        assertThat(out).contains("(libsource (lib \"Kirchhoff\") (part \"arduino-uno\")")
                .contains("(field (name \"Kirchhoff.Part\") \"arduino-uno\")")
                .contains("(node (ref \"uno\") (pin \"A4\") (pinfunction \"SDA\") (pintype \"bidirectional\"))");
        assertThat(notices.all()).anySatisfy(n -> assertThat(n.message()).contains("pin functions"));
        Component back = KicadTestFiles.readKicad("uno.net", out).component("uno").orElseThrow();
        assertThat(back.part()).isEqualTo("arduino-uno");
        assertThat(back.properties()).doesNotContainKey("kicad.field.Kirchhoff.Part");
        assertThat(back.pins()).extracting(Pin::type).containsExactly(PinType.BIDIRECTIONAL, PinType.POWER_IN);
    }

    @Test
    void unflattenedCircuitWritesItsTopLevelAndWarns() throws ParseException {
        String deck = """
                * hierarchy
                .subckt buf in out
                R1 in out 1k
                .ends buf
                X1 a b buf
                R9 b 0 1k
                .end
                """;
        Circuit c = KicadTestFiles.readSpice("h.cir", deck);
        assertThat(c.subcircuits()).extracting(Subcircuit::name).containsExactly("buf");
        Notices notices = new Notices();
        String out = KicadTestFiles.writeKicad(c, notices);
        assertThat(out).contains("(libsource (lib \"Kirchhoff\") (part \"buf\")")
                .contains("(field (name \"Sim.Device\") \"SUBCKT\")")
                .contains("(field (name \"Sim.Pins\") \"1=in 2=out\")")
                .doesNotContain("\"R1\"");
        assertThat(notices.all()).anySatisfy(n -> {
            assertThat(n.severity()).isEqualTo(Notice.Severity.WARNING);
            assertThat(n.message()).contains("flat").contains("buf").contains("flatten");
        });
    }

    @Test
    void unknownPolarityTransistorIsWrittenAsNpnAndReported() {
        Component q = Component.builder("Q5", ComponentKind.BJT).model("mystery").build();
        Notices notices = new Notices();
        String out = KicadTestFiles.writeKicad(Circuit.builder().add(q, "c", "b", "e").build(), notices);
        assertThat(out).contains("(part \"NPN\")");
        assertThat(notices.all()).anySatisfy(n -> assertThat(n.message()).contains("Q5").contains("N-type"));
    }
}
