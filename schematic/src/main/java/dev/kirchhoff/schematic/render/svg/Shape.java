package dev.kirchhoff.schematic.render.svg;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A component's drawing in its own upright coordinates, before placement: where its pins end, which way they face,
 * the area its lines cover and, for a box, its pin-name and pin-number texts.
 *
 * @param symbol the symbol drawn
 * @param pins the drawn pins
 * @param body the area of the lines, pin leads included
 * @param texts texts drawn inside the body (box pin names and numbers, the box's reference and part)
 * @param separateBulk whether a MOSFET's bulk has its own terminal (else it is tied to the source inside)
 * @param rotates whether the symbol may be turned by quarter turns (boxes and transistors stay upright)
 */
record Shape(Symbol symbol, List<LocalPin> pins, Box body, List<Text> texts, boolean separateBulk,
             boolean rotates) {

    /** The length of a box's pin leads. */
    static final int STUB = 30;
    static final int PITCH = 20;

    /**
     * A pin end in upright coordinates.
     *
     * @param index the pin's index in {@link Component#pins()}
     * @param x the x of the outer end
     * @param y the y of the outer end
     * @param facing the direction it points
     */
    record LocalPin(int index, int x, int y, Facing facing) {
    }

    static Shape of(Circuit circuit, int componentIndex, SymbolChoice choice, NetStyles styles) {
        return choice.symbol() == Symbol.BOX ? box(circuit, componentIndex, styles) : symbol(circuit, componentIndex,
                choice);
    }

    private static Shape symbol(Circuit circuit, int ci, SymbolChoice choice) {
        Symbol s = choice.symbol();
        Map<String, Integer> map = choice.pinOfTerminal();
        List<LocalPin> pins = new ArrayList<>();
        boolean separateBulk = false;
        Box body;
        switch (s) {
            case NPN, PNP -> {
                add(pins, map, s.terminals().get(0), 10, -30, Facing.UP);
                add(pins, map, "B", -30, 0, Facing.LEFT);
                add(pins, map, s.terminals().get(2), 10, 30, Facing.DOWN);
                body = new Box(-30, -30, 52, 60);
            }
            case NMOS, PMOS -> {
                String top = s.terminals().get(0);
                String bottom = s.terminals().get(2);
                add(pins, map, top, 10, -30, Facing.UP);
                add(pins, map, "G", -30, 0, Facing.LEFT);
                add(pins, map, bottom, 10, 30, Facing.DOWN);
                Integer bulk = map.get("B");
                Integer source = map.get("S");
                if (bulk != null) {
                    String bulkNet = circuit.netAt(ci, bulk);
                    String sourceNet = source == null ? null : circuit.netAt(ci, source);
                    if (bulkNet != null && !bulkNet.equals(sourceNet)) {
                        separateBulk = true;
                        pins.add(new LocalPin(bulk, 30, 0, Facing.RIGHT));
                    } else {
                        // tied to the source inside the symbol: drawn at the source's end
                        boolean sourceOnTop = s == Symbol.PMOS;
                        pins.add(new LocalPin(bulk, 10, sourceOnTop ? -30 : 30, sourceOnTop ? Facing.UP : Facing.DOWN));
                    }
                }
                body = new Box(-30, -30, separateBulk ? 60 : 42, 60);
            }
            case POTENTIOMETER -> {
                add(pins, map, "1", 0, -30, Facing.UP);
                add(pins, map, "W", 30, 0, Facing.RIGHT);
                add(pins, map, "3", 0, 30, Facing.DOWN);
                body = new Box(-10, -30, 40, 60);
            }
            default -> {
                add(pins, map, s.terminals().get(0), 0, -30, Facing.UP);
                add(pins, map, s.terminals().get(1), 0, 30, Facing.DOWN);
                body = switch (s) {
                    case LED -> new Box(-10, -30, 30, 60);
                    case BUTTON -> new Box(-18, -30, 28, 60);
                    case BATTERY -> new Box(-12, -30, 30, 60);
                    case CAPACITOR, POLARIZED_CAPACITOR, SWITCH -> new Box(-14, -30, 28, 60);
                    case VOLTAGE_SOURCE, CURRENT_SOURCE -> new Box(-15, -30, 30, 60);
                    default -> new Box(-10, -30, 20, 60);
                };
            }
        }
        boolean rotates = s != Symbol.NPN && s != Symbol.PNP && s != Symbol.NMOS && s != Symbol.PMOS;
        return new Shape(s, pins, body, List.of(), separateBulk, rotates);
    }

    private static void add(List<LocalPin> pins, Map<String, Integer> map, String terminal, int x, int y, Facing f) {
        Integer index = map.get(terminal);
        if (index != null) {
            pins.add(new LocalPin(index, x, y, f));
        }
    }

    // A box: power pins on top, ground at the bottom, inputs left, outputs right, the rest shared out to balance.
    private static Shape box(Circuit circuit, int ci, NetStyles styles) {
        Component c = circuit.components().get(ci);
        List<Integer> top = new ArrayList<>();
        List<Integer> bottom = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        List<Integer> flexible = new ArrayList<>();
        for (int i = 0; i < c.pins().size(); i++) {
            Pin p = c.pins().get(i);
            String net = circuit.netAt(ci, i);
            boolean power = p.type() == PinType.POWER_IN || p.type() == PinType.POWER_OUT
                    || p.functions().contains(PinFunction.POWER) || NetStyles.isSupplyPinName(p.name());
            boolean ground = p.functions().contains(PinFunction.GROUND) || NetStyles.isGroundPinName(p.name())
                    || power && net != null && styles.isGround(net);
            if (ground) {
                bottom.add(i);
            } else if (power) {
                top.add(i);
            } else if (p.type() == PinType.INPUT) {
                left.add(i);
            } else if (p.type() == PinType.OUTPUT || p.type() == PinType.OPEN_COLLECTOR
                    || p.type() == PinType.OPEN_EMITTER) {
                right.add(i);
            } else {
                flexible.add(i);
            }
        }
        int toLeft = Math.max(0, Math.min(flexible.size(),
                (right.size() + flexible.size() - left.size() + 1) / 2));
        left.addAll(flexible.subList(0, toLeft));
        right.addAll(flexible.subList(toLeft, flexible.size()));
        left.sort(null);
        right.sort(null);

        String ref = c.ref();
        String caption = caption(c);
        int nameLeft = 0;
        int nameRight = 0;
        for (int i : left) {
            nameLeft = Math.max(nameLeft, Metrics.width(c.pins().get(i).name(), Metrics.FONT));
        }
        for (int i : right) {
            nameRight = Math.max(nameRight, Metrics.width(c.pins().get(i).name(), Metrics.FONT));
        }
        int stub = STUB;
        int pitchTop = pitch(c, top, circuit, ci, styles);
        int pitchBottom = pitch(c, bottom, circuit, ci, styles);
        int centre = Math.max(Metrics.width(ref, Metrics.REF_FONT), caption.isEmpty() ? 0
                : Metrics.width(caption, Metrics.FONT));
        int width = round20(Math.max(Math.max(nameLeft + nameRight + centre + 40, 80),
                Math.max((top.size() + 1) * pitchTop, (bottom.size() + 1) * pitchBottom)));
        int rows = Math.max(left.size(), right.size());
        int firstRow = top.isEmpty() ? 20 : 30;
        int height = firstRow + Math.max(0, rows - 1) * PITCH + (bottom.isEmpty() ? 20 : 30);
        height = Math.max(height, round10(firstRow + (bottom.isEmpty() ? 10 : 20) + 30));

        List<LocalPin> pins = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        int lineH = Metrics.height(Metrics.FONT);
        for (int k = 0; k < left.size(); k++) {
            int i = left.get(k);
            int y = firstRow + k * PITCH;
            pins.add(new LocalPin(i, -stub, y, Facing.LEFT));
            Pin p = c.pins().get(i);
            texts.add(text(p.name(), Text.Role.PIN_NAME, ref, 4, y - lineH / 2));
            addIfPresent(texts, number(p, ref, -stub + 2, y - lineH - 1));
        }
        for (int k = 0; k < right.size(); k++) {
            int i = right.get(k);
            int y = firstRow + k * PITCH;
            pins.add(new LocalPin(i, width + stub, y, Facing.RIGHT));
            Pin p = c.pins().get(i);
            int w = Metrics.width(p.name(), Metrics.FONT);
            texts.add(text(p.name(), Text.Role.PIN_NAME, ref, width - 4 - w, y - lineH / 2));
            int nw = Metrics.width(p.number(), Metrics.FONT);
            addIfPresent(texts, number(p, ref, width + stub - 2 - nw, y - lineH - 1));
        }
        placeAcross(c, top, pitchTop, width, ref, pins, texts, -stub, Facing.UP, 2, stub);
        placeAcross(c, bottom, pitchBottom, width, ref, pins, texts, height + stub, Facing.DOWN, height - 2 - lineH,
                stub);
        int centreX = (nameLeft + 8 + width - nameRight - 8) / 2;
        int refW = Metrics.width(ref, Metrics.REF_FONT);
        int blockTop = height / 2 - (caption.isEmpty() ? lineH / 2 : lineH);
        texts.add(new Text(ref, Text.Role.REF, ref, new Box(centreX - refW / 2, blockTop, refW,
                Metrics.height(Metrics.REF_FONT)), Metrics.REF_FONT));
        if (!caption.isEmpty()) {
            int cw = Metrics.width(caption, Metrics.FONT);
            texts.add(new Text(caption, Text.Role.VALUE, ref, new Box(centreX - cw / 2, blockTop + lineH + 2, cw,
                    lineH), Metrics.FONT));
        }
        Box body = new Box(-stub, -stub, width + 2 * stub, height + 2 * stub);
        return new Shape(Symbol.BOX, pins, body, texts, false, false);
    }

    private static void placeAcross(Component c, List<Integer> side, int pitch, int width, String ref,
                                    List<LocalPin> pins, List<Text> texts, int y, Facing facing, int nameTop,
                                    int stub) {
        int start = round10((width - (side.size() - 1) * pitch) / 2);
        int lineH = Metrics.height(Metrics.FONT);
        for (int k = 0; k < side.size(); k++) {
            int i = side.get(k);
            int x = start + k * pitch;
            pins.add(new LocalPin(i, x, y, facing));
            Pin p = c.pins().get(i);
            int w = Metrics.width(p.name(), Metrics.FONT);
            texts.add(text(p.name(), Text.Role.PIN_NAME, ref, x - w / 2, nameTop));
            int numberTop = facing == Facing.UP ? -stub + 1 : y - lineH - 1;
            addIfPresent(texts, number(p, ref, x + 3, numberTop));
        }
    }

    // Pins across the top or bottom sit far enough apart for their names and their net marks side by side.
    private static int pitch(Component c, List<Integer> side, Circuit circuit, int ci, NetStyles styles) {
        int widest = 0;
        for (int i : side) {
            widest = Math.max(widest, Metrics.width(c.pins().get(i).name(), Metrics.FONT));
            String net = circuit.netAt(ci, i);
            if (net != null) {
                widest = Math.max(widest, Metrics.width(net, Metrics.FONT) + 8);
            }
        }
        return Math.max(40, round10(widest + 12));
    }

    private static void addIfPresent(List<Text> texts, Text t) {
        if (t != null) {
            texts.add(t);
        }
    }

    private static Text text(String s, Text.Role role, String owner, int x, int y) {
        return new Text(s, role, owner, new Box(x, y, Metrics.width(s, Metrics.FONT), Metrics.height(Metrics.FONT)),
                Metrics.FONT);
    }

    // A pin number too wide for its lead is left out; the pin's name still says which pin it is.
    private static Text number(Pin p, String owner, int x, int y) {
        if (Metrics.width(p.number(), Metrics.FONT) > STUB - 4) {
            return null;
        }
        return text(p.number(), Text.Role.PIN_NUMBER, owner, x, y);
    }

    /** What a box says under its reference: the part, else the model, else the value. */
    static String caption(Component c) {
        if (c.part() != null && !c.part().isBlank()) {
            return c.part();
        }
        if (c.model() != null && !c.model().isBlank()) {
            return c.model();
        }
        return c.value() == null ? "" : c.value().text();
    }

    static int round10(int v) {
        return (int) Math.ceil(v / 10.0) * 10;
    }

    private static int round20(int v) {
        return (int) Math.ceil(v / 20.0) * 20;
    }
}
