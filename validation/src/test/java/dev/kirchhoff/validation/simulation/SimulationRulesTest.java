package dev.kirchhoff.validation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Sketch;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulation rules on real circuits, simulated by the real ngspice (CI installs it; see .ci/run). Each run takes
 * a few tens of milliseconds.
 */
class SimulationRulesTest {

    private static Simulator simulator;

    @BeforeAll
    static void findNgspice() throws NgspiceException {
        simulator = new Simulator(Sketch.validator(), Ngspice.locate());
    }

    private static SimulationResult simulate(Sketch sketch) throws NgspiceException {
        return simulator.simulate(sketch.build(), "sketch");
    }

    private static List<Finding> simulationFindings(SimulationResult r) {
        return r.report().findings().stream()
                .filter(f -> f.rule().startsWith("sim.")).toList();
    }

    /** Uno D13 → R1 → red LED → GND. */
    private static Sketch unoBlink(String ohms) {
        return Sketch.of().part("uno", "arduino-uno-r3").r("R1", ohms)
                .device("D1", ComponentKind.LED, null, "led-red")
                .net("D13", "uno:D13", "R1:1").net("LED_A", "R1:2", "D1:A").net("GND", "D1:K", "uno:GND");
    }

    @Test
    void modulePullUpsHoldAnIdleI2cBusHigh() throws NgspiceException {
        // the SSD1306 board's 4.7 kOhm pull-ups go to its VCC pin: SDA and SCL idle at the 3V3 rail
        SimulationResult r = simulate(Sketch.of().part("esp", "esp32-devkit-v1").part("oled", "ssd1306-i2c-oled")
                .net("3V3", "esp:3V3", "oled:VCC").net("GND", "esp:GND.1", "oled:GND")
                .net("SDA", "esp:D21", "oled:SDA").net("SCL", "esp:D22", "oled:SCL"));
        assertThat(r.deck().text()).contains("on-board pull-up of 4.7 kOhm to VCC");
        assertThat(r.operatingPoint().voltage("SDA")).isCloseTo(3.3, org.assertj.core.data.Offset.offset(0.05));
        assertThat(r.report().passed()).as(r.report().text()).isTrue();
    }

    @Test
    void unoPinThrough220OhmsLightsTheLedAsOhmsLawSays() throws NgspiceException {
        SimulationResult r = simulate(unoBlink("220"));
        OperatingPoint op = r.operatingPoint();
        assertThat(op.converged()).as(op.problems().toString()).isTrue();
        double led = op.value(r.deck().leds().get(0).vector());
        double pin = op.voltage("D13");
        double vf = op.voltage("LED_A") - op.voltage("GND");
        // the simulated current is (V_gpio - Vf) / R with the simulated pin and forward voltages
        assertThat(led).isCloseTo((pin - vf) / 220, within(0.01 * led));
        // and the hand estimate with the data's numbers: 5 V behind 25 Ohm, Vf about 2 V
        assertThat(led).isCloseTo((5 - 2.0) / (220 + SpiceExport.OUTPUT_OHMS), within(0.05 * led));
        assertThat(vf).isBetween(1.85, 2.05);
        assertThat(simulationFindings(r)).isEmpty();
    }

    @Test
    void esp32PinThrough220OhmsStaysWithinItsLimits() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().part("esp", "esp32-devkit-v1").r("R1", "220")
                .device("D1", ComponentKind.LED, null, "led-red")
                .net("IO4", "esp:D4", "R1:1").net("LED_A", "R1:2", "D1:A").net("GND", "D1:K", "esp:GND"));
        OperatingPoint op = r.operatingPoint();
        double led = op.value(r.deck().leds().get(0).vector());
        double vf = op.voltage("LED_A");
        assertThat(led).isCloseTo((op.voltage("IO4") - vf) / 220, within(0.01 * led));
        assertThat(led).isCloseTo((3.3 - vf) / (220 + SpiceExport.OUTPUT_OHMS), within(0.02 * led));
        assertThat(op.voltage("IO4")).isLessThan(3.3).isGreaterThan(3.1);
        assertThat(simulationFindings(r)).isEmpty();
    }

    @Test
    void unoPinThrough22OhmsOverloadsTheLedAndThePin() throws NgspiceException {
        SimulationResult r = simulate(unoBlink("22"));
        double led = r.operatingPoint().value(r.deck().leds().get(0).vector());
        assertThat(led).isGreaterThan(0.05);

        assertThat(r.report().of("sim.led-current")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("D1", "R1");
            assertThat(f.pins()).containsExactly("D1:A", "D1:K");
            assertThat(f.nets()).containsExactly("LED_A", "GND");
            assertThat(f.message()).contains("LED D1 carries " + SimulationRules.amps(led))
                    .contains("R1 = 22 Ω").contains("its rating is 30 mA (ifMax of led-red)");
            assertThat(f.fix()).isEqualTo("use R1 = 100 Ω or more");
        });
        assertThat(r.report().of("sim.gpio-current")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("uno:D13");
            assertThat(f.nets()).containsExactly("D13");
            assertThat(f.message()).contains("uno:D13 is driven HIGH at 5.00 V")
                    .contains("sources " + SimulationRules.amps(led) + " into net D13")
                    .contains("its limit is 20 mA").contains("it drives LED D1 through R1");
        });
    }

    @Test
    void aPinSinkingAnLedIsDrivenLowAndJudgedToo() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().part("uno", "arduino-uno-r3").r("R1", "47")
                .device("D1", ComponentKind.LED, null, "led-red")
                .net("5V", "uno:5V", "R1:1").net("LED_A", "R1:2", "D1:A").net("SINK", "D1:K", "uno:D7")
                .net("GND", "uno:GND"));
        assertThat(r.deck().outputs()).singleElement().satisfies(o -> assertThat(o.high()).isFalse());
        assertThat(r.report().of("sim.gpio-current")).singleElement().satisfies(f -> {
            assertThat(f.pins()).containsExactly("uno:D7");
            assertThat(f.message()).contains("driven LOW").contains("sinks").contains("from net SINK");
        });
        assertThat(r.operatingPoint().voltage("SINK")).isBetween(0.5, 2.0);
    }

    /** A 9 V battery → LM7805 → 5 V rail with a 100 Ohm load (50 mA) and the datasheet's capacitors. */
    private static Sketch regulator(boolean battery, String volts) {
        Sketch s = Sketch.of().part("U1", "lm7805").r("RL", "100").c("C1", "330n").c("C2", "100n");
        if (battery) {
            s.part("BT1", "battery-9v").net("VIN", "BT1:+", "U1:IN", "C1:1")
                    .net("GND", "BT1:-", "U1:GND", "RL:2", "C1:2", "C2:2");
        } else {
            s.v("V1", volts).net("VIN", "V1:+", "U1:IN", "C1:1").net("GND", "V1:-", "U1:GND", "RL:2", "C1:2", "C2:2");
        }
        return s.net("5V", "U1:OUT", "RL:1", "C2:1");
    }

    @Test
    void lm7805FromANineVoltBatteryHoldsItsRail() throws NgspiceException {
        SimulationResult r = simulate(regulator(true, null));
        assertThat(r.operatingPoint().converged()).as(r.operatingPoint().problems().toString()).isTrue();
        assertThat(r.operatingPoint().voltage("5V")).isCloseTo(5.0, within(0.05));
        // the battery sags by its 1.7 Ohm internal resistance under 50 mA plus the regulator's 5 mA
        assertThat(r.operatingPoint().voltage("VIN")).isCloseTo(9.0 - 1.7 * 0.055, within(0.01));
        assertThat(r.report().fired("sim.rail-voltage")).isFalse();
        assertThat(simulationFindings(r)).isEmpty();
    }

    @Test
    void lm7805FromSixVoltsIsInDropout() throws NgspiceException {
        SimulationResult r = simulate(regulator(false, "6"));
        assertThat(r.operatingPoint().voltage("5V")).isCloseTo(4.0, within(0.05));
        assertThat(r.report().of("sim.rail-voltage")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("5V", "VIN");
            assertThat(f.pins()).containsExactly("U1:OUT", "U1:IN");
            assertThat(f.components()).containsExactly("U1");
            assertThat(f.message()).startsWith("Rail 5V simulates at 4.00 V, 20 % below its nominal 5.00 V")
                    .contains("U1 is in dropout: its input U1:IN (net VIN) is at 6.00 V, below the 7.00 V it needs");
            assertThat(f.fix()).isEqualTo("feed U1:IN with at least 7.00 V, or use a low-dropout regulator");
        });
    }

    @Test
    void esp32FedTooLowOnVinSagsItsOwnThreeVoltThreeRail() throws NgspiceException {
        Sketch s = Sketch.of().part("esp", "esp32-devkit-v1").v("V1", "3.7").r("R1", "1k")
                .net("VBAT", "V1:+", "esp:VIN").net("GND", "V1:-", "esp:GND", "R1:2").net("3V3", "esp:3V3", "R1:1");
        SimulationResult r = simulate(s);
        // AMS1117: 3.7 V in, 1.1 V dropout
        assertThat(r.operatingPoint().voltage("3V3")).isCloseTo(2.6, within(0.01));
        assertThat(r.report().of("sim.rail-voltage")).singleElement().satisfies(f -> {
            assertThat(f.nets()).contains("3V3");
            assertThat(f.message()).contains("esp is in dropout").contains("below the 4.40 V it needs");
        });
        // the regulator's output current and the board's own 80 mA are drawn from VIN
        double drawn = -r.operatingPoint().value("v1#branch");
        assertThat(drawn).isCloseTo(0.08 * 3.7 / 5.0 + 2.6 / 1000, within(0.001));
    }

    @Test
    void aCellBeingChargedMaySitAnywhereInItsRange() throws NgspiceException {
        // TP4056 B+ is 4.2 V in the data; the 18650 pulls it to somewhere between 3.7 V and 4.2 V while charging
        SimulationResult r = simulate(Sketch.of().part("chg", "tp4056-module").part("bat", "battery-18650")
                .v("V1", "5").net("5V", "V1:+", "chg:IN+").net("GND", "V1:-", "chg:IN-", "chg:B-", "bat:-")
                .net("VBAT", "chg:B+", "bat:+"));
        Double vbat = r.operatingPoint().voltage("VBAT");
        assertThat(vbat).isBetween(3.0, 4.3);
        assertThat(r.report().fired("sim.rail-voltage")).as(r.report().text()).isFalse();
    }

    @Test
    void aSineSourceSaysNothingAboutRailsAtTheOperatingPoint() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().add(dev.kirchhoff.schematic.model.Component.builder("V1",
                        ComponentKind.VOLTAGE_SOURCE).value(dev.kirchhoff.schematic.units.Value.text("SIN(0 5 50)"))
                        .build()).r("R1", "10k").net("+5V", "V1:+", "R1:1").net("GND", "V1:-", "R1:2"));
        assertThat(r.operatingPoint().voltage("+5V")).isCloseTo(0.0, within(1e-6));
        assertThat(r.report().fired("sim.rail-voltage")).isFalse();
    }

    @Test
    void aRailNamedForFiveVoltsThatNothingDrivesIsDead() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().part("uno", "arduino-uno-r3").r("R1", "10k")
                .net("+5V", "R1:1").net("GND", "R1:2", "uno:GND"));
        assertThat(r.deck().node("+5V")).isEqualTo("_5v");
        assertThat(r.report().of("sim.rail-voltage")).singleElement().satisfies(f -> {
            assertThat(f.nets()).containsExactly("+5V");
            assertThat(f.message()).isEqualTo("Rail +5V simulates at 0.00 V, 100 % below its nominal 5.00 V (set by "
                    + "the net's name +5V); nothing in the circuit drives it");
            assertThat(f.fix()).isEqualTo("connect +5V to the supply that should feed it");
        });
    }

    @Test
    void twelveVoltsAcrossOneHundredOhmsOverheatsAQuarterWattResistor() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().v("V1", "12").r("R1", "100")
                .net("VCC", "V1:+", "R1:1").net("GND", "V1:-", "R1:2"));
        assertThat(r.report().of("sim.resistor-power")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("R1");
            assertThat(f.nets()).containsExactly("VCC", "GND");
            assertThat(f.message()).isEqualTo("R1 = 100 Ω dissipates 1.44 W in simulation (I²R = (120 mA)² × 100 Ω, "
                    + "12.00 V across it between nets VCC and GND); its rating is 250 mW");
            assertThat(f.fix()).startsWith("use a resistor rated 2 W or more");
        });
    }

    @Test
    void aResistorRatedForItsPowerOrDissipatingLittleIsFine() throws NgspiceException {
        Component rated = Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("100"))
                .parameter("power", Value.parse("2")).build();
        SimulationResult r = simulate(Sketch.of().v("V1", "12").add(rated).r("R2", "1k")
                .net("VCC", "V1:+", "R1:1", "R2:1").net("GND", "V1:-", "R1:2", "R2:2"));
        assertThat(r.report().fired("sim.resistor-power")).isFalse();
        assertThat(r.operatingPoint().voltage("VCC")).isEqualTo(12.0);
    }

    @Test
    void aNodeReachedOnlyThroughCapacitorsMakesASingularMatrix() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().v("V1", "5").r("R1", "1k").c("C1", "100n").c("C2", "100n")
                .net("VCC", "V1:+", "R1:1").net("A", "R1:2", "C1:1").net("FLOAT", "C1:2", "C2:1")
                .net("GND", "V1:-", "C2:2"));
        assertThat(r.operatingPoint().problems()).anySatisfy(p -> assertThat(p).contains("singular matrix")
                .contains("check node float"));
        assertThat(r.report().of("sim.convergence")).first().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("FLOAT");
            assertThat(f.message()).contains("singular matrix at float (net FLOAT)");
            assertThat(f.fix()).startsWith("give FLOAT a DC path to ground");
        });
        // the numbers of an unsolved operating point are not judged
        assertThat(r.report().fired("sim.resistor-power")).isFalse();
    }

    @Test
    void aCapacitorWithAnOpenPinLeavesThatPinsNodeFloating() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().v("V1", "5").r("R1", "1k").c("C2", "100n")
                .net("VCC", "V1:+", "R1:1", "C2:1").net("GND", "V1:-", "R1:2"));
        assertThat(r.report().of("sim.convergence")).first().satisfies(f -> {
            assertThat(f.components()).containsExactly("C2");
            assertThat(f.nets()).isEmpty();
            assertThat(f.message()).contains("singular matrix at nc_c2_2 (an unconnected pin of C2)");
            assertThat(f.fix()).isEqualTo("break the loop of voltage sources, or connect the open node");
        });
    }

    @Test
    void theSameNodeWithAResistorToGroundSolves() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().v("V1", "5").r("R1", "1k").c("C1", "100n").c("C2", "100n")
                .r("R2", "1Meg")
                .net("VCC", "V1:+", "R1:1").net("A", "R1:2", "C1:1").net("FLOAT", "C1:2", "C2:1", "R2:1")
                .net("GND", "V1:-", "C2:2", "R2:2"));
        assertThat(r.operatingPoint().problems()).isEmpty();
        assertThat(r.report().fired("sim.convergence")).isFalse();
        assertThat(r.operatingPoint().voltage("A")).isEqualTo(5.0);
    }

    @Test
    void aLoopOfVoltageSourcesFailsTheAnalysisAndNamesTheSource() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().v("V1", "5").v("V2", "3").r("R1", "1k")
                .net("A", "V1:+", "V2:+", "R1:1").net("GND", "V1:-", "V2:-", "R1:2"));
        List<Finding> found = r.report().of("sim.convergence");
        assertThat(found).hasSize(2);
        assertThat(found.get(0).components()).contains("V1");
        assertThat(found.get(1).message()).contains("Timestep too small");
    }

    @Test
    void aGpioDrivingAMosfetGateIsDrivenHighAndSwitchesTheLoad() throws NgspiceException {
        SimulationResult r = simulate(Sketch.of().part("uno", "arduino-uno-r3").r("RG", "220").r("RD", "150")
                .device("M1", ComponentKind.MOSFET, null, "irlz44n").device("D1", ComponentKind.LED, null, "led-red")
                .net("PWM", "uno:D9", "RG:1").net("GATE", "RG:2", "M1:G")
                .net("5V", "uno:5V", "RD:1").net("LED_A", "RD:2", "D1:A").net("DRAIN", "D1:K", "M1:D")
                .net("GND", "uno:GND", "M1:S"));
        assertThat(r.deck().outputs()).singleElement().satisfies(o -> {
            assertThat(o.high()).isTrue();
            assertThat(o.reason()).contains("it drives M1:G through RG");
        });
        assertThat(r.deck().text()).contains("XM1 DRAIN GATE 0 IRLZ44N_KB");
        assertThat(r.operatingPoint().voltage("DRAIN")).isLessThan(0.01);
        // (5 V - ~1.95 V) / 150 Ohm, within the LED's 30 mA
        assertThat(r.operatingPoint().value(r.deck().leds().get(0).vector())).isCloseTo(0.0203, within(0.001));
        assertThat(simulationFindings(r)).isEmpty();
    }

    @Test
    void rulesAreSilentWithoutAnOperatingPoint() {
        CircuitFacts facts = unoBlink("22").facts();
        Findings out = new Findings();
        for (Rule rule : SimulationRules.all()) {
            rule.check(facts, out);
        }
        assertThat(out.all()).isEmpty();
    }

    @Test
    void everyRuleIsDocumentedInItsGroup() {
        assertThat(SimulationRules.all()).extracting(Rule::id).containsExactly("sim.convergence", "sim.led-current",
                "sim.gpio-current", "sim.rail-voltage", "sim.resistor-power");
        assertThat(SimulationRules.all()).allSatisfy(rule -> {
            assertThat(rule.group()).isEqualTo(RuleGroup.SIMULATION);
            assertThat(rule.id()).matches("sim\\.[a-z]+(-[a-z]+)*");
            assertThat(rule.title()).isNotBlank().doesNotContain("\n");
            assertThat(rule.documentation()).hasSizeGreaterThan(200).doesNotContain("\n");
        });
    }

    @Test
    void powerRatingsAreReadInTheUsualSpellings() {
        assertThat(SimulationRules.ResistorPower.parseWatts("1/4W")).isEqualTo(0.25);
        assertThat(SimulationRules.ResistorPower.parseWatts("0.5")).isEqualTo(0.5);
        assertThat(SimulationRules.ResistorPower.parseWatts("250mW")).isCloseTo(0.25, within(1e-12));
        assertThat(SimulationRules.ResistorPower.parseWatts("hot")).isNull();
        assertThat(SimulationRules.e12Up(45.2)).isEqualTo(47.0);
        assertThat(SimulationRules.e12Up(96.7)).isEqualTo(100.0);
        assertThat(SimulationRules.e12Up(1000)).isEqualTo(1000.0);
    }
}
