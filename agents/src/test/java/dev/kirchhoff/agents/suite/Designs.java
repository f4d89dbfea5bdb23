package dev.kirchhoff.agents.suite;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.DesignTrace;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.Validator;

import java.util.List;

/** Small real designs, built as plans, synthesised and validated the way the pipeline does, for expectation tests. */
final class Designs {

    static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final Validator VALIDATOR = Validator.bundled();

    private Designs() {
    }

    /** A design result for a plan: synthesised with the knowledge base and validated by the bundled validator. */
    static DesignResult result(DesignPlan plan) {
        Circuit circuit = new PlanSynthesizer(KB).synthesize(plan);
        Requirements req = new Requirements(plan.title(), List.of(), null, List.of(), null, null, List.of(), List.of());
        return new DesignResult(req, new Pinouts(List.of()), plan, circuit, VALIDATOR.validate(circuit, plan.title()), 0,
                new DesignTrace());
    }

    static CircuitView view(DesignPlan plan) {
        return new CircuitView(result(plan), KB);
    }

    /** Uno with a BME280: SDA and SCL on the pins given, VIN on 5V. */
    static DesignPlan unoBme280(String sdaPin, String sclPin) {
        return DesignPlan.builder("uno bme280")
                .part("uno", "arduino-uno-r3", "board")
                .part("U1", "bme280-module", "sensor")
                .connect("+5V", "uno:5V", "U1:VIN")
                .connect("GND", "uno:GND", "U1:GND")
                .connect("SDA", "uno:" + sdaPin, "U1:SDA")
                .connect("SCL", "uno:" + sclPin, "U1:SCL")
                .build();
    }

    /** ESP32 DevKit with a BME280 on the given GPIOs, VIN on 3V3. */
    static DesignPlan esp32Bme280(String sdaPin, String sclPin) {
        return DesignPlan.builder("esp32 bme280")
                .part("esp", "esp32-devkit-v1", "board")
                .part("U1", "bme280-module", "sensor")
                .connect("3V3", "esp:3V3", "U1:VIN")
                .connect("GND", "esp:GND", "U1:GND")
                .connect("SDA", "esp:" + sdaPin, "U1:SDA")
                .connect("SCL", "esp:" + sclPin, "U1:SCL")
                .build();
    }

    /** Uno D13 → R1 → red LED → GND. */
    static DesignPlan unoLed(String ohms) {
        return DesignPlan.builder("uno led")
                .part("uno", "arduino-uno-r3", "board")
                .component("R1", ComponentKind.RESISTOR, null, ohms, "limits the LED current")
                .component("D1", ComponentKind.LED, "led-red", null, "indicator")
                .connect("LED_DRIVE", "uno:D13", "R1:1")
                .connect("LED_A", "R1:2", "D1:A")
                .connect("GND", "D1:K", "uno:GND")
                .build();
    }

    /** Uno D13 straight into a red LED's anode, cathode to GND: no series resistor. */
    static DesignPlan unoLedWithoutResistor() {
        return DesignPlan.builder("uno bare led")
                .part("uno", "arduino-uno-r3", "board")
                .component("D1", ComponentKind.LED, "led-red", null, "indicator")
                .connect("LED", "uno:D13", "D1:A")
                .connect("GND", "D1:K", "uno:GND")
                .build();
    }

    /** LM358 non-inverting stage on 5 V: Rf from 1OUT to 1IN−, Rg from 1IN− to ground. */
    static DesignPlan nonInverting(String rf, String rg) {
        return DesignPlan.builder("non-inverting")
                .part("U1", "lm358", "op-amp")
                .component("V1", ComponentKind.VOLTAGE_SOURCE, null, "DC 5", "supply")
                .component("V2", ComponentKind.VOLTAGE_SOURCE, null, "DC 0.1", "input")
                .component("R1", ComponentKind.RESISTOR, null, rf, "feedback")
                .component("R2", ComponentKind.RESISTOR, null, rg, "to ground")
                .component("C1", ComponentKind.CAPACITOR, null, "100n", "decoupling")
                .connect("VCC", "V1:+", "U1:VCC", "C1:1")
                .connect("0", "V1:-", "V2:-", "U1:GND", "R2:2", "C1:2")
                .connect("IN", "V2:+", "U1:1IN+")
                .connect("OUT", "U1:1OUT", "R1:1")
                .connect("FB", "R1:2", "R2:1", "U1:1IN-")
                .build();
    }

    /** TL072 inverting stage: Rin from IN to 1IN−, Rf from 1OUT to 1IN−, 1IN+ to ground, ±12 V. */
    static DesignPlan inverting(String rf, String rin) {
        return DesignPlan.builder("inverting")
                .part("U1", "tl072", "op-amp")
                .component("V1", ComponentKind.VOLTAGE_SOURCE, null, "DC 12", "positive supply")
                .component("V2", ComponentKind.VOLTAGE_SOURCE, null, "DC 12", "negative supply")
                .component("V3", ComponentKind.VOLTAGE_SOURCE, null, "DC 0.1", "input")
                .component("R1", ComponentKind.RESISTOR, null, rf, "feedback")
                .component("R2", ComponentKind.RESISTOR, null, rin, "input")
                .connect("VP", "V1:+", "U1:VCC+")
                .connect("VN", "V2:-", "U1:VCC-")
                .connect("0", "V1:-", "V2:+", "V3:-", "U1:1IN+")
                .connect("IN", "V3:+", "R2:1")
                .connect("SUM", "R2:2", "R1:2", "U1:1IN-")
                .connect("OUT", "U1:1OUT", "R1:1")
                .build();
    }

    /** NE555 astable on 5 V: R1 VCC–DISCH, R2 DISCH–THRES, C THRES–GND, RESET on VCC. */
    static DesignPlan astable(String r1, String r2, String c) {
        return DesignPlan.builder("555 astable")
                .part("U1", "ne555", "timer")
                .component("V1", ComponentKind.VOLTAGE_SOURCE, null, "DC 5", "supply")
                .component("R1", ComponentKind.RESISTOR, null, r1, "R1")
                .component("R2", ComponentKind.RESISTOR, null, r2, "R2")
                .component("C1", ComponentKind.CAPACITOR, null, c, "timing")
                .component("C2", ComponentKind.CAPACITOR, null, "10n", "control")
                .connect("VCC", "V1:+", "U1:VCC", "U1:RESET", "R1:1")
                .connect("0", "V1:-", "U1:GND", "C1:2", "C2:2")
                .connect("DIS", "R1:2", "R2:1", "U1:DISCH")
                .connect("TH", "R2:2", "C1:1", "U1:THRES", "U1:TRIG")
                .connect("CV", "U1:CONT", "C2:1")
                .build();
    }

    /** NE555 monostable on 5 V: R VCC–THRES/DISCH, C THRES–GND, TRIG from a button with a pull-up. */
    static DesignPlan monostable(String r, String c) {
        return DesignPlan.builder("555 monostable")
                .part("U1", "ne555", "timer")
                .component("V1", ComponentKind.VOLTAGE_SOURCE, null, "DC 5", "supply")
                .component("R1", ComponentKind.RESISTOR, null, r, "timing")
                .component("R2", ComponentKind.RESISTOR, null, "10k", "trigger pull-up")
                .component("C1", ComponentKind.CAPACITOR, null, c, "timing")
                .connect("VCC", "V1:+", "U1:VCC", "U1:RESET", "R1:1", "R2:1")
                .connect("0", "V1:-", "U1:GND", "C1:2")
                .connect("TH", "R1:2", "C1:1", "U1:THRES", "U1:DISCH")
                .connect("TRG", "R2:2", "U1:TRIG")
                .build();
    }

    /** A divider from a 12 V source: Rtop to the tap, Rbottom to ground. */
    static DesignPlan divider(String top, String bottom) {
        return DesignPlan.builder("divider")
                .component("V1", ComponentKind.VOLTAGE_SOURCE, null, "DC 12", "supply")
                .component("R1", ComponentKind.RESISTOR, null, top, "top")
                .component("R2", ComponentKind.RESISTOR, null, bottom, "bottom")
                .connect("VIN", "V1:+", "R1:1")
                .connect("TAP", "R1:2", "R2:1")
                .connect("0", "V1:-", "R2:2")
                .build();
    }

    /** An RC low-pass: R from IN to OUT, C from OUT to ground, driven by a source. */
    static DesignPlan lowPass(String r, String c) {
        return DesignPlan.builder("rc low-pass")
                .component("V1", ComponentKind.VOLTAGE_SOURCE, null, "DC 1", "input")
                .component("R1", ComponentKind.RESISTOR, null, r, "series")
                .component("C1", ComponentKind.CAPACITOR, null, c, "shunt")
                .connect("IN", "V1:+", "R1:1")
                .connect("OUT", "R1:2", "C1:1")
                .connect("0", "V1:-", "C1:2")
                .build();
    }

    /** An RC high-pass: C from IN to OUT, R from OUT to ground. */
    static DesignPlan highPass(String r, String c) {
        return DesignPlan.builder("rc high-pass")
                .component("V1", ComponentKind.VOLTAGE_SOURCE, null, "DC 1", "input")
                .component("C1", ComponentKind.CAPACITOR, null, c, "series")
                .component("R1", ComponentKind.RESISTOR, null, r, "shunt")
                .connect("IN", "V1:+", "C1:1")
                .connect("OUT", "C1:2", "R1:1")
                .connect("0", "V1:-", "R1:2")
                .build();
    }

    /** LM317 from a 12 V adapter: R1 OUT–ADJ, R2 ADJ–GND, input and output capacitors. */
    static DesignPlan lm317(String r1, String r2) {
        return DesignPlan.builder("lm317")
                .part("J1", "dc-power-adapter-12v", "input")
                .part("U1", "lm317", "regulator")
                .component("R1", ComponentKind.RESISTOR, null, r1, "R1")
                .component("R2", ComponentKind.RESISTOR, null, r2, "R2")
                .component("C1", ComponentKind.CAPACITOR, null, "100n", "input")
                .component("C2", ComponentKind.CAPACITOR, null, "1u", "output")
                .connect("VIN", "J1:+", "U1:IN", "C1:1")
                .connect("VOUT", "U1:OUT", "R1:1", "C2:1")
                .connect("ADJ", "R1:2", "R2:1", "U1:ADJ")
                .connect("GND", "J1:-", "R2:2", "C1:2", "C2:2")
                .build();
    }

    /** A 12 V fan switched low-side by an IRLZ44N from ESP32 D25, with a flyback diode across the fan. */
    static DesignPlan fan(boolean diode) {
        DesignPlan.Builder b = DesignPlan.builder("fan")
                .part("esp", "esp32-devkit-v1", "board")
                .part("J1", "dc-power-adapter-12v", "fan supply")
                .part("M1", "fan-12v", "fan")
                .component("Q1", ComponentKind.MOSFET, "irlz44n", null, "low-side switch")
                .component("R1", ComponentKind.RESISTOR, null, "100", "gate resistor")
                .component("R2", ComponentKind.RESISTOR, null, "100k", "gate pull-down")
                .connect("V12", "J1:+", "M1:+")
                .connect("GATE_DRIVE", "esp:D25", "R1:1")
                .connect("GATE", "R1:2", "Q1:G", "R2:1")
                .connect("FAN_LOW", "M1:-", "Q1:D")
                .connect("GND", "J1:-", "Q1:S", "Q1:B", "R2:2", "esp:GND");
        if (diode) {
            b.component("D1", ComponentKind.DIODE, "1n4007", null, "flyback")
                    .connect("V12", "D1:K")
                    .connect("FAN_LOW", "D1:A");
        }
        return b.build();
    }
}
