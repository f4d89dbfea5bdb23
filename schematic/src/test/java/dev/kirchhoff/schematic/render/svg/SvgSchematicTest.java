package dev.kirchhoff.schematic.render.svg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvgSchematicTest {

    private static Terminal terminal(Layout layout, String id) {
        return layout.terminals().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no terminal " + id));
    }

    private static PlacedSymbol symbol(Layout layout, String ref) {
        return layout.symbols().stream().filter(s -> s.ref().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void esp32BoardHasPowerOnTopGroundBelowAndI2cModulesBeside() {
        Circuit c = SvgFixtures.esp32Weather();
        Layout layout = LayoutChecks.checkAll(c, null);
        LayoutChecks.sample("esp32-weather", SvgSchematic.write(layout));

        assertThat(symbol(layout, "esp").symbol()).isEqualTo(Symbol.BOX);
        assertThat(terminal(layout, "esp:16").facing()).as("3V3 on top").isEqualTo(Facing.UP);
        assertThat(terminal(layout, "esp:15").facing()).as("VIN on top").isEqualTo(Facing.UP);
        assertThat(terminal(layout, "esp:14").facing()).as("GND at the bottom").isEqualTo(Facing.DOWN);
        assertThat(terminal(layout, "esp:17").facing()).isEqualTo(Facing.DOWN);
        assertThat(terminal(layout, "esp:4").facing()).as("input-only D34 on the left").isEqualTo(Facing.LEFT);
        assertThat(terminal(layout, "bme:3").facing()).as("SCL is an input of the BME280").isEqualTo(Facing.LEFT);
        assertThat(terminal(layout, "bme:1").facing()).isEqualTo(Facing.UP);

        assertThat(terminal(layout, "esp:14").attachment()).isEqualTo(Attachment.GROUND);
        assertThat(terminal(layout, "D1:1").attachment()).as("LED cathode to ground").isEqualTo(Attachment.GROUND);
        assertThat(terminal(layout, "bme:1").attachment()).isEqualTo(Attachment.SUPPLY);
        assertThat(layout.texts()).anyMatch(t -> t.role() == Text.Role.NET && t.text().equals("3V3")
                && t.owner().equals("bme:1"));
        assertThat(layout.texts()).anyMatch(t -> t.role() == Text.Role.TITLE && t.text().startsWith("ESP32 weather"));
        // pins are labelled with name and number
        assertThat(layout.texts()).anyMatch(t -> t.owner().equals("esp") && t.role() == Text.Role.PIN_NAME
                && t.text().equals("D21"));
        assertThat(layout.texts()).anyMatch(t -> t.owner().equals("esp") && t.role() == Text.Role.PIN_NUMBER
                && t.text().equals("26"));
        // the LED chain is short and wired: D4 -> R1 -> D1 anode
        assertThat(terminal(layout, "R1:1").attachment()).isEqualTo(Attachment.WIRE);
        assertThat(terminal(layout, "D1:2").attachment()).isEqualTo(Attachment.WIRE);
        assertThat(symbol(layout, "D1").symbol()).isEqualTo(Symbol.LED);
    }

    @Test
    void ledWithResistorIsFullyWiredBetweenSupplyAndGround() {
        Circuit c = SvgFixtures.ledWithResistor();
        Layout layout = LayoutChecks.checkAll(c, null);
        LayoutChecks.sample("led-resistor", SvgSchematic.write(layout));
        assertThat(terminal(layout, "V1:1").attachment()).isEqualTo(Attachment.SUPPLY);
        assertThat(terminal(layout, "V1:1").facing()).as("the + terminal points up").isEqualTo(Facing.UP);
        assertThat(terminal(layout, "V1:2").attachment()).isEqualTo(Attachment.GROUND);
        assertThat(terminal(layout, "D1:1").attachment()).isEqualTo(Attachment.GROUND);
        assertThat(terminal(layout, "R1:2").attachment()).isEqualTo(Attachment.WIRE);
        assertThat(layout.wires()).allMatch(w -> w.net().equals("A"));
        assertThat(layout.texts()).anyMatch(t -> t.role() == Text.Role.VALUE && t.text().equals("220")
                && t.owner().equals("R1"));
    }

    @Test
    void mosfetSwitchUsesAnNChannelSymbolWithSourceToGround() {
        Circuit c = SvgFixtures.mosfetLowSide();
        Layout layout = LayoutChecks.checkAll(c, null);
        LayoutChecks.sample("mosfet-low-side", SvgSchematic.write(layout));
        assertThat(symbol(layout, "Q1").symbol()).isEqualTo(Symbol.NMOS);
        assertThat(symbol(layout, "D1").symbol()).isEqualTo(Symbol.DIODE);
        assertThat(symbol(layout, "L1").symbol()).isEqualTo(Symbol.INDUCTOR);
        assertThat(terminal(layout, "Q1:3").attachment()).as("source").isEqualTo(Attachment.GROUND);
        assertThat(terminal(layout, "Q1:3").facing()).isEqualTo(Facing.DOWN);
        assertThat(terminal(layout, "Q1:2").facing()).as("gate on the side").isIn(Facing.LEFT, Facing.RIGHT);
        assertThat(terminal(layout, "L1:1").attachment()).isEqualTo(Attachment.SUPPLY);
        assertThat(layout.texts()).anyMatch(t -> t.role() == Text.Role.VALUE && t.text().equals("IRLZ44N"));
    }

    @Test
    void astable555HasItsInputsLeftAndABatterySymbol() {
        Circuit c = SvgFixtures.astable555();
        Layout layout = LayoutChecks.checkAll(c, SvgFixtures::hint);
        LayoutChecks.sample("ne555-astable", SvgSchematic.write(layout));
        assertThat(symbol(layout, "B1").symbol()).isEqualTo(Symbol.BATTERY);
        assertThat(terminal(layout, "B1:1").facing()).as("battery + up").isEqualTo(Facing.UP);
        assertThat(terminal(layout, "U1:8").facing()).as("VCC").isEqualTo(Facing.UP);
        assertThat(terminal(layout, "U1:1").facing()).as("GND").isEqualTo(Facing.DOWN);
        for (String input : List.of("U1:2", "U1:4", "U1:5", "U1:6")) {
            assertThat(terminal(layout, input).facing()).as(input).isEqualTo(Facing.LEFT);
        }
        assertThat(terminal(layout, "U1:3").facing()).as("OUT").isEqualTo(Facing.RIGHT);
        assertThat(terminal(layout, "U1:7").facing()).as("DIS, open collector").isEqualTo(Facing.RIGHT);
        assertThat(terminal(layout, "U1:4").attachment()).as("RESET tied to +9V").isEqualTo(Attachment.SUPPLY);
        // without the hint the battery is a two-pin box
        assertThat(symbol(SvgSchematic.layout(c), "B1").symbol()).isEqualTo(Symbol.BOX);
    }

    @Test
    void nonInvertingAmplifierPutsSupplyPinsTopAndBottom() {
        Circuit c = SvgFixtures.nonInvertingOpAmp();
        Layout layout = LayoutChecks.checkAll(c, null);
        LayoutChecks.sample("opamp-non-inverting", SvgSchematic.write(layout));
        assertThat(terminal(layout, "U1:8").facing()).as("V+").isEqualTo(Facing.UP);
        assertThat(terminal(layout, "U1:4").facing()).as("V- on ground").isEqualTo(Facing.DOWN);
        assertThat(terminal(layout, "U1:2").facing()).as("IN-").isEqualTo(Facing.LEFT);
        assertThat(terminal(layout, "U1:3").facing()).as("IN+").isEqualTo(Facing.LEFT);
        assertThat(terminal(layout, "U1:1").facing()).as("OUT").isEqualTo(Facing.RIGHT);
        assertThat(terminal(layout, "RF:1").attachment()).isIn(Attachment.WIRE, Attachment.LABEL);
    }

    @Test
    void fortyComponentsFitWithoutOverlaps() {
        Circuit c = SvgFixtures.fortyComponents();
        assertThat(c.components()).hasSizeGreaterThanOrEqualTo(38);
        Layout layout = LayoutChecks.checkAll(c, SvgFixtures::hint);
        LayoutChecks.sample("forty-components", SvgSchematic.write(layout));
        assertThat(symbol(layout, "SW1").symbol()).isEqualTo(Symbol.BUTTON);
        assertThat(symbol(layout, "RV1").symbol()).isEqualTo(Symbol.POTENTIOMETER);
        assertThat(symbol(layout, "Q2").symbol()).as("2N3906 is a PNP").isEqualTo(Symbol.PNP);
        assertThat(terminal(layout, "RV1:2").attachment()).isIn(Attachment.WIRE, Attachment.LABEL);
        long wired = layout.terminals().stream().filter(t -> t.attachment() == Attachment.WIRE).count();
        assertThat(wired).as("most signal pins get wires").isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"led-blink.cir", "two-stage-opamp.scs", "esp32-weather.json", "uno-sonar-broken.json"})
    void examplesRenderCleanly(String file) throws Exception {
        Path path = Path.of("..", "examples", file);
        Source source = Source.read(path);
        Circuit c = NetlistFormats.detect(source).read(source, Notices.lenient());
        Layout layout = LayoutChecks.checkAll(c, null);
        LayoutChecks.sample("example-" + file.replace('.', '-'), SvgSchematic.write(layout));
        assertThat(layout.symbols()).hasSize(c.components().size());
    }

    @Test
    void bjtPolarityComesFromTheModelCard() throws Exception {
        Source source = Source.read(Path.of("..", "examples", "led-blink.cir"));
        Circuit c = NetlistFormats.detect(source).read(source, new Notices());
        Layout layout = SvgSchematic.layout(c);
        assertThat(symbol(layout, "Q1").symbol()).isEqualTo(Symbol.NPN);
        assertThat(terminal(layout, "Q1:3").attachment()).as("emitter to node 0").isEqualTo(Attachment.GROUND);
    }

    @Test
    void everySymbolIsDrawnFromKindOrHint() {
        Circuit c = SvgFixtures.circuit("Every symbol")
                .prim("V1", ComponentKind.VOLTAGE_SOURCE, "DC 5")
                .prim("I1", ComponentKind.CURRENT_SOURCE, "1m")
                .r("R1", "1k").c("C1", "100n").c("C2", "100u")
                .prim("L1", ComponentKind.INDUCTOR, "10u")
                .device("D1", ComponentKind.DIODE, "1N4148").led("D2")
                .device("Q1", ComponentKind.BJT, "2N2222").device("Q2", ComponentKind.BJT, "BC557")
                .device("M1", ComponentKind.MOSFET, "2N7000")
                .add(Component.builder("M2", ComponentKind.MOSFET).model("generic").property("polarity", "p").build())
                .part("SW1", "push-button", SvgFixtures.twoPin("1", "2"))
                .part("SW2", "slide-switch", SvgFixtures.twoPin("1", "2"))
                .part("RV1", "potentiometer-10k", SvgFixtures.potentiometer())
                .part("B1", "battery-9v", SvgFixtures.twoPin("+", "-"))
                .part("U1", "lm358", SvgFixtures.lm358())
                .net("VCC", "V1:+", "Q2:E", "M2:S", "M2:B", "U1:V+", "RV1:1", "SW1:1", "B1:+")
                .net("GND", "V1:-", "I1:-", "C1:2", "C2:2", "Q1:E", "M1:S", "M1:B", "U1:V-", "RV1:3", "B1:-")
                .net("N1", "I1:+", "R1:1", "C2:1")
                .net("N2", "R1:2", "L1:1", "C1:1")
                .net("N3", "L1:2", "D1:A", "SW2:1")
                .net("N4", "D1:K", "D2:A")
                .net("N5", "D2:K", "Q1:C")
                .net("N6", "Q1:B", "Q2:C", "RV1:W")
                .net("N7", "M1:G", "M2:D", "U1:OUT", "SW1:2")
                .net("N8", "M1:D", "M2:G", "U1:IN-", "U1:IN+", "SW2:2")
                .build();
        Layout layout = LayoutChecks.checkAll(c, r -> r.ref().equals("C2") ? Symbol.POLARIZED_CAPACITOR
                : r.ref().equals("SW2") ? Symbol.SWITCH : SvgFixtures.hint(r));
        LayoutChecks.sample("every-symbol", SvgSchematic.write(layout));
        Map<String, Symbol> expected = new LinkedHashMap<>();
        expected.put("V1", Symbol.VOLTAGE_SOURCE);
        expected.put("I1", Symbol.CURRENT_SOURCE);
        expected.put("R1", Symbol.RESISTOR);
        expected.put("C1", Symbol.CAPACITOR);
        expected.put("C2", Symbol.POLARIZED_CAPACITOR);
        expected.put("L1", Symbol.INDUCTOR);
        expected.put("D1", Symbol.DIODE);
        expected.put("D2", Symbol.LED);
        expected.put("Q1", Symbol.NPN);
        expected.put("Q2", Symbol.PNP);
        expected.put("M1", Symbol.NMOS);
        expected.put("M2", Symbol.PMOS);
        expected.put("SW1", Symbol.BUTTON);
        expected.put("SW2", Symbol.SWITCH);
        expected.put("RV1", Symbol.POTENTIOMETER);
        expected.put("B1", Symbol.BATTERY);
        expected.put("U1", Symbol.BOX);
        expected.forEach((ref, sym) -> assertThat(symbol(layout, ref).symbol()).as(ref).isEqualTo(sym));
        assertThat(expected.values()).containsAll(EnumSet.allOf(Symbol.class));
        // a PNP's emitter and a P-channel MOSFET's source sit on top, toward the supply
        assertThat(terminal(layout, "Q2:3").facing()).isEqualTo(Facing.UP);
        assertThat(terminal(layout, "M2:3").facing()).isEqualTo(Facing.UP);
        // the bulk tied to the source is drawn at the source's end
        assertThat(terminal(layout, "M1:4").x()).isEqualTo(terminal(layout, "M1:3").x());
        assertThat(terminal(layout, "M1:4").y()).isEqualTo(terminal(layout, "M1:3").y());
    }

    @Test
    void busyAndSinglePinNetsGetLabels() {
        SvgFixtures f = SvgFixtures.circuit("Bus").part("U1", "ne555", SvgFixtures.ne555());
        for (int i = 1; i <= 7; i++) {
            f.r("R" + i, "10k");
        }
        f.net("BUS", "R1:1", "R2:1", "R3:1", "R4:1", "R5:1", "R6:1", "R7:1", "U1:TRIG")
                .net("GND", "R1:2", "R2:2", "R3:2", "R4:2", "R5:2", "R6:2", "R7:2", "U1:GND")
                .net("PROBE", "U1:OUT");
        Circuit c = f.build();
        Layout layout = LayoutChecks.checkAll(c, null);
        assertThat(layout.terminals()).filteredOn(t -> "BUS".equals(t.net()))
                .hasSize(8).allMatch(t -> t.attachment() == Attachment.LABEL);
        assertThat(terminal(layout, "U1:3").attachment()).isEqualTo(Attachment.LABEL);
        assertThat(layout.texts()).filteredOn(t -> t.role() == Text.Role.NET && t.text().equals("BUS")).hasSize(8);
        assertThat(layout.wires()).isEmpty();
    }

    @Test
    void emptyCircuitStillRendersATitle() {
        Layout layout = LayoutChecks.checkAll(Circuit.builder().title("nothing yet").build(), null);
        assertThat(layout.texts()).singleElement().satisfies(t -> assertThat(t.text()).isEqualTo("nothing yet"));
    }

    @Test
    void textIsEscaped() {
        Circuit c = Circuit.builder().title("A & B <test>")
                .add(Component.builder("R1", ComponentKind.RESISTOR).build(), "a<b", "0")
                .build();
        String svg = SvgSchematic.render(c);
        LayoutChecks.parse(svg);
        assertThat(svg).contains("A &amp; B &lt;test&gt;").contains("a&lt;b");
    }
}
