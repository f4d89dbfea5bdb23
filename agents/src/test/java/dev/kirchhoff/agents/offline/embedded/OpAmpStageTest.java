package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.units.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OpAmpStageTest {

    private static Designs.Result valid(Designs d) {
        Designs.Result r = d.design();
        assertThat(r.report().passed()).as(r.dump()).isTrue();
        return r;
    }

    private static String ref(Designs.Result r, String part) {
        return r.byPart(part).ref();
    }

    private static double ohms(Designs.Result r, String ref) {
        DesignPlan.PlannedComponent c = r.plan().components().stream().filter(x -> x.ref().equals(ref)).findFirst()
                .orElseThrow();
        return Value.parse(c.value()).magnitude();
    }

    /** The resistor between two nets, by reference. */
    private static String resistorBetween(Designs.Result r, String netA, String netB) {
        List<String> a = r.pinsOn(netA);
        List<String> b = r.pinsOn(netB);
        return r.ofKind(ComponentKind.RESISTOR).stream().map(DesignPlan.PlannedComponent::ref)
                .filter(x -> a.contains(x + ":1") && b.contains(x + ":2") || a.contains(x + ":2") && b.contains(x + ":1"))
                .findFirst().orElseThrow(() -> new AssertionError("no resistor between " + netA + " and " + netB
                        + "\n" + r.dump()));
    }

    private static PartPin boardPin(Designs.Result r, String net, Part board) {
        return r.pinsOn(net).stream().filter(p -> p.startsWith(Session.BOARD + ":"))
                .map(p -> board.pin(p.substring(3)).orElseThrow()).findFirst()
                .orElseThrow(() -> new AssertionError("no board pin on " + net + "\n" + r.dump()));
    }

    @Test
    void temperatureSensorIsAmplifiedByFourIntoAnUnoAnalogInput() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("lm35").with("lm358", 1, PartRole.ANALOG)
                .value(Quantity.GAIN, 4));
        String amp = ref(r, "lm358");
        String sensor = ref(r, "lm35");
        // the sensor's output goes into the non-inverting input, not to the board
        assertThat(r.netOf(sensor + ":VOUT")).isEqualTo(r.netOf(amp + ":1IN+"));
        assertThat(r.pinsOn(r.netOf(sensor + ":VOUT"))).noneMatch(p -> p.startsWith("U1:"));
        // output on an ADC pin; gain 1 + Rf/Rg = 4
        String out = r.netOf(amp + ":1OUT");
        Part uno = Designs.KB.part("arduino-uno-r3").orElseThrow();
        assertThat(boardPin(r, out, uno).can(PinFunction.ADC)).isTrue();
        String fb = r.netOf(amp + ":1IN-");
        double rf = ohms(r, resistorBetween(r, out, fb));
        double rg = ohms(r, resistorBetween(r, fb, "GND"));
        assertThat(1 + rf / rg).isCloseTo(4.0, within(0.2));
        // single supply from the board's 5 V, second unit a grounded follower
        assertThat(r.netOf(amp + ":VCC")).isEqualTo("5V");
        assertThat(r.netOf(amp + ":GND")).isEqualTo("GND");
        assertThat(r.netOf(amp + ":2IN+")).isEqualTo("GND");
        assertThat(r.netOf(amp + ":2OUT")).isEqualTo(r.netOf(amp + ":2IN-")).isNotEqualTo("GND");
        // a 100 nF ceramic across the op-amp's supply
        assertThat(r.ofKind(ComponentKind.CAPACITOR)).anyMatch(c -> "100n".equals(c.value())
                && r.pinsOn("5V").contains(c.ref() + ":1") && r.pinsOn("GND").contains(c.ref() + ":2"));
        // the LM358 output stops 1.5 V below its supply: 3.5 V on 5 V, inside the 0–5 V ADC range
        assertThat(r.plan().computations()).anySatisfy(c -> {
            assertThat(c.quantity()).isEqualTo("output swing");
            assertThat(c.chosen()).isCloseTo(3.5, within(0.01));
        });
        assertThat(r.plan().computations()).anyMatch(c -> c.resultNote().startsWith("gain 4"));
    }

    @Test
    void onAThreeVoltBoardTheStageRunsFromThreeVoltsAndAvoidsWifiAdcPins() {
        Designs.Result r = valid(Designs.board("esp32-devkit-v1").with("lm35").with("lm358", 1, PartRole.ANALOG)
                .value(Quantity.GAIN, 3));
        String amp = ref(r, "lm358");
        Part esp = Designs.KB.part("esp32-devkit-v1").orElseThrow();
        assertThat(r.netOf(amp + ":VCC")).isEqualTo("3V3");
        PartPin adc = boardPin(r, r.netOf(amp + ":1OUT"), esp);
        assertThat(adc.can(PinFunction.ADC)).isTrue();
        assertThat(adc.has(PinFlag.WIFI_CONFLICT)).isFalse();
        // 3.3 V − 1.5 V = 1.8 V at most: the output can never exceed the ADC's 3.3 V
        assertThat(r.plan().computations()).anySatisfy(c -> {
            assertThat(c.quantity()).isEqualTo("output swing");
            assertThat(c.chosen()).isCloseTo(1.8, within(0.01));
        });
    }

    @Test
    void anUnnamedSensorGetsAGroundedInputResistorWhereItConnects() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("lm358", 1, PartRole.ANALOG)
                .value(Quantity.GAIN, 50));
        String amp = ref(r, "lm358");
        String in = r.netOf(amp + ":1IN+");
        assertThat(in).isNotEqualTo("GND");
        assertThat(ohms(r, resistorBetween(r, in, "GND"))).isEqualTo(100_000);
        String out = r.netOf(amp + ":1OUT");
        String fb = r.netOf(amp + ":1IN-");
        double gain = 1 + ohms(r, resistorBetween(r, out, fb)) / ohms(r, resistorBetween(r, fb, "GND"));
        assertThat(gain).isCloseTo(50, within(2.5));
        assertThat(r.report().fired("interface.adc-pin")).isFalse();
    }

    @Test
    void withoutAGainTheOpAmpIsNotTurnedIntoAStage() {
        Designs.Result r = Designs.board("arduino-uno-r3").with("lm35").with("lm358", 1, PartRole.ANALOG).design();
        assertThat(r.plan().computations()).noneMatch(c -> c.quantity().equals("output swing"));
    }

    @Test
    void anOpAmpWhoseInputsCannotReachGroundIsFlaggedOnASingleSupply() {
        Designs.Result r = Designs.board("arduino-uno-r3").with("lm35").with("tl072", 1, PartRole.ANALOG)
                .value(Quantity.GAIN, 2).design();
        // TL072: inputs need about 4 V above V- (TI SLOS080), so a 0-1.5 V sensor signal on 5 V is out of range
        assertThat(r.plan().notes()).anyMatch(n -> n.contains("above its negative supply"));
        assertThat(r.netOf(r.byPart("tl072").ref() + ":VCC-")).isEqualTo("GND");
    }
}
