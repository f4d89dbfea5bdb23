package dev.kirchhoff.validation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.Binding;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.Sketch;
import dev.kirchhoff.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpiceExportTest {

    private static final SpiceExport EXPORT = new SpiceExport(Sketch.validator());

    private static SpiceDeck deck(Sketch sketch) {
        return EXPORT.deck(sketch.facts());
    }

    /** A rule that fails every component the knowledge base does not know, standing in for the structure rules. */
    private static final Rule UNKNOWN_PART = new Rule() {
        @Override
        public String id() {
            return "test.unknown-part";
        }

        @Override
        public RuleGroup group() {
            return RuleGroup.STRUCTURE;
        }

        @Override
        public String title() {
            return "unknown part";
        }

        @Override
        public String documentation() {
            return "test rule";
        }

        @Override
        public void check(CircuitFacts facts, Findings out) {
            for (int i = 0; i < facts.componentCount(); i++) {
                if (facts.binding(i).status() == Binding.Status.UNRESOLVED) {
                    out.add(Finding.error(id(), facts.ref(i) + " is no known part").withComponents(facts.ref(i)));
                }
            }
        }
    };

    @Test
    void refusesACircuitWithValidationErrorsUnlessForced() throws ExportRefusedException {
        SpiceExport strict = new SpiceExport(new Validator(Sketch.validator().resolver(), List.of(UNKNOWN_PART)));
        Circuit circuit = Sketch.of().add(Component.builder("U9", ComponentKind.PART).part("flux-capacitor-9000")
                        .pins(ComponentKind.SUBCIRCUIT.pinsForNodes(2)).build()).v("V1", "5")
                .net("VCC", "V1:+", "U9:1").net("GND", "V1:-", "U9:2").build();

        assertThatThrownBy(() -> strict.export(circuit, "bad.json", List.of(), false))
                .isInstanceOfSatisfying(ExportRefusedException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("bad.json has 1 validation error(s), so it was not exported "
                            + "to SPICE; fix them, or export anyway with --force");
                    assertThat(e.report().of("test.unknown-part")).singleElement()
                            .satisfies(f -> assertThat(f.components()).containsExactly("U9"));
                });

        SpiceDeck forced = strict.export(circuit, "bad.json", List.of(), true);
        assertThat(forced.text()).contains("XU9 VCC 0 KH_U9")
                .contains("* XU9 (U9): no knowledge-base part; its pins have only the leak to node 0");
    }

    @Test
    void aCircuitWithoutErrorsIsExportedWithoutForce() throws ExportRefusedException {
        SpiceExport strict = new SpiceExport(new Validator(Sketch.validator().resolver(), List.of(UNKNOWN_PART)));
        SpiceDeck deck = strict.export(Sketch.of().v("V1", "5").r("R1", "1k")
                .net("VCC", "V1:+", "R1:1").net("GND", "V1:-", "R1:2").build(), "ok.json", List.of(), false);
        assertThat(deck.text()).contains("V1 VCC 0 5").contains("R1 VCC 0 1k");
    }

    @Test
    void aBoardBecomesABehaviouralModuleWithItsGpioDrivingTheLed() {
        SpiceDeck deck = deck(Sketch.of().part("uno", "arduino-uno-r3").r("R1", "220")
                .device("D1", ComponentKind.LED, null, "led-red")
                .net("D13", "uno:D13", "R1:1").net("LED_A", "R1:2", "D1:A").net("GND", "D1:K", "uno:GND"));
        String t = deck.text();
        // pin 14 of the component is D13, pin 15 is GND.1 (the module's ground)
        assertThat(t).contains(".subckt KH_UNO p1 p2").contains("VOUT_p14 o_p14 p15 5\nROUT_p14 o_p14 p14 25\n")
                .contains("RIN_p21 p21 p15 10meg").contains("RTIE_p24 p15 p24 1m").contains("RDC_p14 p14 0 1g")
                .contains("VSUP_p23 s_p23 p15 5").contains("Xuno nc_Xuno_1").contains(" D13 0 nc_Xuno_16")
                .contains("R1 D13 LED_A 220\nVsense_D1 LED_A kh_D1_a 0\nD1 kh_D1_a 0 LED_RED_KB\n")
                .contains(".model LED_RED_KB D(IS=2.2e-18")
                .contains(".op\n.control\nrun\necho KIRCHHOFF-OP-BEGIN\nprint all\necho KIRCHHOFF-OP-END\nquit\n.endc\n")
                .contains("* Xuno (uno): p14 = uno:D13 driven HIGH at 5 V through 25 Ohm: it drives LED D1 through R1")
                .contains("* Every module pin has 1 GOhm to node 0: a DC path, so no node floats because of the model.")
                .endsWith(".end\n");
        assertThat(deck.nodes()).containsEntry("GND", "0").containsEntry("D13", "d13");
        assertThat(deck.ownerOf("v.xuno.vout_p14#branch")).isEqualTo("uno");
        assertThat(deck.ownerOf("vsense_d1#branch")).isEqualTo("D1");
        assertThat(deck.ownerOf("kh_d1_a")).isEqualTo("D1");
        assertThat(deck.ownerOf("d13")).isNull();
        assertThat(deck.ownerOf("nc_Xuno_16")).isEqualTo("uno");
        assertThat(deck.netOf("d13")).isEqualTo("D13");
        assertThat(deck.leds()).singleElement().satisfies(l -> {
            assertThat(l.vector()).isEqualTo("vsense_d1#branch");
            assertThat(l.rating()).isEqualTo(0.03);
        });
        assertThat(deck.outputs()).singleElement().satisfies(o -> {
            assertThat(o.vector()).isEqualTo("v.xuno.vout_p14#branch");
            assertThat(o.volts()).isEqualTo(5.0);
        });
        // the deck is a SPICE netlist Kirchhoff reads back
        Circuit back = Sketch.spice("deck.cir", t);
        assertThat(back.component("Vsense_D1")).isPresent();
        assertThat(back.subcircuit("KH_UNO")).isPresent();
    }

    @Test
    void aGpioDrivingNothingIsAnInput() {
        SpiceDeck deck = deck(Sketch.of().part("uno", "arduino-uno-r3").r("R1", "10k")
                .net("D2", "uno:D2", "R1:1").net("GND", "R1:2", "uno:GND"));
        assertThat(deck.outputs()).isEmpty();
        assertThat(deck.text()).contains("RIN_p3 p3 p15 10meg");
    }

    @Test
    void aBoardFedOnVinRegulatesThroughItsDropoutAndDrawsTheCurrentFromVin() {
        SpiceDeck deck = deck(Sketch.of().part("usb", "usb-power").part("esp", "esp32-devkit-v1")
                .net("5V", "usb:VBUS", "esp:VIN").net("GND", "usb:GND", "esp:GND"));
        assertThat(deck.text()).contains("BREG_p16 s_p16 p2 V=max(0,min(3.3,V(p1,p2)-1.1))")
                .contains("VIS_p16 s_p16 i_p16 0").contains("FIN_p16 p1 p2 VIS_p16 1")
                .contains("RLOAD p1 p2 62.5")
                .contains("X1 p1 p2 p3 p4 USB_POWER").contains(".subckt USB_POWER VBUS DM DP GND")
                .contains("* Xesp (esp): p1 = esp:VIN: supply current 80 mA typical at 5 V, as 62.5 Ohm to ground");
    }

    @Test
    void aDualOpAmpIsItsOwnSubcircuitOncePerUnit() {
        SpiceDeck deck = deck(Sketch.of().part("U1", "lm358").v("V1", "5")
                .net("VCC", "V1:+", "U1:VCC").net("GND", "V1:-", "U1:GND").net("A", "U1:1IN+")
                .net("OUT2", "U1:2OUT"));
        // LM358 DIP-8: 1OUT 1, 1IN- 2, 1IN+ 3, GND 4, 2IN+ 5, 2IN- 6, 2OUT 7, VCC 8; model order IN+ IN- VCC GND OUT
        assertThat(deck.text()).contains("X1 p3 p2 p8 p4 p1 LM358_KB\nX2 p5 p6 p8 p4 p7 LM358_KB\n")
                .contains(".subckt LM358_KB inp inn vcc vee out");
    }

    @Test
    void unitsRepeatWherePinNamesCarryAUnitNumber() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        Part quad = kb.require("lm324");
        assertThat(PartModule.units(quad, quad.model().pinOrder())).hasSize(4)
                .element(3).isEqualTo(List.of("4IN+", "4IN-", "VCC", "GND", "4OUT"));
        Part driver = kb.require("uln2803a");
        assertThat(PartModule.units(driver, driver.model().pinOrder())).hasSize(8);
        // DIG1..DIG4 are all in the first unit already; 1 and 3 are pin numbers, not units
        Part display = kb.require("seven-segment-4-digit");
        assertThat(PartModule.units(display, display.model().pinOrder())).hasSize(1);
        Part button = kb.require("push-button");
        assertThat(PartModule.units(button, button.model().pinOrder())).hasSize(1);
    }

    @Test
    void aRegulatorModelGetsAMinimumLoadAndItsTwinPinsAreTied() {
        SpiceDeck deck = deck(Sketch.of().part("U1", "ams1117-3-3").v("V1", "5")
                .net("VIN", "V1:+", "U1:VIN").net("GND", "V1:-", "U1:GND").net("3V3", "U1:2"));
        assertThat(deck.text()).contains("RTIE_p4 p2 p4 1m").contains("RMIN_p2 p2 p1 10k")
                .contains("X1 p1 p2 p3 AMS1117_33");
    }

    @Test
    void primitivesGetTheirPartsModelsOrAGenericOne() {
        SpiceDeck deck = deck(Sketch.of().device("Q1", ComponentKind.BJT, "2N2222", null)
                .device("M1", ComponentKind.MOSFET, null, "irlz44n").device("D2", ComponentKind.DIODE, "1N4007", null)
                .device("D3", ComponentKind.DIODE, "BAT99-NOWHERE", null).device("D4", ComponentKind.LED, null, null)
                .net("C", "Q1:C", "M1:D").net("B", "Q1:B", "M1:G", "D2:A", "D3:A", "D4:A")
                .net("GND", "Q1:E", "M1:S", "D2:K", "D3:K", "D4:K"));
        assertThat(deck.text()).contains("Q1 C B 0 Q2N2222A_KB").contains(".model Q2N2222A_KB NPN(")
                .contains("XM1 C B 0 IRLZ44N_KB").contains(".subckt IRLZ44N_KB D G S")
                .contains("D2 B 0 D1N4007_KB").contains("D3 B 0 BAT99-NOWHERE")
                .contains(".model BAT99-NOWHERE D(IS=3.3e-9")
                .contains("D4 kh_D4_a 0 LED_DEFAULT").contains(".model LED_DEFAULT D(")
                .contains("* D3: model BAT99-NOWHERE is defined nowhere; BAT99-NOWHERE stands in")
                .contains("* D4 names no model; LED_DEFAULT stands in (a red LED, Vf 2.0 V at 20 mA)")
                .contains("* M1 is a call of IRLZ44N_KB, the subcircuit of irlz44n");
        assertThat(deck.leds()).singleElement().satisfies(l -> {
            assertThat(l.ref()).isEqualTo("D4");
            assertThat(l.rating()).isEqualTo(SpiceExport.LED_RATING);
        });
    }

    @Test
    void anLedPartIsADeviceWithItsOwnCurrentProbePerSegment() {
        SpiceDeck deck = deck(Sketch.of().part("BAR", "led-bar-graph-10").r("R1", "330").v("V1", "5")
                .net("VCC", "V1:+", "R1:1").net("A1", "R1:2", "BAR:A1").net("GND", "V1:-", "BAR:C1"));
        assertThat(deck.leds()).hasSize(10);
        assertThat(deck.leds().get(0).vector()).isEqualTo("v.xbar.vsense1#branch");
        // pins A1..A10 are listed first, then C1 (pin 20) .. C10 (pin 11): C1 is the 11th
        assertThat(deck.text()).contains("VSENSE1 p1 a1 0\nD1 a1 p11 LEDBAR_RED")
                .contains("VSENSE10 p10 a10 0\nD10 a10 p20 LEDBAR_RED");
    }

    @Test
    void nonSpiceParametersAndValuelessPassivesAreLeftOutWithANote() {
        Component r1 = Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("1k"))
                .parameter("power", Value.parse("0.5")).parameter("tc1", Value.parse("0.001")).build();
        SpiceDeck deck = deck(Sketch.of().v("V1", "5").add(r1).prim("C1", ComponentKind.CAPACITOR, null)
                .net("VCC", "V1:+", "R1:1", "C1:1").net("GND", "V1:-", "R1:2", "C1:2"));
        assertThat(deck.text()).contains("R1 VCC 0 1k tc1=0.001\n").doesNotContain("power=").doesNotContain("C1 VCC")
                .contains("* R1: parameter(s) power left out (not ngspice parameters)")
                .contains("* C1 left out: it has no numeric value");
    }

    @Test
    void everyCuratedPartExportsToADeckNgspiceSolves() throws NgspiceException {
        Ngspice ngspice = Ngspice.locate();
        List<String> unsolved = new ArrayList<>();
        for (Part part : KnowledgeBase.bundled().parts()) {
            if (!part.hasCapabilityData()) {
                continue;
            }
            // the part alone, its ground pins on GND and its first supply input on a 5 V source
            Sketch s = Sketch.of().part("U1", part.id()).v("V1", "5").net("GND", "V1:-").net("VCC", "V1:+");
            Circuit.Builder b = s.build().toBuilder();
            boolean supplied = false;
            for (PartPin pin : part.pins()) {
                if (pin.can(PinFunction.GROUND)) {
                    b.connect("U1", pin.number(), "GND");
                } else if (pin.type() == PinType.POWER_IN && !supplied) {
                    b.connect("U1", pin.number(), "VCC");
                    supplied = true;
                }
            }
            SpiceDeck deck = EXPORT.deck(CircuitFacts.of(b.build(), Sketch.validator().resolver()));
            OperatingPoint op = OperatingPoint.parse(deck, ngspice.run(deck.text()));
            if (!op.converged()) {
                unsolved.add(part.id() + " " + op.problems());
            }
        }
        assertThat(unsolved).isEmpty();
    }
}
