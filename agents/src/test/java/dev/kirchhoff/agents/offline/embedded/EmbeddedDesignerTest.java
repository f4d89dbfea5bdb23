package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDesignerTest {

    private static Designs.Result valid(Designs d) {
        Designs.Result r = d.design();
        assertThat(r.report().passed()).as(r.dump()).isTrue();
        return r;
    }

    private static double ohms(DesignPlan.PlannedComponent c) {
        return Value.parse(c.value()).magnitude();
    }

    private static Part part(String id) {
        return Designs.KB.part(id).orElseThrow();
    }

    /** The board pin the pin map gives a device pin ({@code U2:ECHO}), resolved to the knowledge-base pin. */
    private static PartPin host(Designs.Result r, String devicePin, Part board) {
        String ref = r.plan().assignments().stream().filter(a -> a.devicePin().equals(devicePin))
                .map(DesignPlan.PinAssignment::hostPin).findFirst()
                .orElseThrow(() -> new AssertionError("no assignment for " + devicePin + "\n" + r.dump()));
        return board.pin(ref.substring(3)).orElseThrow();
    }

    /** The board pin on a net, by the plan's {@code U1:NAME} text, resolved to the knowledge-base pin. */
    private static PartPin boardPinOn(Designs.Result r, String net, Part board) {
        String ref = r.pinsOn(net).stream().filter(p -> p.startsWith("U1:")).findFirst()
                .orElseThrow(() -> new AssertionError("no board pin on " + net + "\n" + r.dump()));
        return board.pin(ref.substring(3)).orElseThrow();
    }

    @Test
    void esp32WeatherStationUsesDefaultI2cPinsAndTheModulesOwnPullUps() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("bme280-module").with("ssd1306-i2c-oled")
                .supply(Supply.Kind.USB, 5.0));
        String bme = r.byPart("bme280-module").ref();
        String oled = r.byPart("ssd1306-i2c-oled").ref();
        assertThat(r.netOf(bme + ":SDA")).isEqualTo("SDA");
        assertThat(r.pinsOn("SDA")).contains("U1:GPIO21", oled + ":SDA");
        assertThat(r.pinsOn("SCL")).contains("U1:GPIO22", bme + ":SCL", oled + ":SCL");
        assertThat(r.netOf(bme + ":VIN")).isEqualTo("3V3");
        assertThat(r.netOf(oled + ":VCC")).isEqualTo("3V3");
        assertThat(r.pinsOn("3V3")).contains("U1:3V3");
        assertThat(r.ofKind(ComponentKind.RESISTOR)).as("modules carry their own pull-ups").isEmpty();
        assertThat(r.report().fired("interface.i2c-pullup-missing")).isFalse();
        assertThat(r.plan().rails()).anySatisfy(rail -> {
            assertThat(rail.net()).isEqualTo("3V3");
            assertThat(rail.capacityAmps()).isEqualTo(0.5);
            assertThat(rail.loadAmps()).isGreaterThan(0.015).isLessThan(0.02);
        });
        assertThat(r.plan().assignments()).anySatisfy(a -> {
            assertThat(a.hostPin()).isEqualTo("U1:GPIO21");
            assertThat(a.reason()).contains("default I2C_SDA");
        });
        assertThat(r.plan().rationale()).extracting(DesignPlan.Rationale::topic).contains("power", "I2C");
    }

    @Test
    void unoLedGetsASeriesResistorComputedFromItsForwardVoltage() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("led-red", 1, PartRole.INDICATOR));
        DesignPlan.PlannedComponent led = r.ofKind(ComponentKind.LED).get(0);
        assertThat(led.part()).isEqualTo("led-red");
        DesignPlan.PlannedComponent res = r.ofKind(ComponentKind.RESISTOR).get(0);
        assertThat(ohms(res)).isBetween(150.0, 330.0);
        // (5 V − 2.0 V) / 10 mA = 300 Ω, rounded up to E12 330 Ω: 9.1 mA
        assertThat(r.plan().computations()).singleElement().satisfies(c -> {
            assertThat(c.exact()).isEqualTo(300.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(c.chosen()).isEqualTo(330.0);
            assertThat(c.formula()).contains("5 V").contains("2 V");
        });
        PartPin pin = boardPinOn(r, r.netOf(res.ref() + ":1"), part("arduino-uno-r3"));
        assertThat(pin.voltage()).isEqualTo(5.0);
        assertThat(r.netOf(res.ref() + ":2")).isEqualTo(r.netOf(led.ref() + ":A"));
        assertThat(r.netOf(led.ref() + ":K")).isEqualTo("GND");
        assertThat(r.plan().rationale()).anySatisfy(w -> assertThat(w.facts()).anyMatch(f -> f.contains("led-red: Vf 2 V")));
        assertThat(r.report().fired("part.led-current")).isFalse();
    }

    @Test
    void esp32FanIsSwitchedByALogicLevelMosfetWithFlybackDiodeOnAnAdapterRail() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("fan-12v", 1, PartRole.LOAD));
        String fan = r.byPart("fan-12v").ref();
        DesignPlan.PlannedComponent q = r.ofKind(ComponentKind.MOSFET).get(0);
        assertThat(q.part()).isEqualTo("ao3400"); // specified at 2.5 V gate drive: on from a 3.3 V pin
        String rail = r.netOf(fan + ":+");
        assertThat(rail).isEqualTo("12V");
        assertThat(r.pinsOn("12V")).anyMatch(p -> p.startsWith(r.byPart("dc-power-adapter-12v").ref() + ":"));
        String sw = r.netOf(fan + ":-");
        assertThat(r.pinsOn(sw)).contains(q.ref() + ":D");
        assertThat(r.netOf(q.ref() + ":S")).isEqualTo("GND");
        DesignPlan.PlannedComponent d = r.ofKind(ComponentKind.DIODE).get(0);
        assertThat(r.netOf(d.ref() + ":K")).isEqualTo("12V");
        assertThat(r.netOf(d.ref() + ":A")).isEqualTo(sw);
        String gate = r.netOf(q.ref() + ":G");
        List<DesignPlan.PlannedComponent> rs = r.ofKind(ComponentKind.RESISTOR);
        assertThat(rs).anySatisfy(x -> {
            assertThat(ohms(x)).isBetween(100.0, 330.0);
            assertThat(r.netOf(x.ref() + ":2")).isEqualTo(gate);
            assertThat(r.pinsOn(r.netOf(x.ref() + ":1"))).anyMatch(p -> p.startsWith("U1:GPIO"));
        });
        assertThat(rs).anySatisfy(x -> {
            assertThat(ohms(x)).isEqualTo(100_000.0);
            assertThat(r.netOf(x.ref() + ":1")).isEqualTo(gate);
            assertThat(r.netOf(x.ref() + ":2")).isEqualTo("GND");
        });
        assertThat(r.pinsOn("GND")).contains("U1:GND").anyMatch(p -> p.endsWith(":-"));
        assertThat(r.report().fired("part.flyback")).isFalse();
        assertThat(r.report().fired("part.gpio-current")).isFalse();
        assertThat(r.report().fired("part.mosfet-gate")).isFalse();
        assertThat(r.plan().notes()).anyMatch(n -> n.contains("not driven straight from a GPIO"));
    }

    @Test
    void aFanAskedToBeSwitchedByARelayHangsOnTheRelayModulesContacts() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("fan-12v", 1, PartRole.LOAD)
                .constraint(Constraint.RELAY));
        String relay = r.byPart("relay-module-1ch").ref();
        String fan = r.byPart("fan-12v").ref();
        assertThat(r.netOf(relay + ":COM")).isEqualTo("12V");
        assertThat(r.netOf(fan + ":+")).isEqualTo(r.netOf(relay + ":NO"));
        assertThat(r.netOf(fan + ":-")).isEqualTo("GND");
        assertThat(r.netOf(relay + ":VCC")).isEqualTo("5V");
        assertThat(host(r, relay + ":IN", part("esp32-devkit-v1")).can(PinFunction.GPIO)).isTrue();
        assertThat(r.ofKind(ComponentKind.MOSFET)).isEmpty();
    }

    @Test
    void aMotorWithABjtAskedForGetsAComputedBaseResistor() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("dc-motor", 1, PartRole.LOAD)
                .constraint(Constraint.BJT));
        DesignPlan.PlannedComponent q = r.ofKind(ComponentKind.BJT).get(0);
        assertThat(r.netOf(q.ref() + ":E")).isEqualTo("GND");
        assertThat(r.netOf(q.ref() + ":C")).isEqualTo(r.netOf(r.byPart("dc-motor").ref() + ":-"));
        // (5 V − 0.95 V) / (5 × 200 mA / 100) = 405 Ω → E12 390 Ω, 10.4 mA into the base
        assertThat(r.plan().computations()).anySatisfy(c -> {
            assertThat(c.exact()).isCloseTo(405.0, org.assertj.core.data.Offset.offset(1.0));
            assertThat(c.chosen()).isEqualTo(390.0);
        });
        assertThat(r.report().fired("part.bjt-base-resistor")).isFalse();
        assertThat(r.ofKind(ComponentKind.DIODE)).hasSize(1);
    }

    @Test
    void unoFanUsesTheIrlz44nSpecifiedAtFiveVoltsAndTheBoardStaysOnUsb() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("fan-12v", 1, PartRole.LOAD));
        assertThat(r.ofKind(ComponentKind.MOSFET)).singleElement().extracting(DesignPlan.PlannedComponent::part)
                .isEqualTo("irlz44n");
        assertThat(r.pinsOn("12V")).noneMatch(p -> p.startsWith("U1:"));
        assertThat(r.report().fired("power.load-voltage")).isFalse();
    }

    @Test
    void unoDimsA12VoltLedStripFromAPwmPinThroughALowSideMosfetOnAnAdapterRail() throws Exception {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("led-strip-12v", 1, PartRole.LOAD)
                .prompt("12V LED strip dimmed by an Arduino Uno using PWM"));
        Part uno = part("arduino-uno-r3");
        String strip = r.byPart("led-strip-12v").ref();
        // + on the 12 V rail of the adapter, never on a board pin (the board stays on USB)
        assertThat(r.netOf(strip + ":+")).isEqualTo("12V");
        assertThat(r.pinsOn("12V")).contains(r.byPart("dc-power-adapter-12v").ref() + ":+")
                .noneMatch(p -> p.startsWith("U1:"));
        assertThat(r.netOf(r.byPart("dc-power-adapter-12v").ref() + ":-")).isEqualTo("GND");
        // - on the drain of a logic-level MOSFET whose source is on GND
        DesignPlan.PlannedComponent q = r.ofKind(ComponentKind.MOSFET).get(0);
        assertThat(r.ofKind(ComponentKind.MOSFET)).hasSize(1);
        assertThat(q.part()).isEqualTo("irlz44n");
        String sw = r.netOf(strip + ":-");
        assertThat(r.pinsOn(sw)).containsExactlyInAnyOrder(strip + ":-", q.ref() + ":D");
        assertThat(r.netOf(q.ref() + ":S")).isEqualTo("GND");
        // the gate: a computed resistor from a PWM pin, and a 100 kΩ pull-down
        String gate = r.netOf(q.ref() + ":G");
        List<DesignPlan.PlannedComponent> rs = r.ofKind(ComponentKind.RESISTOR);
        assertThat(rs).anySatisfy(x -> {
            assertThat(ohms(x)).isBetween(100.0, 330.0);
            assertThat(r.netOf(x.ref() + ":2")).isEqualTo(gate);
            assertThat(boardPinOn(r, r.netOf(x.ref() + ":1"), uno).can(PinFunction.PWM)).isTrue();
        });
        assertThat(rs).anySatisfy(x -> {
            assertThat(ohms(x)).isEqualTo(100_000.0);
            assertThat(r.netOf(x.ref() + ":1")).isEqualTo(gate);
            assertThat(r.netOf(x.ref() + ":2")).isEqualTo("GND");
        });
        // a resistive load: no flyback diode, and the rules that judge loads see it as one
        assertThat(r.ofKind(ComponentKind.DIODE)).isEmpty();
        assertThat(r.report().fired("part.gpio-current")).isFalse();
        assertThat(r.report().fired("part.flyback")).isFalse();
        assertThat(r.report().fired("part.mosfet-gate")).isFalse();
        // with the pin HIGH the MOSFET conducts the strip's 0.5 A: its drain sits near 0 V
        dev.kirchhoff.validation.simulation.Ngspice ngspice;
        try {
            ngspice = dev.kirchhoff.validation.simulation.Ngspice.locate();
        } catch (dev.kirchhoff.validation.simulation.NgspiceException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "ngspice is not installed: " + e.getMessage());
            return;
        }
        dev.kirchhoff.validation.simulation.SimulationResult sim =
                new dev.kirchhoff.validation.simulation.Simulator(Designs.VALIDATOR, ngspice).simulate(r.circuit(),
                        "led strip");
        assertThat(sim.operatingPoint().problems()).isEmpty();
        assertThat(sim.operatingPoint().voltage("12V")).isBetween(11.9, 12.0);
        assertThat(sim.operatingPoint().voltage(sw)).isBetween(0.0, 0.1);
    }

    @Test
    void anRgbStripGetsOneLowSideMosfetPerColourEachOnItsOwnPwmPin() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("rgb-led-strip-12v", 1, PartRole.LOAD));
        Part uno = part("arduino-uno-r3");
        String strip = r.byPart("rgb-led-strip-12v").ref();
        assertThat(r.netOf(strip + ":+")).isEqualTo("12V");
        assertThat(r.pinsOn("12V")).contains(r.byPart("dc-power-adapter-12v").ref() + ":+");
        List<DesignPlan.PlannedComponent> qs = r.ofKind(ComponentKind.MOSFET);
        assertThat(qs).hasSize(3);
        java.util.Set<String> pwmPins = new java.util.HashSet<>();
        for (String colour : List.of("R", "G", "B")) {
            String sw = r.netOf(strip + ":" + colour);
            DesignPlan.PlannedComponent q = qs.stream().filter(x -> r.netOf(x.ref() + ":D").equals(sw)).findFirst()
                    .orElseThrow(() -> new AssertionError("no MOSFET drain on " + sw + "\n" + r.dump()));
            assertThat(r.netOf(q.ref() + ":S")).isEqualTo("GND");
            String gate = r.netOf(q.ref() + ":G");
            DesignPlan.PlannedComponent rg = r.ofKind(ComponentKind.RESISTOR).stream()
                    .filter(x -> gate.equals(r.netOf(x.ref() + ":2")) && ohms(x) < 1000).findFirst().orElseThrow();
            PartPin pin = boardPinOn(r, r.netOf(rg.ref() + ":1"), uno);
            assertThat(pin.can(PinFunction.PWM)).as(colour).isTrue();
            pwmPins.add(pin.name());
        }
        assertThat(pwmPins).hasSize(3);
        assertThat(r.ofKind(ComponentKind.DIODE)).isEmpty();
        assertThat(r.report().fired("part.gpio-current")).isFalse();
    }

    @Test
    void nanoButtonsUseInternalPullUps() {
        Designs.Result r = valid(Designs.board("arduino-nano").with("push-button", 3, PartRole.INPUT));
        Part nano = part("arduino-nano");
        assertThat(r.ofKind(ComponentKind.RESISTOR)).isEmpty();
        for (int i = 1; i <= 3; i++) {
            String sw = "SW" + i;
            String net = r.netOf(sw + ":1");
            assertThat(boardPinOn(r, net, nano).has(PinFlag.INTERNAL_PULLUP)).isTrue();
            assertThat(r.netOf(sw + ":3")).isEqualTo("GND");
        }
        assertThat(r.plan().nets().stream().filter(n -> n.name().startsWith("BTN"))).hasSize(3);
        assertThat(r.report().of("part.floating-input")).allMatch(f -> f.severity() == Severity.INFO);
    }

    @Test
    void nanoButtonsWithPullDownResistorsGetTenKiloohmsToGround() {
        Designs.Result r = valid(Designs.board("arduino-nano").with("push-button", 3, PartRole.INPUT)
                .constraint(Constraint.PULL_DOWN));
        List<DesignPlan.PlannedComponent> rs = r.ofKind(ComponentKind.RESISTOR);
        assertThat(rs).hasSize(3).allSatisfy(x -> {
            assertThat(ohms(x)).isEqualTo(10_000.0);
            assertThat(r.netOf(x.ref() + ":1")).startsWith("BTN");
            assertThat(r.netOf(x.ref() + ":2")).isEqualTo("GND");
        });
        for (int i = 1; i <= 3; i++) {
            assertThat(r.netOf("SW" + i + ":3")).isEqualTo("5V");
        }
        assertThat(r.report().fired("part.floating-input")).isFalse();
    }

    @Test
    void picoRunsFromALiIonCellThroughATp4056IntoVsys() {
        Designs.Result r = valid(Designs.board("raspberry-pi-pico").with("ina219-module").with("ssd1306-i2c-oled")
                .supply(Supply.Kind.LIION_CELL, 3.7));
        String chg = r.byPart("tp4056-module").ref();
        String cell = r.byPart("battery-18650").ref();
        assertThat(r.netOf(chg + ":OUT+")).isEqualTo("VSYS");
        assertThat(r.pinsOn("VSYS")).contains("U1:VSYS");
        assertThat(r.netOf(cell + ":+")).isEqualTo(r.netOf(chg + ":B+"));
        assertThat(r.netOf(r.byPart("ina219-module").ref() + ":VCC")).isEqualTo("3V3");
        assertThat(r.netOf(r.byPart("ssd1306-i2c-oled").ref() + ":VCC")).isEqualTo("3V3");
        assertThat(r.pinsOn("SDA")).contains("U1:GP4");
        assertThat(r.pinsOn("SCL")).contains("U1:GP5");
        assertThat(r.plan().rails()).extracting(DesignPlan.Rail::net).contains("VSYS", "3V3");
        assertThat(r.report().fired("power.rail-short")).isFalse();
    }

    @Test
    void esp32FromALiIonCellGetsABoostToFiveVoltsBecauseAnLdoWouldDropOut() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("bme280-module")
                .supply(Supply.Kind.LIION_CELL, 3.7));
        String boost = r.byPart("mt3608-module").ref();
        assertThat(r.netOf(boost + ":VIN+")).isEqualTo("VSYS");
        assertThat(r.pinsOn("5V")).contains(boost + ":VOUT+", "U1:VIN");
        assertThat(r.plan().rationale()).anyMatch(w -> w.text().contains("dropout"));
    }

    @Test
    void hcSr04EchoReachesTheEsp32ThroughAComputedDivider() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("hc-sr04"));
        String us = r.byPart("hc-sr04").ref();
        assertThat(r.netOf(us + ":VCC")).isEqualTo("5V");
        assertThat(r.pinsOn("5V")).contains("U1:VIN");
        String raw = r.netOf(us + ":ECHO");
        assertThat(r.pinsOn(raw)).noneMatch(p -> p.startsWith("U1:"));
        DesignPlan.PlannedComponent top = r.ofKind(ComponentKind.RESISTOR).stream()
                .filter(x -> r.netOf(x.ref() + ":1").equals(raw)).findFirst().orElseThrow();
        String tap = r.netOf(top.ref() + ":2");
        DesignPlan.PlannedComponent bottom = r.ofKind(ComponentKind.RESISTOR).stream()
                .filter(x -> tap.equals(r.netOf(x.ref() + ":1")) && "GND".equals(r.netOf(x.ref() + ":2")))
                .findFirst().orElseThrow();
        PartPin input = boardPinOn(r, tap, part("esp32-devkit-v1"));
        double out = 5.0 * ohms(bottom) / (ohms(top) + ohms(bottom));
        assertThat(out).isLessThanOrEqualTo(3.3).isGreaterThan(part("esp32-devkit-v1").logic().vih());
        assertThat(r.plan().computations()).anySatisfy(c -> assertThat(c.ref()).isEqualTo(bottom.ref()));
        assertThat(input.can(PinFunction.GPIO)).isTrue();
        assertThat(r.netOf(us + ":TRIG")).satisfies(n -> assertThat(r.pinsOn(n)).anyMatch(p -> p.startsWith("U1:")));
        assertThat(r.report().fired("power.logic-level")).isFalse();
    }

    @Test
    void twoOledsAtTheSameAddressGoBehindATca9548a() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("ssd1306-i2c-oled", 2, PartRole.PERIPHERAL));
        String mux = r.byPart("tca9548a-module").ref();
        assertThat(r.pinsOn("SDA")).containsExactlyInAnyOrder("U1:A4", mux + ":SDA");
        assertThat(r.pinsOn("SDA0")).contains(mux + ":SD0").anyMatch(p -> p.endsWith(":SDA"));
        assertThat(r.pinsOn("SDA1")).contains(mux + ":SD1").anyMatch(p -> p.endsWith(":SDA"));
        assertThat(r.report().fired("interface.i2c-address")).isFalse();
        assertThat(r.plan().rationale()).anyMatch(w -> w.topic().equals("I2C multiplexer"));
    }

    @Test
    void twoBme280sAreToldApartByStrappingSdoHigh() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("bme280-module", 2, PartRole.PERIPHERAL));
        assertThat(r.plan().components()).noneMatch(c -> "tca9548a-module".equals(c.part()));
        String strap = r.netOf("U3:SDO");
        assertThat(r.ofKind(ComponentKind.RESISTOR)).singleElement().satisfies(x -> {
            assertThat(ohms(x)).isEqualTo(10_000.0);
            assertThat(r.netOf(x.ref() + ":1")).isEqualTo("3V3");
            assertThat(r.netOf(x.ref() + ":2")).isEqualTo(strap);
        });
        assertThat(r.netOf("U2:SDO")).isNull();
        assertThat(r.report().fired("interface.i2c-address")).isFalse();
    }

    @Test
    void solenoidOnAThreeVoltBoardGetsADriverNotAGpio() {
        Designs.Result r = valid(Designs.board("esp32-c3-devkitm-1").with("solenoid-12v", 1, PartRole.LOAD));
        String sol = r.byPart("solenoid-12v").ref();
        assertThat(r.pinsOn(r.netOf(sol + ":-"))).noneMatch(p -> p.startsWith("U1:"));
        assertThat(r.pinsOn(r.netOf(sol + ":+"))).noneMatch(p -> p.startsWith("U1:"));
        assertThat(r.ofKind(ComponentKind.MOSFET)).hasSize(1);
        assertThat(r.ofKind(ComponentKind.DIODE)).singleElement().extracting(DesignPlan.PlannedComponent::part)
                .isEqualTo("1n4007");
        assertThat(r.plan().rationale()).anyMatch(w -> w.text().contains("never wired to the pin"));
    }

    @Test
    void unoDs18b20sShareOneDataLineWithOnePullUpAndEachGetsDecoupling() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("ds18b20", 2, PartRole.PERIPHERAL));
        String net = r.netOf("U2:DQ");
        assertThat(r.netOf("U3:DQ")).isEqualTo(net);
        assertThat(r.ofKind(ComponentKind.RESISTOR)).singleElement().satisfies(x -> {
            assertThat(ohms(x)).isEqualTo(4700.0);
            assertThat(r.netOf(x.ref() + ":1")).isEqualTo("5V");
            assertThat(r.netOf(x.ref() + ":2")).isEqualTo(net);
        });
        assertThat(r.ofKind(ComponentKind.CAPACITOR)).hasSize(2)
                .allSatisfy(c -> assertThat(Value.parse(c.value()).magnitude()).isEqualTo(100e-9));
        assertThat(r.report().fired("part.decoupling")).isFalse();
        assertThat(r.report().fired("interface.one-wire-pullup")).isFalse();
    }

    @Test
    void megaWiresGpsCrossedOnAFreeHardwareUartAndTwoSpiDevicesWithTheirOwnChipSelects() {
        Designs.Result r = valid(Designs.board("arduino-mega-2560").with("neo-6m-gps-module")
                .with("microsd-card-module").with("nrf24l01"));
        Part mega = part("arduino-mega-2560");
        String gps = r.byPart("neo-6m-gps-module").ref();
        PartPin rx = host(r, gps + ":TX", mega);
        PartPin tx = host(r, gps + ":RX", mega);
        // the 5 V TX of the Mega reaches the GPS's 3.3 V RX through a divider
        assertThat(r.pinsOn(r.netOf(gps + ":RX"))).noneMatch(p -> p.startsWith("U1:"));
        assertThat(rx.can(PinFunction.UART_RX)).isTrue();
        assertThat(tx.can(PinFunction.UART_TX)).isTrue();
        assertThat(rx.has(PinFlag.RESERVED)).isFalse();
        assertThat(r.plan().nets()).filteredOn(n -> n.name().startsWith("CS_")).hasSize(2);
        assertThat(r.report().fired("interface.spi-cs")).isFalse();
        assertThat(r.report().fired("interface.uart-crossed")).isFalse();
    }

    @Test
    void esp32ReadsAnalogSensorsOnAdc1AndPullsUpTheDht22() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("dht22").with("capacitive-soil-moisture-sensor"));
        Part esp = part("esp32-devkit-v1");
        String soil = r.byPart("capacitive-soil-moisture-sensor").ref();
        PartPin adc = host(r, soil + ":AOUT", esp);
        assertThat(adc.can(PinFunction.ADC)).isTrue();
        assertThat(adc.has(PinFlag.WIFI_CONFLICT)).as("ADC2 fails while Wi-Fi runs").isFalse();
        String dht = r.byPart("dht22").ref();
        String data = r.netOf(dht + ":DATA");
        assertThat(r.ofKind(ComponentKind.RESISTOR)).anySatisfy(x -> {
            assertThat(r.netOf(x.ref() + ":2")).isEqualTo(data);
            assertThat(r.netOf(x.ref() + ":1")).isEqualTo("3V3");
        });
        assertThat(r.netOf(dht + ":VDD")).isEqualTo("3V3");
    }

    @Test
    void unoServoTakesAPwmPinAndThePotentiometerAnAnalogPin() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("sg90").with("potentiometer", 1, PartRole.INPUT));
        Part uno = part("arduino-uno-r3");
        String servo = r.byPart("sg90").ref();
        assertThat(host(r, servo + ":PWM", uno).can(PinFunction.PWM)).isTrue();
        assertThat(r.netOf(servo + ":V+")).isEqualTo("5V");
        String pot = r.byPart("potentiometer").ref();
        assertThat(host(r, pot + ":W", uno).can(PinFunction.ADC)).isTrue();
        assertThat(r.report().fired("interface.pwm-pin")).isFalse();
        assertThat(r.report().fired("interface.adc-pin")).isFalse();
    }

    @Test
    void fourServosMoveToAnExternalFiveVoltSupplyTogether() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("sg90", 4, PartRole.LOAD));
        for (int i = 1; i <= 4; i++) {
            assertThat(r.netOf("M" + i + ":V+")).isEqualTo("5V_EXT");
        }
        assertThat(r.pinsOn("5V_EXT")).anyMatch(p -> p.startsWith(r.byPart("lm2596-buck-module").ref() + ":"));
        assertThat(r.report().of("power.current-budget")).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void esp32C3OledOnItsDefaultI2cPinsAndLedsFromThreeVolts() {
        Designs.Result r = valid(Designs.board("esp32-c3-devkitm-1").with("ssd1306-i2c-oled")
                .with("led-green", 2, PartRole.INDICATOR));
        Part c3 = part("esp32-c3-devkitm-1");
        assertThat(boardPinOn(r, "SDA", c3).defaultFor()).contains(PinFunction.I2C_SDA);
        assertThat(boardPinOn(r, "SCL", c3).defaultFor()).contains(PinFunction.I2C_SCL);
        // (3.3 V − 2.2 V) / 10 mA = 110 Ω → E12 120 Ω
        assertThat(r.ofKind(ComponentKind.RESISTOR)).hasSize(2).allSatisfy(x -> assertThat(ohms(x)).isEqualTo(120.0));
        assertThat(r.report().fired("interface.strapping-pin")).isFalse();
    }

    @Test
    void nodeMcuAvoidsStrappingPinsAndFeedsTheRelayModuleFromVin() {
        Designs.Result r = valid(Designs.board("esp8266-nodemcu").with("dht11").with("relay-module-1ch")
                .with("led-blue", 1, PartRole.INDICATOR));
        assertThat(r.report().fired("interface.strapping-pin")).isFalse();
        assertThat(r.report().fired("interface.flash-pin")).isFalse();
        String relay = r.byPart("relay-module-1ch").ref();
        assertThat(r.netOf(relay + ":VCC")).isEqualTo("5V");
        assertThat(r.pinsOn("5V")).contains("U1:VIN");
        assertThat(r.plan().assignments()).allSatisfy(a -> {
            PartPin p = part("esp8266-nodemcu").pin(a.hostPin().substring(3)).orElseThrow();
            assertThat(p.has(PinFlag.STRAPPING) || p.has(PinFlag.FLASH)).as(a.hostPin()).isFalse();
        });
    }

    @Test
    void picoEncoderOnInterruptPinsAndBuzzerThroughAnNpnWithComputedBaseResistor() {
        Designs.Result r = valid(Designs.board("raspberry-pi-pico").with("ky-040-rotary-encoder")
                .with("buzzer-active", 1, PartRole.LOAD));
        Part pico = part("raspberry-pi-pico");
        String enc = r.byPart("ky-040-rotary-encoder").ref();
        assertThat(host(r, enc + ":CLK", pico).can(PinFunction.INTERRUPT)).isTrue();
        assertThat(host(r, enc + ":DT", pico).can(PinFunction.INTERRUPT)).isTrue();
        DesignPlan.PlannedComponent q = r.ofKind(ComponentKind.BJT).get(0);
        assertThat(q.part()).isEqualTo("2n2222");
        DesignPlan.PlannedComponent rb = r.ofKind(ComponentKind.RESISTOR).stream()
                .filter(x -> r.netOf(x.ref() + ":2").equals(r.netOf(q.ref() + ":B"))).findFirst().orElseThrow();
        // (3.3 V − 0.95 V) / (5 × 25 mA / 100) = 1.88 kΩ → E12 1.8 kΩ
        assertThat(ohms(rb)).isEqualTo(1800.0);
        assertThat(r.report().fired("part.bjt-base-resistor")).isFalse();
        assertThat(r.report().fired("part.gpio-current")).isFalse();
    }

    @Test
    void l298nDrivesTheMotorsAndTheUnoRunsFromTheAdapter() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("l298n-module").with("dc-motor", 2, PartRole.LOAD)
                .supply(Supply.Kind.ADAPTER, 12.0));
        String drv = r.byPart("l298n-module").ref();
        assertThat(r.netOf("M1:+")).isEqualTo(r.netOf(drv + ":OUT1"));
        assertThat(r.netOf("M2:-")).isEqualTo(r.netOf(drv + ":OUT4"));
        assertThat(r.pinsOn("12V")).contains("U1:VIN");
        assertThat(host(r, drv + ":ENA", part("arduino-uno-r3")).can(PinFunction.PWM)).isTrue();
        assertThat(r.ofKind(ComponentKind.MOSFET)).isEmpty();
    }

    @Test
    void uartGpsOnAnUnoUsesSoftwareSerialRatherThanTheUsbPins() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("neo-6m-gps-module"));
        assertThat(r.pinsOn(r.netOf(r.byPart("neo-6m-gps-module").ref() + ":TX"))).doesNotContain("U1:D0");
        assertThat(r.plan().notes()).anyMatch(n -> n.contains("software serial"));
    }

    @Test
    void aPinNamedInThePromptIsUsed() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("led-red", 1, PartRole.INDICATOR, "led")
                .prompt("Blink an LED on pin 13 of an Arduino Uno"));
        DesignPlan.PlannedComponent res = r.ofKind(ComponentKind.RESISTOR).get(0);
        assertThat(r.pinsOn(r.netOf(res.ref() + ":1"))).contains("U1:D13");
        assertThat(r.plan().assignments()).singleElement().satisfies(a ->
                assertThat(a.reason()).contains("asked for"));
    }

    @Test
    void anLm7805AskedForFeedsTheUnosFiveVoltPinFromTheBatteryWithItsCapacitors() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("sg90", 1, PartRole.LOAD)
                .with("battery-9v", 1, PartRole.POWER).with("lm7805", 1, PartRole.POWER)
                .supply(Supply.Kind.BATTERY, 9.0));
        String reg = r.byPart("lm7805").ref();
        assertThat(r.netOf(reg + ":IN")).isEqualTo("VBAT");
        assertThat(r.pinsOn("5V")).contains(reg + ":OUT", "U1:5V", "M1:V+");
        assertThat(r.ofKind(ComponentKind.CAPACITOR)).hasSize(2);
        assertThat(r.report().fired("power.regulator-dropout")).isFalse();
        assertThat(r.report().fired("part.decoupling")).isFalse();
    }

    @Test
    void aUsbLessEsp01GetsItsThreeVoltsFromTheAskedAms1117() {
        Designs.Result r = valid(Designs.board("esp-01").with("ams1117-3-3", 1, PartRole.POWER)
                .with("usb-power", 1, PartRole.POWER).supply(Supply.Kind.USB, 5.0));
        String ldo = r.byPart("ams1117-3-3").ref();
        assertThat(r.netOf(ldo + ":VIN")).isEqualTo("5V");
        assertThat(r.pinsOn("3V3")).contains("U1:VCC");
        assertThat(r.ofKind(ComponentKind.CAPACITOR)).extracting(c -> Value.parse(c.value()).magnitude())
                .containsExactlyInAnyOrder(10e-6, 22e-6);
    }

    @Test
    void aLiPoVoltageIsReadThroughADividerThatKeepsFourPointTwoVoltsBelowTheAdcFullScale() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("lipo-battery-1s", 1, PartRole.POWER)
                .supply(Supply.Kind.LIION_CELL, 3.7).prompt("Monitor a LiPo battery's voltage with the ESP32 ADC"));
        DesignPlan.Computation c = r.plan().computations().stream().filter(x -> x.resultNote().startsWith("ratio"))
                .findFirst().orElseThrow();
        double ratio = 100_000 / (c.chosen() + 100_000);
        assertThat(ratio).isBetween(0.4, 0.78);
        assertThat(4.2 * ratio).isLessThan(3.3);
        assertThat(r.plan().assignments()).anySatisfy(a -> assertThat(part("esp32-devkit-v1")
                .pin(a.hostPin().substring(3)).orElseThrow().can(PinFunction.ADC)).isTrue());
    }

    @Test
    void aVoltmeterForTwentyFiveVoltsScalesItIntoTheUnosAdc() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").recipe(dev.kirchhoff.agents.RecipeKind.VOLTAGE_DIVIDER)
                .value(dev.kirchhoff.agents.Quantity.OUTPUT_VOLTAGE, 25.0));
        // R1 = 10 kΩ × (25 V / 4.75 V − 1) = 42.6 kΩ → E12 47 kΩ: ratio 0.175
        assertThat(r.plan().computations()).singleElement().satisfies(c -> assertThat(c.chosen()).isEqualTo(47_000.0));
        assertThat(r.pinsOn("VIN")).hasSize(1);
    }

    @Test
    void aCutOffWithABoardFiltersAPwmPin() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").value(dev.kirchhoff.agents.Quantity.CUTOFF, 10.0));
        // C = 1 / (2π × 10 kΩ × 10 Hz) = 1.59 µF → E12 1.5 µF: 10.6 Hz
        assertThat(r.ofKind(ComponentKind.CAPACITOR)).singleElement()
                .satisfies(c -> assertThat(Value.parse(c.value()).magnitude()).isEqualTo(1.5e-6));
        assertThat(host(r, r.ofKind(ComponentKind.RESISTOR).get(0).ref() + ":1", part("arduino-uno-r3"))
                .can(PinFunction.PWM)).isTrue();
    }

    @Test
    void servosHangOnThePca9685sChannels() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("pca9685-module")
                .with("mg996r", 3, PartRole.LOAD).supply(Supply.Kind.ADAPTER, 6.0));
        String pca = r.byPart("pca9685-module").ref();
        assertThat(r.netOf("M1:PWM")).isEqualTo(r.netOf(pca + ":PWM0"));
        assertThat(r.netOf("M3:PWM")).isEqualTo(r.netOf(pca + ":PWM2"));
        assertThat(r.pinsOn("6V")).contains("M1:V+", "M2:V+", "M3:V+");
    }

    @Test
    void aParallelLcdRunsInFourBitModeWithThePotentiometerOnItsContrast() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("lcd1602")
                .with("potentiometer", 1, PartRole.INPUT));
        String lcd = r.byPart("lcd1602").ref();
        String pot = r.byPart("potentiometer").ref();
        assertThat(r.netOf(lcd + ":V0")).isEqualTo(r.netOf(pot + ":W"));
        assertThat(r.netOf(lcd + ":RW")).isEqualTo("GND");
        assertThat(r.netOf(lcd + ":D0")).isNull();
        assertThat(r.pinsOn(r.netOf(lcd + ":D4"))).anyMatch(p -> p.startsWith("U1:"));
    }

    @Test
    void ledsOfAShiftRegisterDesignHangOnItsOutputs() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("74hc595")
                .with("led-red", 3, PartRole.INDICATOR));
        String sr = r.byPart("74hc595").ref();
        assertThat(r.ofKind(ComponentKind.RESISTOR)).hasSize(3).allSatisfy(x ->
                assertThat(r.pinsOn(r.netOf(x.ref() + ":1"))).anyMatch(p -> p.startsWith(sr + ":Q")));
        assertThat(r.netOf(sr + ":OE")).isEqualTo("GND");
        assertThat(r.netOf(sr + ":SRCLR")).isEqualTo("5V");
    }

    @Test
    void aLoadCellJoinsTheHx711PinsOfTheSameNames() {
        Designs.Result r = valid(Designs.board("arduino-nano").with("hx711-module").with("load-cell"));
        String hx = r.byPart("hx711-module").ref();
        String cell = r.byPart("load-cell").ref();
        assertThat(r.netOf(cell + ":E+")).isEqualTo(r.netOf(hx + ":E+"));
        assertThat(r.netOf(cell + ":S+")).isEqualTo(r.netOf(hx + ":A+"));
        assertThat(r.netOf(cell + ":S-")).isEqualTo(r.netOf(hx + ":A-"));
    }

    @Test
    void aTip120AskedForDrivesTheSolenoidWithAComputedBaseResistor() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("solenoid-12v", 1, PartRole.LOAD)
                .with("tip120", 1, PartRole.ANALOG).supply(Supply.Kind.ADAPTER, 12.0));
        DesignPlan.PlannedComponent q = r.ofKind(ComponentKind.BJT).get(0);
        assertThat(q.part()).isEqualTo("tip120");
        assertThat(r.netOf(q.ref() + ":C")).isEqualTo(r.netOf(r.byPart("solenoid-12v").ref() + ":-"));
        // (5 V − 2.5 V) / (5 × 650 mA / 1000) = 769 Ω → E12 680 Ω
        assertThat(r.plan().computations()).anySatisfy(c -> assertThat(c.chosen()).isEqualTo(680.0));
    }

    @Test
    void mainsReachesAnHlkPm01ThroughAFuseOnTheLineAndItsFiveVoltsFeedTheBoard() {
        Designs.Result r = valid(Designs.board("esp8266-nodemcu").with("hlk-pm01", 1, PartRole.POWER)
                .with("relay-module-1ch", 1, PartRole.LOAD).supply(Supply.Kind.MAINS, 230.0));
        String psu = r.byPart("hlk-pm01").ref();
        String fuse = r.byPart("fuse").ref();
        assertThat(r.netOf(psu + ":AC1")).isEqualTo(r.netOf(fuse + ":2"));
        assertThat(r.netOf(psu + ":AC2")).isNotEqualTo(r.netOf(psu + ":AC1"));
        assertThat(r.pinsOn("5V")).contains(psu + ":+Vo", "U1:VIN", r.byPart("relay-module-1ch").ref() + ":VCC");
        assertThat(r.netOf(psu + ":-Vo")).isEqualTo("GND");
    }

    @Test
    void aSeparateFiveVoltSupplyFeedsTheServosWhileTheBoardStaysOnUsb() {
        Designs.Result r = valid(Designs.board("arduino-mega-2560").with("sg90", 4, PartRole.LOAD)
                .supply(Supply.Kind.ADAPTER, 5.0));
        for (int i = 1; i <= 4; i++) {
            assertThat(r.netOf("M" + i + ":V+")).isEqualTo("5V_EXT");
            assertThat(host(r, "M" + i + ":PWM", part("arduino-mega-2560")).can(PinFunction.PWM)).isTrue();
        }
        assertThat(r.pinsOn("5V_EXT")).noneMatch(p -> p.startsWith("U1:"));
        assertThat(r.report().fired("power.current-budget")).isFalse();
    }

    @Test
    void anLedStripTakesTheSeparateFiveVoltSupply() {
        Designs.Result r = valid(Designs.board("esp32-c3-devkitm-1").with("ws2812b-strip", 1, PartRole.LOAD)
                .supply(Supply.Kind.ADAPTER, 5.0));
        String strip = r.byPart("ws2812b-strip").ref();
        assertThat(r.netOf(strip + ":5V")).isEqualTo("5V_EXT");
        assertThat(r.pinsOn("GND")).anyMatch(p -> p.startsWith("V1:"));
        assertThat(host(r, strip + ":DIN", part("esp32-c3-devkitm-1")).has(PinFlag.STRAPPING)).isFalse();
    }

    @Test
    void aSpeakerHangsOnThePlayerModulesSpeakerOutputs() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("dfplayer-mini")
                .with("speaker-8-ohm", 1, PartRole.LOAD));
        String player = r.byPart("dfplayer-mini").ref();
        String spk = r.byPart("speaker-8-ohm").ref();
        assertThat(r.pinsOn(r.netOf(spk + ":+"))).contains(player + ":SPK_1");
        assertThat(r.pinsOn(r.netOf(spk + ":-"))).contains(player + ":SPK_2");
        assertThat(r.ofKind(ComponentKind.BJT)).isEmpty();
    }

    @Test
    void repairMovesAnLedOffAPinTheValidatorFlagged() {
        Designs d = Designs.board("esp32-devkit-v1").with("led-red", 1, PartRole.INDICATOR);
        Designs.Result first = valid(d);
        String host = first.plan().assignments().get(0).hostPin();
        Finding f = Finding.warning("interface.strapping-pin", "pretend " + host + " is a boot pin").withPins(host);
        Designs.Result again = d.design(new Feedback(1, first.plan(), List.of(f)));
        assertThat(again.report().passed()).isTrue();
        assertThat(again.plan().assignments().get(0).hostPin()).isNotEqualTo(host);
        assertThat(again.plan().notes()).anyMatch(n -> n.startsWith("repair round 1: interface.strapping-pin"));
    }

    @Test
    void repairAddsPullUpsWhenTheValidatorSaysTheBusHasNone() {
        Designs d = Designs.board("esp32-devkit-v1").with("bme280-module");
        Finding f = Finding.error("interface.i2c-pullup-missing", "SDA has no pull-up").withNets("SDA");
        Designs.Result r = d.design(new Feedback(1, d.design().plan(), List.of(f)));
        assertThat(r.report().passed()).isTrue();
        assertThat(r.ofKind(ComponentKind.RESISTOR)).hasSize(2)
                .allSatisfy(x -> assertThat(r.netOf(x.ref() + ":1")).isEqualTo("3V3"));
    }

    @Test
    void aBoardOutOfPinsIsRefusedWithSuggestions() {
        assertThatThrownBy(() -> Designs.board("arduino-nano").with("led-red", 30, PartRole.INDICATOR).design())
                .isInstanceOf(DesignException.class)
                .satisfies(e -> {
                    assertThat(((DesignException) e).reason()).isEqualTo(DesignException.Reason.REFUSED);
                    assertThat(((DesignException) e).suggestions()).isNotEmpty();
                });
    }

    @Test
    void theSameRequestGivesTheSamePlan() {
        Designs d = Designs.board("esp32-devkit-v1").with("bme280-module").with("hc-sr04").with("led-red", 2,
                PartRole.INDICATOR).with("fan-12v", 1, PartRole.LOAD);
        assertThat(d.design().plan()).isEqualTo(d.design().plan());
    }
}
