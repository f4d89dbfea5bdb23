package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.Severity;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Stepper motors get the driver module their data names, and their coil wires run through its outputs. */
class SteppersTest {

    private static void noErrors(Designs.Result r) {
        assertThat(r.report().findings()).as(r.dump()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(r.report().fired("part.load-unconnected")).as(r.dump()).isFalse();
    }

    private static long count(Designs.Result r, String part) {
        return r.plan().components().stream().filter(c -> part.equals(c.part())).count();
    }

    @Test
    void a28byj48OnAnEsp32GetsAUln2003WithItsCoilsOnTheOutputsAndItsInputsOnFourSafeGpios() {
        Designs.Result r = Designs.board("esp32-devkit-v1").with("28byj-48").design();
        noErrors(r);
        String m = r.byPart("28byj-48").ref();
        String u = r.byPart("uln2003-module").ref();
        assertThat(count(r, "uln2003-module")).isEqualTo(1);
        // the coil wires in the datasheet's lead order on OUT1-OUT4, each alone with its output
        assertThat(r.pinsOn(r.netOf(m + ":BLUE"))).containsExactlyInAnyOrder(u + ":OUT1", m + ":BLUE");
        assertThat(r.pinsOn(r.netOf(m + ":PINK"))).containsExactlyInAnyOrder(u + ":OUT2", m + ":PINK");
        assertThat(r.pinsOn(r.netOf(m + ":YELLOW"))).containsExactlyInAnyOrder(u + ":OUT3", m + ":YELLOW");
        assertThat(r.pinsOn(r.netOf(m + ":ORANGE"))).containsExactlyInAnyOrder(u + ":OUT4", m + ":ORANGE");
        // the common and the driver's supply share the 5 V motor rail; the grounds are joined
        assertThat(r.netOf(m + ":RED")).isEqualTo(r.netOf(u + ":VCC")).contains("5V");
        assertThat(r.netOf(u + ":GND")).isEqualTo("GND");
        Set<String> gpios = new HashSet<>();
        for (String in : List.of("IN1", "IN2", "IN3", "IN4")) {
            List<String> board = r.pinsOn(r.netOf(u + ":" + in)).stream().filter(p -> p.startsWith("U1:")).toList();
            assertThat(board).as(in).hasSize(1);
            String pin = board.get(0).substring(3);
            var bp = Designs.KB.part("esp32-devkit-v1").orElseThrow().pin(pin).orElseThrow();
            assertThat(bp.has(PinFlag.STRAPPING) || bp.has(PinFlag.INPUT_ONLY) || bp.has(PinFlag.FLASH))
                    .as(in + " on " + pin).isFalse();
            gpios.add(pin);
        }
        assertThat(gpios).hasSize(4);
        assertThat(r.plan().notes()).anyMatch(n -> n.contains("uln2003-module was added"));
    }

    @Test
    void aNema17OnAnUnoGetsAnA4988OnA12VoltSupplyWithA100MicrofaradBulkCapacitor() {
        Designs.Result r = Designs.board("arduino-uno-r3").with("nema17-stepper").design();
        noErrors(r);
        String m = r.byPart("nema17-stepper").ref();
        String u = r.byPart("a4988-module").ref();
        String vmot = r.netOf(u + ":VMOT");
        assertThat(vmot).startsWith("12V");
        assertThat(r.plan().rails()).anyMatch(x -> x.net().equals(vmot) && Math.abs(x.volts() - 12.0) < 1e-9);
        // the bulk capacitor sits across VMOT and GND
        DesignPlan.PlannedComponent cap = r.ofKind(ComponentKind.CAPACITOR).stream()
                .filter(c -> r.netOf(c.ref() + ":1") != null && r.netOf(c.ref() + ":1").equals(vmot)).findFirst()
                .orElseThrow(() -> new AssertionError(r.dump()));
        assertThat(cap.value()).isEqualTo("100u");
        assertThat(r.netOf(cap.ref() + ":2")).isEqualTo("GND");
        // windings stay on one output pair each: A+/A- on 1A/1B, B+/B- on 2A/2B
        assertThat(r.pinsOn(r.netOf(m + ":A+"))).contains(u + ":1A");
        assertThat(r.pinsOn(r.netOf(m + ":A-"))).contains(u + ":1B");
        assertThat(r.pinsOn(r.netOf(m + ":B+"))).contains(u + ":2A");
        assertThat(r.pinsOn(r.netOf(m + ":B-"))).contains(u + ":2B");
        // STEP and DIR on board pins; ENABLE low; RESET and SLEEP high on the logic supply VDD sits on
        assertThat(r.pinsOn(r.netOf(u + ":STEP"))).anyMatch(p -> p.startsWith("U1:"));
        assertThat(r.pinsOn(r.netOf(u + ":DIR"))).anyMatch(p -> p.startsWith("U1:"));
        assertThat(r.netOf(u + ":ENABLE")).isEqualTo("GND");
        assertThat(r.netOf(u + ":RESET")).isEqualTo(r.netOf(u + ":VDD")).isEqualTo(r.netOf(u + ":SLEEP"));
        assertThat(r.netOf(u + ":VDD")).startsWith("5V");
        assertThat(r.netOf(u + ":GND")).isEqualTo("GND");
    }

    @Test
    void aDriverThePromptNamedIsUsedNotDuplicated() {
        Designs.Result r = Designs.board("arduino-uno-r3").with("28byj-48").with("uln2003-module").design();
        noErrors(r);
        assertThat(count(r, "uln2003-module")).isEqualTo(1);
        String m = r.byPart("28byj-48").ref();
        String u = r.byPart("uln2003-module").ref();
        assertThat(r.pinsOn(r.netOf(m + ":BLUE"))).contains(u + ":OUT1");
        assertThat(r.pinsOn(r.netOf(m + ":ORANGE"))).contains(u + ":OUT4");

        Designs.Result n = Designs.board("esp32-devkit-v1").with("nema17-stepper").with("drv8825-module").design();
        noErrors(n);
        assertThat(count(n, "drv8825-module")).isEqualTo(1);
        assertThat(count(n, "a4988-module")).isZero();
        String dm = n.byPart("nema17-stepper").ref();
        String du = n.byPart("drv8825-module").ref();
        assertThat(n.pinsOn(n.netOf(dm + ":A+"))).contains(du + ":A1");
        assertThat(n.pinsOn(n.netOf(dm + ":A-"))).contains(du + ":A2");
        assertThat(n.netOf(du + ":VMOT")).isEqualTo("12V");
    }

    @Test
    void aStepperOnA3V3BoardGetsTheDriverWhoseInputsA3V3PinDrives() {
        Designs.Result r = Designs.board("raspberry-pi-pico").with("nema17-stepper").design();
        noErrors(r);
        // the A4988 wants 3.5 V for a high at its 5 V logic level; the DRV8825 reads 2.2 V
        assertThat(count(r, "a4988-module")).isZero();
        String u = r.byPart("drv8825-module").ref();
        assertThat(r.report().fired("power.logic-level")).as(r.dump()).isFalse();
        assertThat(r.netOf(u + ":RST")).isEqualTo("3V3");
        assertThat(r.netOf(u + ":SLP")).isEqualTo("3V3");
        assertThat(r.netOf(u + ":EN")).isEqualTo("GND");
        assertThat(r.netOf(u + ":VMOT")).startsWith("12V");
    }

    /** Uno + NEMA 17 + the DRV8825 the prompt names: the brief's design. */
    private static Designs.Result unoDrv8825(String prompt) {
        return Designs.board("arduino-uno-r3").with("nema17-stepper").with("drv8825-module").prompt(prompt).design();
    }

    @Test
    void aDrv8825ThePromptNamesOnAnUnoRunsRstAndSlpHighTogetherWithTheBulkCapacitorItsVmotAsksFor() {
        Designs.Result r = unoDrv8825("Arduino Uno driving a NEMA17 stepper with a DRV8825");
        noErrors(r);
        assertThat(count(r, "drv8825-module")).isEqualTo(1);
        assertThat(count(r, "a4988-module")).isZero();
        String u = r.byPart("drv8825-module").ref();
        // RST and SLP on one net, held high by the Uno's 5 V logic rail (both are pulled down inside the chip)
        String rst = r.netOf(u + ":RST");
        assertThat(rst).as(r.dump()).isNotNull().isEqualTo(r.netOf(u + ":SLP")).isEqualTo("5V");
        assertThat(r.plan().rails()).anyMatch(x -> x.net().equals(rst) && Math.abs(x.volts() - 5.0) < 1e-9);
        // EN low (enabled; it reads low open too), STEP and DIR on board pins
        assertThat(r.netOf(u + ":EN")).isEqualTo("GND");
        assertThat(r.pinsOn(r.netOf(u + ":STEP"))).anyMatch(p -> p.startsWith("U1:"));
        assertThat(r.pinsOn(r.netOf(u + ":DIR"))).anyMatch(p -> p.startsWith("U1:"));
        // the 100 µF electrolytic across VMOT and GND that VMOT's note asks for, rated above the 12 V supply
        String vmot = r.netOf(u + ":VMOT");
        assertThat(vmot).startsWith("12V");
        DesignPlan.PlannedComponent cap = r.ofKind(ComponentKind.CAPACITOR).stream()
                .filter(c -> vmot.equals(r.netOf(c.ref() + ":1"))).findFirst()
                .orElseThrow(() -> new AssertionError(r.dump()));
        assertThat(cap.part()).isEqualTo("capacitor-electrolytic");
        assertThat(cap.value()).isEqualTo("100u");
        assertThat(cap.purpose()).contains("rated 25 V");
        assertThat(r.netOf(cap.ref() + ":2")).isEqualTo("GND");
        // the reasons cite the pin data
        assertThat(r.plan().rationale().toString()).contains("tie to SLEEP and to logic high")
                .contains("100 uF electrolytic close to the pins");
        assertThat(r.report().fired("part.required-input-open")).as(r.dump()).isFalse();
    }

    @Test
    void aPromptThatAsksToSleepTheDriverPutsSlpOnABoardPinWithRstOnTheSameNet() {
        Designs.Result r = unoDrv8825("Arduino Uno driving a NEMA17 stepper with a DRV8825; sleep the driver "
                + "between moves");
        noErrors(r);
        String u = r.byPart("drv8825-module").ref();
        String net = r.netOf(u + ":SLP");
        assertThat(net).as(r.dump()).isEqualTo(r.netOf(u + ":RST"));
        assertThat(r.pinsOn(net)).anyMatch(p -> p.startsWith("U1:"));
    }

    @Test
    void theRuleFiresOnTheOldWiringWithRstOpenAndNotOnTheDesignersWiring() {
        Designs.Result r = unoDrv8825("Arduino Uno driving a NEMA17 stepper with a DRV8825");
        String u = r.byPart("drv8825-module").ref();
        assertThat(r.report().of("part.required-input-open")).isEmpty();
        // the old designer left RST on no net
        dev.kirchhoff.schematic.model.Circuit old = r.circuit();
        boolean removed = false;
        for (dev.kirchhoff.schematic.model.Net n : old.nets()) {
            java.util.Set<dev.kirchhoff.schematic.model.PinRef> pins = new HashSet<>(n.pins());
            // the pin as the circuit addresses it: by name (RST) or by number (13)
            if (pins.removeIf(p -> p.ref().equals(u) && (p.pin().equals("RST") || p.pin().equals("13")))) {
                old = old.withNet(new dev.kirchhoff.schematic.model.Net(n.name(), pins));
                removed = true;
            }
        }
        assertThat(removed).as(r.circuit().nets().toString()).isTrue();
        var report = Designs.VALIDATOR.validate(old, "RST open");
        assertThat(report.of("part.required-input-open")).as(report.text()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).singleElement().satisfies(p -> assertThat(p).isIn(u + ":RST", u + ":13"));
            assertThat(f.message()).contains("RST");
        });
    }
}
