package dev.kirchhoff.schematic.format.kicad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.Notice;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.PinRef;
import dev.kirchhoff.schematic.model.PinType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads {@code led-switch.net}: a 9 V battery, a push button driving a 2N2222 through 1k, a red LED via 470R. */
class KicadNetlistReadTest {

    private static Circuit ledSwitch;

    @BeforeAll
    static void read() throws ParseException {
        ledSwitch = KicadTestFiles.readKicadResource("led-switch.net");
    }

    private static Component component(Circuit c, String ref) {
        return c.component(ref).orElseThrow(() -> new AssertionError("no component " + ref));
    }

    @Test
    void baseResistorR1IsOneKilohm() {
        Component r1 = component(ledSwitch, "R1");
        assertThat(r1.kind()).isEqualTo(ComponentKind.RESISTOR);
        assertThat(r1.value().isNumber()).isTrue();
        assertThat(r1.value().magnitude()).isEqualTo(1000.0);
        assertThat(component(ledSwitch, "R2").value().magnitude()).isEqualTo(470.0);
        assertThat(component(ledSwitch, "R3").value().magnitude()).isEqualTo(10_000.0);
    }

    @Test
    void ledAnodeIsOnTheNetFedByTheCurrentLimitingResistor() {
        Component d1 = component(ledSwitch, "D1");
        assertThat(d1.kind()).isEqualTo(ComponentKind.LED);
        assertThat(d1.pins().get(d1.terminalIndex("A")).number()).isEqualTo("2");
        assertThat(ledSwitch.netOf(PinRef.of("D1:2"))).contains("Net-(D1-A)");
        assertThat(ledSwitch.net("Net-(D1-A)").orElseThrow().pins())
                .containsExactlyInAnyOrder(PinRef.of("D1:2"), PinRef.of("R2:2"));
        assertThat(ledSwitch.netOf(PinRef.of("D1:K"))).contains("Net-(D1-K)");
    }

    @Test
    void q1IsAnNpnBjtWhosePin2IsTheBaseOnTheBaseNet() {
        Component q1 = component(ledSwitch, "Q1");
        assertThat(q1.kind()).isEqualTo(ComponentKind.BJT);
        assertThat(q1.pins().get(1).number()).isEqualTo("2");
        assertThat(q1.pins().get(1).name()).isEqualTo("B");
        assertThat(q1.pins().get(1).type()).isEqualTo(PinType.INPUT);
        assertThat(ledSwitch.netOf(PinRef.of("Q1:2"))).contains("Net-(Q1-B)");
        assertThat(ledSwitch.net("Net-(Q1-B)").orElseThrow().pins())
                .containsExactlyInAnyOrder(PinRef.of("Q1:2"), PinRef.of("R1:2"), PinRef.of("R3:1"));
        assertThat(ledSwitch.netOf(PinRef.of("Q1:E"))).contains("GND");
        assertThat(q1.property("polarity")).isEqualTo("n");
    }

    @Test
    void q1TakesItsModelFromSimNameAndItsLibraryBecomesAnInclude() {
        Component q1 = component(ledSwitch, "Q1");
        assertThat(q1.model()).isEqualTo("Q2N2222");
        assertThat(q1.value().text()).isEqualTo("2N2222");
        assertThat(ledSwitch.includes()).singleElement()
                .satisfies(inc -> assertThat(inc.path()).isEqualTo("models/2n2222.lib"));
    }

    @Test
    void footprintsFieldsAndTimeStampsAreKeptAsKicadProperties() {
        Component r1 = component(ledSwitch, "R1");
        assertThat(r1.property(KicadNetlistFormat.FOOTPRINT))
                .isEqualTo("Resistor_THT:R_Axial_DIN0207_L6.3mm_D2.5mm_P10.16mm_Horizontal");
        assertThat(r1.property("kicad.field.MPN")).isEqualTo("CFR-25JB-52-1K");
        assertThat(r1.property(KicadNetlistFormat.LIBSOURCE)).isEqualTo("Device:R");
        assertThat(r1.property(KicadNetlistFormat.DATASHEET)).isEqualTo("~");
        assertThat(r1.property(KicadNetlistFormat.TSTAMPS)).isEqualTo("c2b7a9e1-3f4d-4e5a-b6c7-8d9e0f1a2b3c");
        assertThat(r1.property("kicad.property.Sheetfile")).isEqualTo("led-switch.kicad_sch");
        assertThat(r1.property("kicad.property.ki_fp_filters")).isEqualTo("R_*");
        // Non-mandatory fields are written twice by KiCad (field and property); they are kept once.
        assertThat(r1.properties()).doesNotContainKey("kicad.property.MPN");
        assertThat(component(ledSwitch, "Q1").property("kicad.field.Sim.Pins")).isEqualTo("1=E 2=B 3=C");
    }

    @Test
    void batteryIsANineVoltSourceWithPlusOnPin1() {
        Component bt1 = component(ledSwitch, "BT1");
        assertThat(bt1.kind()).isEqualTo(ComponentKind.VOLTAGE_SOURCE);
        assertThat(bt1.value().magnitude()).isEqualTo(9.0);
        assertThat(ledSwitch.netOf(PinRef.of("BT1:+"))).contains("+9V");
    }

    @Test
    void pushButtonIsAGenericPartNamedAfterItsSymbol() {
        Component sw1 = component(ledSwitch, "SW1");
        assertThat(sw1.kind()).isEqualTo(ComponentKind.PART);
        assertThat(sw1.part()).isEqualTo("kicad:Switch:SW_Push");
        assertThat(sw1.value().text()).isEqualTo("SW_Push");
        assertThat(sw1.model()).isNull();
        assertThat(ledSwitch.netOf(PinRef.of("SW1:2"))).contains("Net-(R1-Pad1)");
    }

    @Test
    void componentLineIsTheLineOfItsCompAndTheTitleComesFromTheTitleBlock() {
        List<String> lines = KicadTestFiles.text("led-switch.net").lines().toList();
        int r1Line = lines.indexOf("    (comp (ref \"R1\")") + 1;
        assertThat(component(ledSwitch, "R1").line()).isEqualTo(r1Line);
        assertThat(ledSwitch.title()).isEqualTo("LED switch");
        assertThat(ledSwitch.netNames()).containsExactly("+9V", "GND", "Net-(D1-A)", "Net-(D1-K)", "Net-(Q1-B)",
                "Net-(R1-Pad1)");
    }

    @Test
    void kicad5UnquotedNetlistReadsWithMAsMegaAndRkmValues() throws ParseException {
        Circuit c = KicadTestFiles.readKicadResource("kicad5-divider.net");
        assertThat(component(c, "R1").value().magnitude()).isEqualTo(4700.0);
        assertThat(component(c, "R2").value().magnitude()).isEqualTo(1e6);
        assertThat(c.netOf(PinRef.of("R2:1"))).contains("/VOUT");
        assertThat(component(c, "R1").pins().get(0).name()).isEmpty();   // KiCad 5's "~"
        assertThat(component(c, "J1").pins()).extracting(p -> p.name()).containsExactly("Pin_1", "Pin_2", "Pin_3");
        assertThat(component(c, "J1").part()).isEqualTo("kicad:Connector_Generic:Conn_01x03");
        assertThat(component(c, "R1").property("kicad.field.MPN")).isEqualTo("RC0805FR-074K7L");
        assertThat(component(c, "R1").property(KicadNetlistFormat.TSTAMPS)).isEqualTo("6229F2A1");
        assertThat(c.title()).isEqualTo("Divider");
    }

    @Test
    void kicad7SimulationFieldsDescribeASineSourceAndAnInlineDiodeModel() throws ParseException {
        String text = """
                (export (version "E")
                  (components
                    (comp (ref "V1")
                      (value "${SIM.PARAMS}")
                      (fields
                        (field (name "Sim.Device") "V")
                        (field (name "Sim.Type") "SIN")
                        (field (name "Sim.Pins") "1=+ 2=-")
                        (field (name "Sim.Params") "dc=0 ampl=1 f=1M ac=1"))
                      (libsource (lib "Simulation_SPICE") (part "VSIN") (description "Voltage source, sinusoidal")))
                    (comp (ref "D1")
                      (value "D")
                      (fields
                        (field (name "Sim.Device") "D")
                        (field (name "Sim.Pins") "1=K 2=A")
                        (field (name "Sim.Params") "is=2.52n n=1.752 area=2"))
                      (libsource (lib "Device") (part "D") (description "Diode"))))
                  (nets
                    (net (code "1") (name "in")
                      (node (ref "D1") (pin "2") (pinfunction "A") (pintype "passive"))
                      (node (ref "V1") (pin "1") (pintype "passive")))
                    (net (code "2") (name "GND")
                      (node (ref "D1") (pin "1") (pinfunction "K") (pintype "passive"))
                      (node (ref "V1") (pin "2") (pintype "passive")))))
                """;
        Circuit c = KicadTestFiles.readKicad("sim.net", text);
        Component v1 = component(c, "V1");
        assertThat(v1.kind()).isEqualTo(ComponentKind.VOLTAGE_SOURCE);
        assertThat(v1.value().text()).isEqualTo("SIN(0 1 1M) AC 1");
        assertThat(v1.property(KicadNetlistFormat.VALUE)).isEqualTo("${SIM.PARAMS}");
        // KiCad's SI notation: 1M is a megahertz, so SPICE must say 1meg.
        assertThat(KicadTestFiles.writeSpice(c, new Notices())).contains("SIN(0 1 1meg) AC 1");

        Component d1 = component(c, "D1");
        assertThat(d1.model()).isEqualTo("kicad_D1");
        assertThat(d1.parameters()).extracting(Parameter::name).containsExactly("area");
        ModelCard card = c.model("kicad_D1").orElseThrow();
        assertThat(card.type()).isEqualTo("d");
        assertThat(card.parameters()).extracting(Parameter::name).containsExactly("is", "n");
        assertThat(card.parameters().get(0).value().magnitude()).isEqualTo(2.52e-9);
    }

    @Test
    void kicad6SpicePrimitiveAndModelFieldsSetKindAndModel() throws ParseException {
        String text = """
                (export (version "E")
                  (components
                    (comp (ref "Q1")
                      (value "BC547")
                      (fields
                        (field (name "Spice_Primitive") "Q")
                        (field (name "Spice_Model") "BC547B")
                        (field (name "Spice_Lib_File") "bjt.lib"))
                      (libsource (lib "Transistor_BJT") (part "BC547") (description "0.1A Ic, 45V Vce, Small Signal NPN Transistor, TO-92"))))
                  (libparts
                    (libpart (lib "Transistor_BJT") (part "BC547")
                      (pins
                        (pin (num "1") (name "C") (type "passive"))
                        (pin (num "2") (name "B") (type "input"))
                        (pin (num "3") (name "E") (type "passive"))))))
                """;
        Circuit c = KicadTestFiles.readKicad("k6.net", text);
        Component q1 = component(c, "Q1");
        assertThat(q1.kind()).isEqualTo(ComponentKind.BJT);
        assertThat(q1.model()).isEqualTo("BC547B");
        assertThat(q1.property("polarity")).isEqualTo("n");
        assertThat(c.includes()).extracting(i -> i.path()).containsExactly("bjt.lib");
    }

    @Test
    void transistorFromAPartLibraryIsABjtWhenItsPinsAreNamedCbe() throws ParseException {
        String text = """
                (export (version "E")
                  (components
                    (comp (ref "Q7") (value "2N3906")
                      (libsource (lib "Transistor_BJT") (part "2N3906") (description "-0.2A Ic, -40V Vce, Small Signal PNP Transistor, TO-92"))))
                  (libparts
                    (libpart (lib "Transistor_BJT") (part "2N3906")
                      (pins
                        (pin (num "1") (name "E") (type "passive"))
                        (pin (num "2") (name "B") (type "input"))
                        (pin (num "3") (name "C") (type "passive"))))))
                """;
        Component q7 = component(KicadTestFiles.readKicad("pnp.net", text), "Q7");
        assertThat(q7.kind()).isEqualTo(ComponentKind.BJT);
        assertThat(q7.model()).isEqualTo("2N3906");
        assertThat(q7.property("polarity")).isEqualTo("p");
        assertThat(q7.pins().get(q7.terminalIndex("C")).number()).isEqualTo("3");
    }

    @Test
    void symbolNamedLikeADiodeWithFourPinsIsReadAsAPartAndReported() throws ParseException {
        String text = """
                (export (version "E")
                  (components
                    (comp (ref "D5") (value "MB6S")
                      (libsource (lib "Device") (part "D_Bridge_+-AA") (description "Diode bridge"))))
                  (libparts
                    (libpart (lib "Device") (part "D_Bridge_+-AA")
                      (pins
                        (pin (num "1") (name "+") (type "passive"))
                        (pin (num "2") (name "-") (type "passive"))
                        (pin (num "3") (name "~") (type "passive"))
                        (pin (num "4") (name "~") (type "passive"))))))
                """;
        Notices notices = new Notices();
        Circuit c = new KicadNetlistFormat().read(Source.of("bridge.net", text), notices);
        assertThat(component(c, "D5").kind()).isEqualTo(ComponentKind.PART);
        assertThat(component(c, "D5").part()).isEqualTo("kicad:Device:D_Bridge_+-AA");
        assertThat(notices.all()).anySatisfy(n -> {
            assertThat(n.severity()).isEqualTo(Notice.Severity.INFO);
            assertThat(n.message()).contains("D5").contains("generic parts");
        });
    }

    @Test
    void pinsThatOnlyNetsMentionBecomePinsNamedByTheirPinfunction() throws ParseException {
        String text = """
                (export (version "E")
                  (components
                    (comp (ref "U1") (value "BME280") (libsource (lib "Sensor") (part "BME280") (description "")))
                    (comp (ref "R10") (value "4k7"))
                    (comp (ref "R2") (value "4k7")))
                  (nets
                    (net (code "1") (name "/SDA")
                      (node (ref "U1") (pin "4") (pinfunction "SDI") (pintype "bidirectional"))
                      (node (ref "R10") (pin "1")))
                    (net (code "2") (name "/SCL")
                      (node (ref "U1") (pin "3") (pinfunction "SCK") (pintype "input+no_connect"))
                      (node (ref "R2") (pin "1")))
                    (net (code "3") (name "+3V3")
                      (node (ref "R10") (pin "2"))
                      (node (ref "R2") (pin "2")))))
                """;
        Circuit c = KicadTestFiles.readKicad("nolibparts.net", text);
        Component u1 = component(c, "U1");
        assertThat(u1.pins()).extracting(p -> p.number() + ":" + p.name() + ":" + p.type())
                .containsExactly("3:SCK:INPUT", "4:SDI:BIDIRECTIONAL");
        assertThat(c.netOf(PinRef.of("U1:SDI"))).contains("/SDA");
        // No symbol at all: a numeric R-prefixed component is a resistor; U1 stays a part.
        assertThat(component(c, "R10").kind()).isEqualTo(ComponentKind.RESISTOR);
        assertThat(component(c, "R10").value().magnitude()).isEqualTo(4700.0);
        assertThat(u1.kind()).isEqualTo(ComponentKind.PART);
    }

    @Test
    void escapedQuotesAndBackslashesInStringsAreUnescaped() throws ParseException {
        String text = """
                (export (version "E")
                  (components
                    (comp (ref "J1") (value "say \\"hi\\"")
                      (datasheet "C:\\\\docs\\\\j1.pdf")
                      (libsource (lib "Connector") (part "Conn") (description ""))))
                  (nets (net (code "1") (name "/A\\\\B") (node (ref "J1") (pin "1")))))
                """;
        Circuit c = KicadTestFiles.readKicad("esc.net", text);
        assertThat(component(c, "J1").value().text()).isEqualTo("say \"hi\"");
        assertThat(component(c, "J1").property(KicadNetlistFormat.DATASHEET)).isEqualTo("C:\\docs\\j1.pdf");
        assertThat(c.netNames()).containsExactly("/A\\B");
    }

    @Test
    void simulationModelWhosePinsDoNotFitIsAWarning() throws ParseException {
        String text = """
                (export (version "E")
                  (components
                    (comp (ref "Q3") (value "BC547")
                      (fields (field (name "Sim.Device") "NPN"))
                      (libsource (lib "Sensor") (part "Odd") (description ""))))
                  (libparts
                    (libpart (lib "Sensor") (part "Odd")
                      (pins
                        (pin (num "1") (name "X") (type "passive"))
                        (pin (num "2") (name "Y") (type "passive"))
                        (pin (num "3") (name "Z") (type "passive"))))))
                """;
        Notices notices = new Notices();
        Circuit c = new KicadNetlistFormat().read(Source.of("odd.net", text), notices);
        assertThat(component(c, "Q3").kind()).isEqualTo(ComponentKind.PART);
        assertThat(notices.all()).anySatisfy(n -> {
            assertThat(n.severity()).isEqualTo(Notice.Severity.WARNING);
            assertThat(n.message()).contains("Q3").contains("Sim.Device");
        });
    }
}
