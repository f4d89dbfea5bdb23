package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.recipes.Timer555;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.simulation.OperatingPoint;
import dev.kirchhoff.validation.simulation.SimulationResult;
import dev.kirchhoff.validation.simulation.SpiceDeck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end for every recipe: requirements → plan → circuit → validation without errors (and the nets the parts
 * sit on) → ngspice, asserting a measured electrical fact.
 */
class AnalogDesignerTest {

    private static double value(DesignPlan plan, String ref) {
        return Value.parse(plan.component(ref).orElseThrow().value()).magnitude();
    }

    /** The reference of the component of {@code kind} with a pin on {@code net}. */
    private static String on(DesignPlan plan, String net, ComponentKind kind) {
        return Bench.pins(plan, net).stream().map(p -> p.substring(0, p.indexOf(':')))
                .filter(r -> plan.component(r).orElseThrow().kind() == kind).findFirst().orElseThrow();
    }

    private static DesignPlan withSource(DesignPlan plan, String net, String value) {
        String ref = on(plan, net, ComponentKind.VOLTAGE_SOURCE);
        DesignPlan.PlannedComponent c = plan.component(ref).orElseThrow();
        return plan.toBuilder().add(new DesignPlan.PlannedComponent(ref, c.kind(), c.part(), value, c.model(),
                c.purpose())).build();
    }

    // ---- divider, filters, LED ----------------------------------------------------------------------------

    @Test
    void dividerTwelveToFiveVolts() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.INPUT_VOLTAGE, 12)
                .value(Quantity.OUTPUT_VOLTAGE, 5).plan();
        assertThat(Bench.pins(plan, "VIN")).contains("V1:+", "R1:1");
        assertThat(Bench.pins(plan, "VOUT")).containsExactlyInAnyOrder("R1:2", "R2:1");
        assertThat(Bench.pins(plan, "GND")).contains("R2:2", "V1:-");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        double r1 = value(plan, "R1");
        double r2 = value(plan, "R2");
        assertThat(op.voltage("VOUT")).isCloseTo(12 * r2 / (r1 + r2), within(0.001)).isCloseTo(5.0, within(0.05));
        assertThat(plan.computations()).anySatisfy(x -> assertThat(x.resultNote()).startsWith("Vout 5"));
    }

    @Test
    void rcLowPassIsThreeDecibelsDownAtItsCorner() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.RC_LOW_PASS).value(Quantity.CUTOFF, 1e3).plan();
        String r = on(plan, "IN", ComponentKind.RESISTOR);
        String cap = on(plan, "OUT", ComponentKind.CAPACITOR);
        assertThat(Bench.pins(plan, "GND")).contains(cap + ":2");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("OUT")).isCloseTo(1.0, within(1e-3)); // passes DC
        double fc = 1 / (2 * Math.PI * value(plan, r) * value(plan, cap));
        assertThat(fc).isCloseTo(1e3, within(50.0));
        SpiceDeck deck = Bench.deck(c);
        Map<String, Double> ac = Bench.run(deck, "ac lin 1 " + fc + " " + fc,
                "let g = vm(" + deck.node("OUT") + ")", "print g");
        assertThat(ac.get("g")).isCloseTo(Math.sqrt(0.5), within(0.01));
    }

    @Test
    void rcHighPassBlocksDcAndIsThreeDecibelsDownAtItsCorner() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.RC_HIGH_PASS).value(Quantity.CUTOFF, 50).plan();
        String cap = on(plan, "IN", ComponentKind.CAPACITOR);
        String r = on(plan, "OUT", ComponentKind.RESISTOR);
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("OUT")).isCloseTo(0.0, within(1e-6));
        double fc = 1 / (2 * Math.PI * value(plan, r) * value(plan, cap));
        SpiceDeck deck = Bench.deck(c);
        Map<String, Double> ac = Bench.run(deck, "ac lin 1 " + fc + " " + fc,
                "let g = vm(" + deck.node("OUT") + ")", "print g");
        assertThat(ac.get("g")).isCloseTo(Math.sqrt(0.5), within(0.01));
    }

    @Test
    void rlFiltersBothWays() throws Exception {
        for (RecipeKind kind : List.of(RecipeKind.RL_LOW_PASS, RecipeKind.RL_HIGH_PASS)) {
            DesignPlan plan = Bench.of(kind).value(Quantity.CUTOFF, 10e3).plan();
            boolean low = kind == RecipeKind.RL_LOW_PASS;
            String l = on(plan, low ? "IN" : "OUT", ComponentKind.INDUCTOR);
            String r = on(plan, low ? "OUT" : "IN", ComponentKind.RESISTOR);
            Circuit c = Bench.circuit(plan);
            Bench.valid(c);
            assertThat(Bench.simulate(c).operatingPoint().voltage("OUT")).isCloseTo(low ? 1.0 : 0.0, within(1e-3));
            double fc = value(plan, r) / (2 * Math.PI * value(plan, l));
            assertThat(fc).isCloseTo(10e3, within(500.0));
            SpiceDeck deck = Bench.deck(c);
            Map<String, Double> ac = Bench.run(deck, "ac lin 1 " + fc + " " + fc,
                    "let g = vm(" + deck.node("OUT") + ")", "print g");
            assertThat(ac.get("g")).as(kind.name()).isCloseTo(Math.sqrt(0.5), within(0.01));
        }
    }

    @Test
    void ledDriverSetsTheCurrentItComputed() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LED_DRIVER).value(Quantity.CURRENT, 0.02)
                .part("led-green", PartRole.INDICATOR).plan();
        assertThat(plan.component("D1").orElseThrow().part()).isEqualTo("led-green");
        assertThat(Bench.pins(plan, "LED_A")).containsExactlyInAnyOrder("R1:2", "D1:A");
        assertThat(Bench.pins(plan, "GND")).contains("D1:K");
        // (5 − 2.2) / 20 mA = 140 Ω -> 150 Ω (E12, rounded up): 18.7 mA
        assertThat(value(plan, "R1")).isEqualTo(150);
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        SimulationResult s = Bench.simulate(c);
        SpiceDeck.LedProbe probe = s.deck().leds().get(0);
        assertThat(s.operatingPoint().value(probe.vector())).isCloseTo(0.0187, within(0.0015));
    }

    @Test
    void ledCurrentAboveTheRatingIsClampedWithANote() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LED_DRIVER).value(Quantity.CURRENT, 0.1).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("above the LED's rating"));
        Circuit c = Bench.circuit(plan);
        SimulationResult s = Bench.simulate(c);
        assertThat(s.operatingPoint().value(s.deck().leds().get(0).vector())).isLessThanOrEqualTo(0.030);
    }

    @Test
    void aNamedBatteryIsTheSupply() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LED_DRIVER).part("battery-9v", PartRole.POWER)
                .supply(dev.kirchhoff.agents.Supply.Kind.BATTERY, null).plan();
        assertThat(plan.component("BT1").orElseThrow().part()).isEqualTo("battery-9v");
        assertThat(Bench.pins(plan, "VCC")).contains("BT1:+", "R1:1");
        assertThat(Bench.pins(plan, "GND")).contains("BT1:-");
        // (9 − 2) / 15 mA = 467 Ω -> 470 Ω
        assertThat(value(plan, "R1")).isEqualTo(470);
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        SimulationResult s = Bench.simulate(c);
        assertThat(s.operatingPoint().value(s.deck().leds().get(0).vector())).isCloseTo(0.0149, within(0.0015));
    }

    // ---- switches ------------------------------------------------------------------------------------------

    @Test
    void npnSwitchSaturatesWithTheLedLoad() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.TRANSISTOR_SWITCH).with(Constraint.BJT).plan();
        assertThat(plan.component("Q1").orElseThrow().part()).isEqualTo("2n2222");
        assertThat(Bench.pins(plan, "BASE")).contains("Q1:B");
        assertThat(Bench.pins(plan, "SW")).contains("Q1:C");
        assertThat(Bench.pins(plan, "GND")).contains("Q1:E");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("SW")).isLessThan(0.2); // saturated: VCE(sat)
        assertThat(op.voltage("BASE")).isBetween(0.6, 0.95);
    }

    @Test
    void npnSwitchForAMotorGetsAFlybackDiodeAndATransistorForItsStallCurrent() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.TRANSISTOR_SWITCH).part("dc-motor", PartRole.LOAD).plan();
        String diode = on(plan, "SW", ComponentKind.DIODE);
        assertThat(Bench.pins(plan, "VCC")).contains(diode + ":K", "M1:+");
        assertThat(Bench.pins(plan, "SW")).contains(diode + ":A", "M1:-");
        // 5 V over the 5 Ω winding is 1 A at start-up, beyond the 2N2222 and BC337
        assertThat(plan.component("Q1").orElseThrow().part()).isEqualTo("tip120");
        Circuit c = Bench.circuit(plan);
        ValidationReport r = Bench.valid(c);
        assertThat(r.fired("part.flyback")).isFalse();
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("SW")).isLessThan(2.0); // Darlington VCE(sat) 2 V max
    }

    @Test
    void mosfetSwitchesATwelveVoltSolenoid() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.MOSFET_SWITCH).part("solenoid-12v", PartRole.LOAD).plan();
        assertThat(plan.component("Q1").orElseThrow().part()).isEqualTo("irlz44n");
        assertThat(Bench.pins(plan, "GATE")).contains("Q1:G");
        assertThat(Bench.pins(plan, "SW")).contains("Q1:D", "M1:-");
        assertThat(value(plan, on(plan, "CTRL", ComponentKind.RESISTOR))).isEqualTo(270);
        Circuit c = Bench.circuit(plan);
        ValidationReport r = Bench.valid(c);
        assertThat(r.fired("part.mosfet-gate")).isFalse();
        assertThat(r.fired("part.flyback")).isFalse();
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("VCC")).isEqualTo(12.0);
        assertThat(op.voltage("SW")).isLessThan(0.1); // 0.67 A through tens of mΩ
    }

    @Test
    void aResistiveLoadGetsNoFlybackDiodeButACoilDoes() throws Exception {
        DesignPlan strip = Bench.of(RecipeKind.MOSFET_SWITCH).part("led-strip-12v", PartRole.LOAD).plan();
        assertThat(strip.components()).noneMatch(c -> c.kind() == ComponentKind.DIODE);
        assertThat(Bench.pins(strip, "SW")).contains("Q1:D", "M1:-");
        assertThat(Bench.valid(Bench.circuit(strip)).fired("part.flyback")).isFalse();
        DesignPlan solenoid = Bench.of(RecipeKind.MOSFET_SWITCH).part("solenoid-12v", PartRole.LOAD).plan();
        assertThat(solenoid.components()).filteredOn(c -> c.kind() == ComponentKind.DIODE).hasSize(1);
    }

    @Test
    void aNamedSwitchTooSmallForTheLoadIsReplacedWithANote() {
        DesignPlan plan = Bench.of(RecipeKind.MOSFET_SWITCH).part("dc-motor", PartRole.LOAD)
                .part("2n7000", PartRole.ANALOG).plan();
        assertThat(plan.component("Q1").orElseThrow().part()).isEqualTo("irlz44n");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("2n7000").contains("IRLZ44N"));
        DesignPlan bjt = Bench.of(RecipeKind.TRANSISTOR_SWITCH).part("solenoid-12v", PartRole.LOAD)
                .part("bc547", PartRole.ANALOG).plan();
        assertThat(bjt.component("Q1").orElseThrow().part()).isEqualTo("tip120");
        assertThat(bjt.notes()).anySatisfy(n -> assertThat(n).contains("bc547"));
    }

    // ---- op-amps -------------------------------------------------------------------------------------------

    @Test
    void nonInvertingGainElevenFromFiveVolts() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 11)
                .with(Constraint.SINGLE_SUPPLY).supply(dev.kirchhoff.agents.Supply.Kind.BENCH, 5.0).plan();
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("lm358");
        assertThat(Bench.pins(plan, "IN")).contains("U1:1IN+");
        assertThat(Bench.pins(plan, "FB")).contains("U1:1IN-");
        assertThat(Bench.pins(plan, "GND")).contains("U1:GND", "U1:2IN+");
        assertThat(Bench.pins(plan, "UNUSED2")).containsExactlyInAnyOrder("U1:2IN-", "U1:2OUT");
        assertThat(plan.computations()).anySatisfy(x -> assertThat(x.resultNote()).isEqualTo("gain 11 (+0.0 %)"));
        Circuit c = Bench.circuit(plan);
        ValidationReport r = Bench.valid(c);
        assertThat(r.fired("part.decoupling")).isFalse();
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        double in = op.voltage("IN");
        assertThat(in).isPositive();
        assertThat(op.voltage("OUT")).isCloseTo(11 * in, within(11 * in * 0.03));
    }

    @Test
    void invertingGainTenOnASplitSupplyWithTl072() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.INVERTING_AMPLIFIER).value(Quantity.GAIN, 10)
                .with(Constraint.SPLIT_SUPPLY).plan();
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("tl072");
        assertThat(Bench.pins(plan, "VEE")).contains("U1:VCC-");
        assertThat(Bench.pins(plan, "GND")).contains("U1:1IN+");
        Circuit c = Bench.circuit(plan);
        ValidationReport r = Bench.valid(c);
        assertThat(r.fired("part.decoupling")).isFalse();
        assertThat(r.fired("power.supply-range")).isFalse();
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("VEE")).isEqualTo(-12.0);
        double in = op.voltage("IN");
        assertThat(op.voltage("OUT")).isCloseTo(-10 * in, within(Math.abs(10 * in) * 0.03));
    }

    @Test
    void invertingOnASingleSupplyWorksAboutTheMidRailReference() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.INVERTING_AMPLIFIER).value(Quantity.GAIN, 4.7).plan();
        assertThat(Bench.pins(plan, "VREF")).contains("U1:1IN+");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        double ref = op.voltage("VREF");
        assertThat(ref).isCloseTo(2.5, within(0.01));
        double gain = -(op.voltage("OUT") - ref) / (op.voltage("IN") - ref);
        assertThat(gain).isCloseTo(4.7, within(4.7 * 0.03));
    }

    @Test
    void followerFollows() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.VOLTAGE_FOLLOWER).plan();
        assertThat(Bench.pins(plan, "OUT")).contains("U1:1OUT", "U1:1IN-");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("OUT")).isCloseTo(op.voltage("IN"), within(0.01));
    }

    @Test
    void summingAddsItsInputs() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.SUMMING_AMPLIFIER).value(Quantity.GAIN, 2).plan();
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        double ref = op.voltage("VREF");
        double expected = ref - 2 * ((op.voltage("IN1") - ref) + (op.voltage("IN2") - ref));
        assertThat(op.voltage("OUT")).isCloseTo(expected, within(0.05));
    }

    @Test
    void aPartThatCannotRunFromASingleSupplyGetsASplitOneWithANote() {
        DesignPlan plan = Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).with(Constraint.SINGLE_SUPPLY)
                .part("lm741", PartRole.ANALOG).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("split supply"));
        assertThat(Bench.pins(plan, "VEE")).contains("U1:V-");
        Bench.valid(Bench.circuit(plan));
    }

    @Test
    void impossibleRequestsAreClampedWithANote() {
        assertThat(Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 5000).plan().notes())
                .anySatisfy(n -> assertThat(n).contains("designed for 1000"));
        assertThat(Bench.of(RecipeKind.COMPARATOR).value(Quantity.THRESHOLD_VOLTAGE, 4.9).plan().notes())
                .anySatisfy(n -> assertThat(n).contains("outside the lm393's input range"));
        assertThat(Bench.of(RecipeKind.ASTABLE_555).supply(dev.kirchhoff.agents.Supply.Kind.BENCH, 3.3).plan()
                .notes()).anySatisfy(n -> assertThat(n).contains("outside the NE555's 4.5-16 V"));
        assertThat(Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 0.5).plan().title())
                .startsWith("Voltage follower");
    }

    // ---- comparator ----------------------------------------------------------------------------------------

    @Test
    void comparatorSwitchesAtItsThreshold() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.COMPARATOR).value(Quantity.THRESHOLD_VOLTAGE, 2.0).plan();
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("lm393");
        assertThat(Bench.pins(plan, "VTH")).contains("U1:1IN-");
        assertThat(Bench.pins(plan, "IN")).contains("U1:1IN+");
        assertThat(Bench.pins(plan, "OUT")).contains("U1:1OUT"); // and its pull-up
        Circuit high = Bench.circuit(plan);
        Bench.valid(high);
        OperatingPoint op = Bench.simulate(high).operatingPoint();
        assertThat(op.voltage("VTH")).isCloseTo(2.0, within(0.04));
        assertThat(op.voltage("OUT")).isGreaterThan(4.5);
        OperatingPoint below = Bench.simulate(Bench.circuit(withSource(plan, "IN", "DC 1.8 AC 1"))).operatingPoint();
        assertThat(below.voltage("OUT")).isLessThan(0.4);
    }

    @Test
    void comparatorWithHysteresisFeedsItsOutputBack() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.COMPARATOR).with(Constraint.HYSTERESIS)
                .value(Quantity.THRESHOLD_VOLTAGE, 2.5).plan();
        assertThat(Bench.pins(plan, "HYS")).contains("U1:1IN+").hasSize(3);
        assertThat(plan.computations()).anySatisfy(x -> assertThat(x.resultNote()).contains("rising")
                .contains("falling"));
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("OUT")).isGreaterThan(4.5);
    }

    // ---- 555 -----------------------------------------------------------------------------------------------

    @Test
    void astableBlinksAtTwoHertzInATransientRun() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.ASTABLE_555).value(Quantity.FREQUENCY, 2).plan();
        assertThat(Bench.pins(plan, "THR")).contains("U1:THRES", "U1:TRIG");
        assertThat(Bench.pins(plan, "DIS")).contains("U1:DISCH");
        assertThat(Bench.pins(plan, "CTRL")).contains("U1:CONT");
        assertThat(Bench.pins(plan, "VCC")).contains("U1:RESET", "U1:VCC");
        String r1 = on(plan, "DIS", ComponentKind.RESISTOR);
        double f = Timer555.astableFrequency(value(plan, "R1"), value(plan, "R2"),
                value(plan, on(plan, "THR", ComponentKind.CAPACITOR)));
        assertThat(r1).isEqualTo("R1");
        assertThat(f).isCloseTo(2.0, within(0.1));
        Circuit c = Bench.circuit(plan);
        ValidationReport r = Bench.valid(c);
        assertThat(r.fired("part.decoupling")).isFalse();
        Bench.simulate(c);
        SpiceDeck deck = Bench.deck(c);
        String out = deck.node("OUT");
        Map<String, Double> m = Bench.run(deck, "tran 1m 3.5 0 2m",
                "meas tran t1 WHEN v(" + out + ")=2.5 RISE=2", "meas tran t2 WHEN v(" + out + ")=2.5 RISE=3");
        double measured = 1 / (m.get("t2") - m.get("t1"));
        assertThat(measured).isCloseTo(2.0, within(0.1));
    }

    @Test
    void monostableIdlesLowWithTheCapacitorDischarged() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.MONOSTABLE_555).value(Quantity.DURATION, 5).plan();
        assertThat(Bench.pins(plan, "TRIG")).contains("U1:TRIG", "SW1:1");
        assertThat(Bench.pins(plan, "THR")).contains("U1:THRES", "U1:DISCH");
        assertThat(plan.computations()).anySatisfy(x -> assertThat(x.formula()).startsWith("R = t / (1.1 · C)"));
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        assertThat(op.voltage("OUT")).isLessThan(0.5);
        assertThat(op.voltage("THR")).isLessThan(0.1);
        assertThat(op.voltage("TRIG")).isGreaterThan(4.5);
    }

    // ---- power ---------------------------------------------------------------------------------------------

    @Test
    void lm7805FromTwelveVoltsWithItsDatasheetCapacitors() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LINEAR_REGULATOR).value(Quantity.INPUT_VOLTAGE, 12)
                .value(Quantity.OUTPUT_VOLTAGE, 5).plan();
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("lm7805");
        String cin = on(plan, "VIN", ComponentKind.CAPACITOR);
        String cout = on(plan, "VOUT", ComponentKind.CAPACITOR);
        assertThat(value(plan, cin)).isCloseTo(330e-9, within(1e-12));
        assertThat(value(plan, cout)).isCloseTo(100e-9, within(1e-12));
        Circuit c = Bench.circuit(plan);
        ValidationReport r = Bench.valid(c);
        assertThat(r.fired("part.decoupling")).isFalse();
        assertThat(r.fired("power.regulator-dropout")).isFalse();
        assertThat(Bench.simulate(c).operatingPoint().voltage("VOUT")).isCloseTo(5.0, within(0.1));
    }

    @Test
    void fiveVoltsFromSixPicksALowDropoutPart() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LINEAR_REGULATOR).value(Quantity.INPUT_VOLTAGE, 6)
                .value(Quantity.OUTPUT_VOLTAGE, 5).plan();
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("lm2940-5");
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("VOUT")).isCloseTo(5.0, within(0.1));
    }

    @Test
    void lm317SetsNineVoltsWithTwoFortyOhms() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LINEAR_REGULATOR).value(Quantity.OUTPUT_VOLTAGE, 9)
                .value(Quantity.INPUT_VOLTAGE, 15).value(Quantity.CURRENT, 0.05).plan();
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("lm317");
        assertThat(Bench.pins(plan, "ADJ")).contains("U1:ADJ");
        assertThat(value(plan, on(plan, "ADJ", ComponentKind.RESISTOR))).isEqualTo(240);
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("VOUT")).isCloseTo(9.0, within(0.15));
    }

    @Test
    void regulatorInputBelowDropoutIsRaisedWithANote() {
        DesignPlan plan = Bench.of(RecipeKind.LINEAR_REGULATOR).part("lm7805", PartRole.POWER)
                .value(Quantity.INPUT_VOLTAGE, 6).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("at least 7 V"));
        ValidationReport r = Bench.valid(Bench.circuit(plan));
        assertThat(r.fired("power.regulator-dropout")).isFalse();
    }

    @Test
    void buckModuleFromTwelveVolts() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.BUCK_CONVERTER).value(Quantity.INPUT_VOLTAGE, 12).plan();
        assertThat(Bench.pins(plan, "VIN")).contains("U1:IN+");
        assertThat(Bench.pins(plan, "VOUT")).contains("U1:OUT+");
        assertThat(plan.computations()).anySatisfy(x -> assertThat(x.quantity()).isEqualTo("trimmer"));
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("VOUT")).isCloseTo(5.0, within(0.1));
    }

    @Test
    void buckInputAboveTheModuleRangeIsClamped() {
        DesignPlan plan = Bench.of(RecipeKind.BUCK_CONVERTER).part("mp1584-buck-module", PartRole.POWER)
                .value(Quantity.INPUT_VOLTAGE, 36).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("does not fit"));
        ValidationReport r = Bench.valid(Bench.circuit(plan));
        assertThat(r.fired("power.supply-range")).isFalse();
    }

    @Test
    void tp4056ChargesTheCellAtItsProgrammedCurrent() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.LIION_CHARGER).part("lipo-battery-1s", PartRole.POWER).plan();
        assertThat(Bench.pins(plan, "BAT")).containsExactlyInAnyOrder("U1:B+", "BT1:+");
        assertThat(Bench.pins(plan, "GND")).contains("U1:IN-", "BT1:-");
        // 0.5 C of 1000 mAh is 500 mA: the table gives 400 mA with 3 kΩ
        assertThat(plan.computations()).anySatisfy(x -> {
            assertThat(x.quantity()).isEqualTo("RPROG");
            assertThat(x.chosen()).isEqualTo(3e3);
        });
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        SimulationResult s = new dev.kirchhoff.validation.simulation.Simulator(Bench.VALIDATOR, Bench.ngspice())
                .simulate(c, "charger");
        assertThat(s.operatingPoint().converged()).isTrue();
        // the model charges with the module's own 1.2 kΩ RPROG: 1 A into 3.7 V behind 0.15 Ω
        assertThat(s.operatingPoint().voltage("BAT")).isCloseTo(3.85, within(0.05));
    }

    @Test
    void regulatedSupplyFromTheTransformerHoldsFiveVoltsUnderLoad() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.REGULATED_DC_SUPPLY).value(Quantity.CURRENT, 0.2).plan();
        assertThat(Bench.pins(plan, "AC_A")).contains("T1:SEC1", "BR1:AC1");
        assertThat(Bench.pins(plan, "VRAW")).contains("BR1:+", "U1:IN");
        String reservoir = on(plan, "VRAW", ComponentKind.CAPACITOR);
        // 0.2 A / (2 · 50 Hz · 2 V) = 1000 µF
        assertThat(value(plan, reservoir)).isCloseTo(1000e-6, within(1e-9));
        DesignPlan loaded = plan.toBuilder()
                .component("RL", ComponentKind.RESISTOR, null, "25", "test load, 200 mA at 5 V")
                .connect("VOUT", "RL:1").connect("GND", "RL:2").build();
        Circuit c = Bench.circuit(loaded);
        Bench.valid(c);
        SpiceDeck deck = Bench.deck(c);
        Map<String, Double> m = Bench.run(deck, "tran 50u 300m 0 50u",
                "meas tran vout AVG v(" + deck.node("VOUT") + ") FROM=200m TO=300m",
                "meas tran vmin MIN v(" + deck.node("VRAW") + ") FROM=200m TO=300m",
                "meas tran vmax MAX v(" + deck.node("VRAW") + ") FROM=200m TO=300m");
        assertThat(m.get("vout")).isCloseTo(5.0, within(0.1));
        assertThat(m.get("vmin")).isGreaterThan(7.0); // the LM7805 never drops out
        assertThat(m.get("vmax") - m.get("vmin")).isLessThan(2.5); // about the 2 V ripple designed for
    }

    @Test
    void unregulatedSupplyWithFourDiodes() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.UNREGULATED_DC_SUPPLY).part("1n4007", PartRole.ANALOG).plan();
        assertThat(plan.components().stream().filter(x -> "1n4007".equals(x.part()))).hasSize(4);
        assertThat(Bench.pins(plan, "VRAW")).hasSize(3); // two cathodes and the reservoir
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        SpiceDeck deck = Bench.deck(c);
        Map<String, Double> m = Bench.run(deck, "tran 50u 200m 0 50u",
                "meas tran vmax MAX v(" + deck.node("VRAW") + ") FROM=100m TO=200m");
        assertThat(m.get("vmax")).isBetween(13.0, 18.0); // 12-13.5 V rms · √2 less two diode drops
    }

    // ---- repair --------------------------------------------------------------------------------------------

    @Test
    void repairAddsTheMissingDecouplingCapacitor() {
        DesignPlan plan = Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).plan();
        String decoupling = on(plan, "VCC", ComponentKind.CAPACITOR);
        DesignPlan broken = plan.toBuilder().remove(decoupling).build();
        ValidationReport before = Bench.valid(Bench.circuit(broken));
        assertThat(before.fired("part.decoupling")).isTrue();
        DesignPlan repaired = new AnalogDesigner(Bench.KB).reason(Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER)
                .requirements(), new Pinouts(List.of()), new Feedback(1, broken, before.findings()));
        assertThat(Bench.valid(Bench.circuit(repaired)).fired("part.decoupling")).isFalse();
        assertThat(repaired.components()).hasSize(broken.components().size() + 1);
    }

    @Test
    void refusesRequirementsWithoutARecipe() {
        assertThatThrownBy(() -> new AnalogDesigner(Bench.KB).reason(Bench.of(null).requirements(),
                new Pinouts(List.of()), Feedback.none())).hasMessageContaining("needs a recipe");
    }

    @Test
    void defaultsAreNamedInNotes() {
        DesignPlan plan = Bench.of(RecipeKind.ASTABLE_555).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("1 Hz"));
        assertThat(plan.rationale()).anySatisfy(x -> assertThat(x.facts()).anySatisfy(f -> assertThat(f)
                .contains("SLFS022")));
    }
}
