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
}
