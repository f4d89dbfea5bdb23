package dev.kirchhoff.schematic.render.svg;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random circuits (fixed seeds, so the runs are repeatable): boxes and primitives joined by nets of two to
 * nine pins, some on ground or supply nets. Every one must render with the same guarantees as the real circuits.
 */
class SvgRandomCircuitsTest {

    private static final ComponentKind[] KINDS = {ComponentKind.RESISTOR, ComponentKind.CAPACITOR,
        ComponentKind.INDUCTOR, ComponentKind.DIODE, ComponentKind.LED, ComponentKind.BJT, ComponentKind.MOSFET,
        ComponentKind.VOLTAGE_SOURCE};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void randomCircuitKeepsEveryGuarantee(long seed) {
        Random random = new Random(seed);
        SvgFixtures f = SvgFixtures.circuit("random " + seed);
        List<String> pins = new ArrayList<>();
        int boxes = 1 + random.nextInt(2);
        for (int b = 0; b < boxes; b++) {
            String ref = "U" + (b + 1);
            f.part(ref, b == 0 ? "esp32-devkit-v1" : "ne555", b == 0 ? SvgFixtures.esp32() : SvgFixtures.ne555());
        }
        int parts = 10 + random.nextInt(25);
        for (int i = 0; i < parts; i++) {
            ComponentKind kind = KINDS[random.nextInt(KINDS.length)];
            String ref = kind.spiceLetter() + "" + (i + 1);
            f.add(Component.builder(ref, kind).model(kind.needsModel() ? "M" + i : null).build());
            for (var p : kind.standardPins()) {
                pins.add(ref + ":" + p.number());
            }
        }
        Circuit shell = f.build();
        for (Component c : shell.components()) {
            if (c.kind() == ComponentKind.PART) {
                for (var p : c.pins()) {
                    if (random.nextInt(3) == 0) {
                        pins.add(c.ref() + ":" + p.number());
                    }
                }
            }
        }
        java.util.Collections.shuffle(pins, random);
        int net = 0;
        int i = 0;
        while (i < pins.size()) {
            int size = Math.min(pins.size() - i, 2 + (random.nextInt(10) < 7 ? 0 : random.nextInt(8)));
            String name = switch (random.nextInt(8)) {
                case 0 -> "GND";
                case 1 -> "3V3";
                case 2 -> "+12V";
                default -> "N" + net;
            };
            f.net(name, pins.subList(i, i + size).toArray(new String[0]));
            i += size;
            net++;
        }
        Layout layout = LayoutChecks.checkAll(f.build(), null);
        if (seed == 8) {
            LayoutChecks.sample("random-8", SvgSchematic.write(layout));
        }
    }
}
