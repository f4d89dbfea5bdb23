package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.simulation.OperatingPoint;
import dev.kirchhoff.validation.simulation.SpiceDeck;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Parts the request names are used where the building block has a place for them (an LDR and an LED on a
 * comparator, a buzzer or speaker on a 555, a fuse in a supply's input, an LM386 with its speaker, a push button and a
 * Schmitt gate in a debounce filter), the supply the request gives is the one the design runs on, and parts with no
 * place are left out with a note instead of crashing the designer.
 */
class NamedPartsTest {

    private static double value(DesignPlan plan, String ref) {
        return Value.parse(plan.component(ref).orElseThrow().value()).magnitude();
    }

    /** The reference of the component placed for knowledge-base part {@code id}. */
    private static String ref(DesignPlan plan, String id) {
        return plan.components().stream().filter(c -> id.equals(c.part())).findFirst().orElseThrow().ref();
    }

    private static String refOnNet(DesignPlan plan, String net, char prefix) {
        return Bench.pins(plan, net).stream().map(p -> p.substring(0, p.indexOf(':')))
                .filter(r -> r.charAt(0) == prefix).findFirst().orElseThrow();
    }

    // ---- comparator ---------------------------------------------------------------------------------------

    @Test
    void thresholdDividerRunsFromTheSupplyNotFromTheThreshold() throws Exception {
        // "switches at 2.5 V, reference divider off 5 V": the 2.5 V is the threshold, the 5 V the supply, even when
        // the threshold also arrives as an input voltage
        DesignPlan plan = Bench.of(RecipeKind.COMPARATOR).value(Quantity.THRESHOLD_VOLTAGE, 2.5)
                .value(Quantity.INPUT_VOLTAGE, 2.5).value(Quantity.INPUT_VOLTAGE, 5).plan();
        assertThat(Bench.pins(plan, "VTH")).contains("U1:1IN-");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("VCC")).isCloseTo(5.0, within(1e-6));
        assertThat(op.voltage("VTH")).isCloseTo(2.5, within(0.1));
    }

    @Test
    void comparatorSupplyFromTheRequestSupply() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.COMPARATOR).value(Quantity.THRESHOLD_VOLTAGE, 2.5)
                .supply(Supply.Kind.BENCH, 5.0).plan();
        OperatingPoint op = Bench.simulate(Bench.circuit(plan)).operatingPoint();
        assertThat(op.voltage("VTH")).isCloseTo(2.5, within(0.1));
    }

    @Test
    void hysteresisOnlyWhenTheConstraintAsks() {
        assertThat(Bench.of(RecipeKind.COMPARATOR).prompt("comparator with hysteresis")
                .value(Quantity.THRESHOLD_VOLTAGE, 2).plan().net("HYS")).isEmpty();
        assertThat(Bench.of(RecipeKind.COMPARATOR).with(Constraint.HYSTERESIS)
                .value(Quantity.THRESHOLD_VOLTAGE, 2).plan().net("HYS")).isPresent();
    }

    @Test
    void lm393WithAnLdrLightsTheLedInTheDark() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.COMPARATOR).part("lm393", PartRole.ANALOG)
                .part("ldr", PartRole.INPUT).part("led-red", PartRole.INDICATOR).supply(Supply.Kind.BENCH, 5.0)
                .prompt("LM393 and an LDR turn an LED on when it gets dark").plan();
        String ldr = ref(plan, "ldr");
        String led = ref(plan, "led-red");
        // open-collector output sinks the LED from VCC; the LDR sits on top so SENSE falls in the dark
        assertThat(Bench.pins(plan, "VCC")).contains(ldr + ":1");
        assertThat(Bench.pins(plan, "SENSE")).contains(ldr + ":2", "U1:1IN+");
        assertThat(Bench.pins(plan, "OUT")).contains(led + ":K", "U1:1OUT");
        assertThat(Bench.pins(plan, "LED_A")).contains(led + ":A");
        assertThat(plan.net("IN")).isEmpty(); // no test source: the LDR is the input
        String fixed = refOnNet(plan, "SENSE", 'R').equals(ldr) ? Bench.pins(plan, "SENSE").stream()
                .map(p -> p.substring(0, p.indexOf(':'))).filter(r -> r.startsWith("R") && !r.equals(ldr))
                .findFirst().orElseThrow() : refOnNet(plan, "SENSE", 'R');
        // at 5 lx the GL5528 is 15k·0.5^-0.7 = 24.4 kΩ; with a 2.5 V threshold the fixed leg equals it (E24)
        assertThat(value(plan, fixed)).isCloseTo(24e3, within(1.5e3));
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        // in the dark (LDR 1 MΩ) SENSE is near 0 V: output low, the LED carries about 10 mA
        DesignPlan dark = plan.toBuilder().add(new DesignPlan.PlannedComponent(ldr,
                dev.kirchhoff.schematic.model.ComponentKind.RESISTOR, null, "1Meg", null, "LDR in the dark")).build();
        OperatingPoint op = Bench.simulate(Bench.circuit(dark)).operatingPoint();
        assertThat(op.voltage("OUT")).isLessThan(0.5);
        double r = value(plan, refOnNet(plan, "LED_A", 'R'));
        assertThat((op.voltage("VCC") - op.voltage("LED_A")) / r).isBetween(0.006, 0.016);
        // in daylight (LDR 2 kΩ) the output is high and the LED is off
        DesignPlan light = plan.toBuilder().add(new DesignPlan.PlannedComponent(ldr,
                dev.kirchhoff.schematic.model.ComponentKind.RESISTOR, null, "2k", null, "LDR in daylight")).build();
        OperatingPoint lop = Bench.simulate(Bench.circuit(light)).operatingPoint();
        assertThat(lop.voltage("OUT")).isGreaterThan(4.0);
    }

    @Test
    void blueLedFromThreePointThreeVoltsStaysOnThreePointThree() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LED_DRIVER).part("led-blue", PartRole.INDICATOR)
                .supply(Supply.Kind.BENCH, 3.3).value(Quantity.CURRENT, 0.010).plan();
        String r = refOnNet(plan, "LED_A", 'R');
        assertThat(value(plan, r)).isBetween(1.0, 1000.0);
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("VCC")).isCloseTo(3.3, within(1e-6));
        assertThat((op.voltage("VCC") - op.voltage("LED_A")) / value(plan, r)).isBetween(0.002, 0.012);
    }

    // ---- op-amp gain --------------------------------------------------------------------------------------

    @Test
    void gainSixIsSix() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 6).plan();
        double rf = value(plan, refOnNet(plan, "OUT", 'R'));
        double rg = Bench.pins(plan, "FB").stream().map(p -> p.substring(0, p.indexOf(':')))
                .filter(r -> r.startsWith("R") && !Bench.pins(plan, "OUT").contains(r + ":1")).findFirst()
                .map(r -> value(plan, r)).orElseThrow();
        assertThat(1 + rf / rg).isCloseTo(6, within(0.3));
        OperatingPoint op = Bench.simulate(Bench.circuit(plan)).operatingPoint();
        assertThat(op.voltage("OUT") / op.voltage("IN")).isCloseTo(6, within(0.3));
    }

    @Test
    void aSmallInputVoltageIsTheSignalLevelNotTheSupply() throws Exception {
        // "multiply my sensor's 0-0.5 V signal by 6": 0.5 V is the signal, the op-amp still runs from 5 V
        DesignPlan plan = Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 6)
                .value(Quantity.INPUT_VOLTAGE, 0.5).plan();
        OperatingPoint op = Bench.simulate(Bench.circuit(plan)).operatingPoint();
        assertThat(op.voltage("VCC")).isCloseTo(5.0, within(1e-6));
        assertThat(op.voltage("IN")).isCloseTo(0.5, within(1e-6));
        assertThat(op.voltage("OUT")).isCloseTo(3.0, within(0.15));
        DesignPlan clipped = Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 50)
                .value(Quantity.INPUT_VOLTAGE, 0.1).supply(Supply.Kind.USB, 5.0).plan();
        assertThat(clipped.notes()).anySatisfy(n -> assertThat(n).contains("clips"));
        Bench.valid(Bench.circuit(clipped));
    }

    // ---- LM386 --------------------------------------------------------------------------------------------

    @Test
    void lm386FromNineVoltsDrivesTheSpeakerThroughTwoFiftyMicrofarads() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).part("lm386", PartRole.ANALOG)
                .part("speaker-8-ohm", PartRole.LOAD).value(Quantity.INPUT_VOLTAGE, 9).plan();
        String u = ref(plan, "lm386");
        String ls = ref(plan, "speaker-8-ohm");
        assertThat(Bench.pins(plan, "VCC")).contains(u + ":VS");
        assertThat(Bench.pins(plan, "GND")).contains(u + ":GND", u + ":-INPUT", ls + ":-");
        String cout = Bench.pins(plan, "SPK").stream().map(p -> p.substring(0, p.indexOf(':')))
                .filter(r -> r.startsWith("C")).findFirst().orElseThrow();
        assertThat(value(plan, cout)).isCloseTo(250e-6, within(1e-9));
        assertThat(Bench.pins(plan, "OUT")).contains(cout + ":1", u + ":VOUT");
        assertThat(Bench.pins(plan, "ZOBEL")).hasSize(2);
        assertThat(plan.net("GAIN_1")).isEmpty(); // gain 20: pins 1 and 8 open
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("VCC")).isCloseTo(9.0, within(1e-6));
        assertThat(op.voltage("OUT")).isCloseTo(4.5, within(0.5)); // biased at VS/2
        SpiceDeck deck = Bench.deck(c);
        Map<String, Double> ac = Bench.run(deck, "ac lin 1 1k 1k", "let g = vm(" + deck.node("SPK") + ")/vm("
                + deck.node("IN") + ")", "print g");
        assertThat(ac.get("g")).isCloseTo(20, within(2.0));
    }

    @Test
    void lm386GainTwoHundredWithTenMicrofaradsAcrossPinsOneAndEight() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).part("lm386", PartRole.ANALOG)
                .value(Quantity.GAIN, 100).supply(Supply.Kind.BATTERY, 9.0).plan();
        String u = ref(plan, "lm386");
        assertThat(Bench.pins(plan, "GAIN_1")).contains(u + ":GAIN1");
        assertThat(Bench.pins(plan, "GAIN_8")).contains(u + ":GAIN8");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        SpiceDeck deck = Bench.deck(c);
        Map<String, Double> ac = Bench.run(deck, "ac lin 1 1k 1k", "let g = vm(" + deck.node("OUT") + ")/vm("
                + deck.node("IN") + ")", "print g");
        assertThat(ac.get("g")).isCloseTo(200, within(20.0));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("gain 200"));
    }

    // ---- 555 with a sounder -------------------------------------------------------------------------------

    @Test
    void astableDrivesANamedPassiveBuzzer() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.ASTABLE_555).part("buzzer-passive", PartRole.LOAD)
                .value(Quantity.FREQUENCY, 440).supply(Supply.Kind.BATTERY, 9.0).plan();
        String bz = ref(plan, "buzzer-passive");
        assertThat(Bench.pins(plan, "SND")).contains(bz + ":+");
        assertThat(Bench.pins(plan, "GND")).contains(bz + ":-");
        assertThat(plan.components()).noneMatch(c -> c.kind() == dev.kirchhoff.schematic.model.ComponentKind.LED);
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("VCC")).isCloseTo(9.0, within(1e-6));
        double r = value(plan, refOnNet(plan, "SND", 'R'));
        assertThat((9 - 1.7) / (r + 16)).isLessThanOrEqualTo(0.05);
    }

    @Test
    void astableDrivesASpeakerThroughACapacitor() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.ASTABLE_555).part("speaker-8-ohm", PartRole.LOAD)
                .value(Quantity.FREQUENCY, 1000).plan();
        String ls = ref(plan, "speaker-8-ohm");
        String cap = refOnNet(plan, "SND", 'C');
        assertThat(Bench.pins(plan, "SND")).contains(ls + ":+", cap + ":2");
        assertThat(Bench.pins(plan, "SND_R")).contains(cap + ":1");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        Bench.simulate(c);
        // from 12 V the series resistor still averages at most 0.2 W (50 % duty)
        DesignPlan twelve = Bench.of(RecipeKind.ASTABLE_555).part("speaker-8-ohm", PartRole.LOAD)
                .value(Quantity.FREQUENCY, 1000).supply(Supply.Kind.BENCH, 12.0).plan();
        double r = value(twelve, refOnNet(twelve, "SND_R", 'R'));
        double i = (12 - 1.7) / (r + 8);
        assertThat(i * i * r / 2).isLessThanOrEqualTo(0.2);
        assertThat(i).isLessThanOrEqualTo(0.2);
    }

    // ---- fuse ---------------------------------------------------------------------------------------------

    @Test
    void aNamedFuseSitsInTheTransformerPrimary() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.UNREGULATED_DC_SUPPLY).part("fuse", PartRole.POWER).plan();
        String f = ref(plan, "fuse");
        assertThat(Bench.pins(plan, "MAINS_L")).contains(f + ":1", "AC1:L");
        assertThat(Bench.pins(plan, "PRI_L")).containsExactlyInAnyOrder(f + ":2", "T1:PRI1");
        assertThat(plan.computations()).anySatisfy(x -> {
            assertThat(x.ref()).isEqualTo(f);
            assertThat(x.chosen()).isBetween(0.1, 0.5);
        });
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        Bench.simulate(c);
    }

    @Test
    void aNamedFuseSitsInTheInputOfAnyOtherSupply() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LINEAR_REGULATOR).part("fuse", PartRole.POWER)
                .value(Quantity.INPUT_VOLTAGE, 12).value(Quantity.OUTPUT_VOLTAGE, 5).value(Quantity.CURRENT, 0.5)
                .plan();
        String f = ref(plan, "fuse");
        assertThat(Bench.pins(plan, "VIN_SRC")).contains(f + ":1", "V1:+");
        assertThat(Bench.pins(plan, "VIN")).contains(f + ":2");
        assertThat(plan.computations()).anySatisfy(x -> {
            assertThat(x.ref()).isEqualTo(f);
            assertThat(x.chosen()).isEqualTo(0.8); // 1.5 · 0.5 A, next standard rating
        });
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("VOUT")).isCloseTo(5.0, within(0.15));
    }

    // ---- divider as signal scaling ------------------------------------------------------------------------

    @Test
    void dividerScalingASignalKeepsTheTotalBetweenTenAndHundredKilohms() throws Exception {
        for (double[] io : new double[][]{{5, 3.3}, {25, 5}, {12, 3.3}}) {
            DesignPlan plan = Bench.of(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.INPUT_VOLTAGE, io[0])
                    .value(Quantity.OUTPUT_VOLTAGE, io[1]).plan();
            double total = value(plan, "R1") + value(plan, "R2");
            assertThat(total).isBetween(10e3, 100e3);
            OperatingPoint op = Bench.simulate(Bench.circuit(plan)).operatingPoint();
            assertThat(op.voltage("VOUT")).isCloseTo(io[1], within(0.03 * io[1]));
            assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("scales " + (int) io[0] + " V to"));
        }
    }

    // ---- debounce and parts with no place -----------------------------------------------------------------

    @Test
    void debounceWithAButtonAndA74hc14() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.RC_LOW_PASS).part("push-button", PartRole.INPUT)
                .part("74hc14", PartRole.ANALOG).plan();
        String u = ref(plan, "74hc14");
        String sw = ref(plan, "push-button");
        assertThat(Bench.pins(plan, "BTN")).contains(sw + ":1");
        assertThat(Bench.pins(plan, "RC")).contains(u + ":1A");
        assertThat(Bench.pins(plan, "OUT")).containsExactly(u + ":1Y");
        assertThat(Bench.pins(plan, "GND")).contains(u + ":2A", u + ":3A", u + ":4A", u + ":5A", u + ":6A",
                sw + ":3");
        // pressed: the capacitor falls through R2 to VT− (1.6 V) in at least twice the 5 ms bounce time
        double r2 = value(plan, refOnNet(plan, "RC", 'R'));
        double c = value(plan, refOnNet(plan, "RC", 'C'));
        assertThat(r2 * c * Math.log(5 / 1.6)).isGreaterThanOrEqualTo(0.010);
        // released: it rises through R1 + R2 to VT+ (2.5 V), also longer than the bounce
        assertThat((10e3 + r2) * c * Math.log(5 / 2.5)).isGreaterThanOrEqualTo(0.005);
        Circuit circuit = Bench.circuit(plan);
        Bench.valid(circuit);
        OperatingPoint op = Bench.simulate(circuit).operatingPoint();
        assertThat(op.voltage("RC")).isCloseTo(5.0, within(0.05)); // released: pulled up
        assertThat(op.voltage("OUT")).isLessThan(0.5);             // the inverter's output low
    }

    @Test
    void aComparatorRequestWithAButtonAndASchmittGateIsTheDebouncer() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.COMPARATOR).part("push-button", PartRole.INPUT)
                .part("74hc14", PartRole.ANALOG).with(Constraint.HYSTERESIS).plan();
        String u = ref(plan, "74hc14");
        assertThat(Bench.pins(plan, "RC")).contains(u + ":1A");
        assertThat(plan.notes()).noneMatch(n -> n.contains("left out"));
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("OUT")).isLessThan(0.5);
    }

    @Test
    void partsWithNoPlaceAreLeftOutWithANoteNotACrash() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.RC_HIGH_PASS).part("74hc14", PartRole.ANALOG)
                .part("lm386", PartRole.ANALOG).value(Quantity.CUTOFF, 100).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("74hc14").contains("left out"));
        Bench.valid(Bench.circuit(plan));
        // a Schmitt gate named for a comparator is not an op-amp stage: the default comparator is used
        DesignPlan cmp = Bench.of(RecipeKind.COMPARATOR).part("74hc14", PartRole.ANALOG)
                .value(Quantity.THRESHOLD_VOLTAGE, 2).plan();
        assertThat(cmp.components()).anyMatch(x -> "lm393".equals(x.part()));
        Bench.valid(Bench.circuit(cmp));
    }

    // ---- 555 driving a load through a MOSFET ----------------------------------------------------------------

    private static DesignPlan dimmer() {
        return Bench.of(RecipeKind.ASTABLE_555).prompt("555 timer PWM dimmer for a 12V LED strip")
                .part("led-strip-12v", PartRole.LOAD).plan();
    }

    /** The component with a pin on both nets, of the given reference prefix, or null. */
    private static String across(DesignPlan plan, String a, String b, String prefix) {
        return Bench.pins(plan, a).stream().map(p -> p.substring(0, p.indexOf(':')))
                .filter(r -> r.startsWith(prefix) && !r.startsWith(prefix + "V"))
                .filter(r -> Bench.pins(plan, b).stream().anyMatch(p -> p.startsWith(r + ":")))
                .findFirst().orElse(null);
    }

    @Test
    void pwmDimmerDrivesTheStripThroughAMosfetWithADiodeSteeredPot() throws Exception {
        DesignPlan plan = dimmer();
        String strip = ref(plan, "led-strip-12v");
        String q = ref(plan, "irlz44n");
        String pot = ref(plan, "potentiometer");
        // the strip from the 12 V supply to the drain; the source on ground
        assertThat(Bench.pins(plan, "VCC")).contains(strip + ":+", "U1:VCC", "U1:RESET");
        assertThat(Bench.pins(plan, "SW")).containsExactlyInAnyOrder(strip + ":-", q + ":D");
        assertThat(Bench.pins(plan, "GND")).contains(q + ":S");
        // the gate resistor between the 555 output and the gate, a 100 kΩ pull-down on the gate
        String rg = across(plan, "OUT", "GATE", "R");
        assertThat(Bench.pins(plan, "OUT")).containsExactlyInAnyOrder("U1:OUT", rg + ":1");
        assertThat(Bench.pins(plan, "GATE")).contains(q + ":G", rg + ":2");
        assertThat(value(plan, rg)).isBetween(68.0, 220.0);
        assertThat(value(plan, across(plan, "GATE", "GND", "R"))).isEqualTo(100e3);
        // the wiper on DISCHARGE; one 1N4148 charges through end 1, the other discharges through end 3
        assertThat(Bench.pins(plan, "DIS")).contains("U1:DISCH", pot + ":W");
        String dc = across(plan, "POT_CHG", "THR", "D");
        String dd = across(plan, "POT_DIS", "THR", "D");
        assertThat(Bench.pins(plan, "POT_CHG")).containsExactlyInAnyOrder(pot + ":1", dc + ":A");
        assertThat(Bench.pins(plan, "POT_DIS")).containsExactlyInAnyOrder(pot + ":3", dd + ":K");
        assertThat(Bench.pins(plan, "THR")).contains("U1:THRES", "U1:TRIG", dc + ":K", dd + ":A");
        assertThat(plan.component(dc).orElseThrow().part()).isEqualTo("1n4148");
        assertThat(plan.component(dd).orElseThrow().part()).isEqualTo("1n4148");
        // no flyback diode across a resistive strip
        assertThat(across(plan, "VCC", "SW", "D")).isNull();
        // about 1 kHz from the computed values, at any wiper position
        String r1 = across(plan, "VCC", "DIS", "R");
        String c = across(plan, "THR", "GND", "C");
        double f = dev.kirchhoff.agents.recipes.Timer555.steeredFrequency(value(plan, r1), value(plan, pot),
                value(plan, c), 12, dev.kirchhoff.agents.recipes.Timer555.STEERING_DIODE_DROP);
        assertThat(f).isCloseTo(1000, within(100.0));
        assertThat(plan.computations()).anySatisfy(x -> assertThat(x.ref()).isEqualTo(pot));
        assertThat(plan.title()).contains("PWM dimmer");
        Circuit circuit = Bench.circuit(plan);
        Bench.valid(circuit);
        assertThat(Bench.simulate(circuit).operatingPoint().voltage("VCC")).isCloseTo(12.0, within(1e-6));
    }

    /**
     * ngspice has no potentiometer: the test sets the wiper by replacing the pot with its two halves, the charging
     * half {@code ra} (wiper to end 1) and the discharging half {@code rb}; returns {frequency, duty} at OUT.
     */
    private static double[] pwmAt(DesignPlan plan, SpiceDeck deck, double ra, double rb) throws Exception {
        String pot = ref(plan, "potentiometer");
        String text = deck.text().replaceFirst("(?m)^X" + pot + " .*$", "RA_POT " + deck.node("DIS") + " "
                + deck.node("POT_CHG") + " " + ra + "\nRB_POT " + deck.node("DIS") + " " + deck.node("POT_DIS")
                + " " + rb);
        assertThat(text).contains("RA_POT");
        SpiceDeck swapped = new SpiceDeck(text, deck.nodes(), deck.owners(), deck.leds(), deck.outputs(), deck.notes());
        String out = deck.node("OUT");
        Map<String, Double> m = Bench.run(swapped, "tran 1u 14m 0 1u",
                "meas tran t1 WHEN v(" + out + ")=5 RISE=3", "meas tran t2 WHEN v(" + out + ")=5 RISE=13",
                "meas tran vavg AVG v(" + out + ") FROM=4m TO=14m", "meas tran vmax MAX v(" + out + ") FROM=4m TO=14m");
        double f = 10 / (m.get("t2") - m.get("t1"));
        double duty = (m.get("vavg") - 0.1) / (m.get("vmax") - 0.1);
        return new double[] {f, duty};
    }

    @Test
    void pwmDimmerKeepsItsFrequencyAndSweepsTheDutyInATransientRun() throws Exception {
        DesignPlan plan = dimmer();
        SpiceDeck deck = Bench.deck(Bench.circuit(plan));
        double pot = value(plan, ref(plan, "potentiometer"));
        double r1 = value(plan, across(plan, "VCC", "DIS", "R"));
        double[] low = pwmAt(plan, deck, 1, pot);
        double[] mid = pwmAt(plan, deck, pot / 2, pot / 2);
        assertThat(low[0]).isCloseTo(1000, within(100.0));
        assertThat(mid[0]).isCloseTo(1000, within(100.0));
        assertThat(low[1]).isCloseTo(r1 / (r1 + pot), within(0.03));
        assertThat(mid[1]).isCloseTo((r1 + pot / 2) / (r1 + pot), within(0.05));
        // the wiper at end 3: the capacitor discharges through the diode alone, so the output is nearly always high
        double[] high = pwmAt(plan, deck, pot, 1);
        assertThat(high[1]).isGreaterThan(0.95);
    }

    @Test
    void pwmSpeedControllerPutsAFlybackDiodeAcrossTheMotor() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.ASTABLE_555).prompt("555 PWM speed controller for a 12 V DC motor")
                .part("dc-motor", PartRole.LOAD).supply(Supply.Kind.UNSPECIFIED, 12.0)
                .plan();
        String motor = ref(plan, "dc-motor");
        String d = across(plan, "VCC", "SW", "D");
        assertThat(d).isNotNull();
        assertThat(Bench.pins(plan, "VCC")).contains(d + ":K", motor + ":+");
        assertThat(Bench.pins(plan, "SW")).contains(d + ":A", motor + ":-");
        // the knowledge base's motor is a 3-6 V hobby motor: it and the 555 run from its 5 V, with a note
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("above the").contains("6 V rating"));
        assertThat(plan.rails()).anySatisfy(r -> assertThat(r.volts()).isEqualTo(5.0));
        // the stalled winding takes 5 V / 5 Ω = 1 A: the 1 A Schottky
        assertThat(plan.component(d).orElseThrow().part()).isEqualTo("1n5819");
        assertThat(plan.title()).contains("speed controller");
        Circuit circuit = Bench.circuit(plan);
        Bench.valid(circuit);
        Bench.simulate(circuit);
    }

    @Test
    void pwmFanGetsAFlybackDiodeAndAPlainAstableStillSwitchesTheStrip() throws Exception {
        DesignPlan fan = Bench.of(RecipeKind.ASTABLE_555).prompt("555 PWM fan speed control")
                .part("fan-12v", PartRole.LOAD).plan();
        String d = across(fan, "VCC", "SW", "D");
        assertThat(fan.component(d).orElseThrow().part()).isEqualTo("1n5819");
        Bench.valid(Bench.circuit(fan));
        // without PWM words: the plain astable blinks the strip through the MOSFET, no pot
        DesignPlan blink = Bench.of(RecipeKind.ASTABLE_555).prompt("555 astable flashing a 12V LED strip")
                .part("led-strip-12v", PartRole.LOAD).plan();
        assertThat(blink.components()).noneMatch(x -> "potentiometer".equals(x.part()));
        assertThat(Bench.pins(blink, "SW")).contains(ref(blink, "led-strip-12v") + ":-");
        assertThat(Bench.pins(blink, "DIS")).contains("U1:DISCH");
        Circuit circuit = Bench.circuit(blink);
        Bench.valid(circuit);
        Bench.simulate(circuit);
    }

    @Test
    void aLoadAboveTheNe555SupplyRangeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bench.of(RecipeKind.ASTABLE_555)
                        .prompt("555 PWM speed control for a 24 V fan").part("fan-24v", PartRole.LOAD).plan())
                .isInstanceOfSatisfying(dev.kirchhoff.agents.DesignException.class, e -> {
                    assertThat(e.reason()).isEqualTo(dev.kirchhoff.agents.DesignException.Reason.REFUSED);
                    assertThat(e.getMessage()).contains("4.5-16 V");
                });
    }
}
