package dev.kirchhoff.schematic.format.wokwi;

import dev.kirchhoff.schematic.format.Names;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.Tally;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Net;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link Circuit} as a Wokwi {@code diagram.json}, laid out the way Wokwi saves it (a part on one line
 * when it fits in 100 columns, one wire per line). Each net becomes wires from its first pin to each other pin,
 * in the circuit's pin order, coloured black for ground, red for supplies and green otherwise, with no route, so
 * Wokwi draws them straight. One instance per write; not thread-safe.
 */
final class WokwiWriter {

    private static final int WIDTH = 100;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final String ATTR = "wokwi.attr.";
    private static final String ATTR_JSON = "wokwi.attrJson.";
    private static final String EXTRA = "wokwi.json.";

    private final Notices notices;
    private final Tally leftOut = new Tally();
    private final Tally noValue = new Tally();

    WokwiWriter(Notices notices) {
        this.notices = notices;
    }

    void write(Circuit circuit, Appendable out) throws IOException {
        List<Component> components = circuit.components();
        String[] type = new String[components.size()];
        String[] id = new String[components.size()];
        Names ids = new Names(false, c -> c != ':' && !Character.isWhitespace(c));
        ids.claim(WokwiReader.SERIAL_MONITOR);
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            if (isSerialMonitor(c)) {
                id[i] = WokwiReader.SERIAL_MONITOR;
                continue;
            }
            type[i] = typeOf(c);
            if (type[i] == null) {
                leftOut.add(c.ref() + " (" + (c.part() != null ? c.part() : c.kind().description()) + ")", c.line());
                continue;
            }
            id[i] = ids.assign(c.ref(), c.ref());
            if (!id[i].equals(c.ref())) {
                notices.renamedComponent(c.ref(), id[i], c.line(),
                        "Wokwi part ids must be unique and free of ':' and spaces");
            }
        }

        out.append("{\n  \"version\": 1,\n  \"author\": \"Kirchhoff\",\n  \"editor\": \"wokwi\",\n");
        List<String> partLines = new ArrayList<>();
        int placed = 0;
        for (int i = 0; i < components.size(); i++) {
            if (type[i] != null) {
                partLines.add(part(components.get(i), type[i], id[i], placed++));
            }
        }
        list(out, "parts", partLines);

        List<String> wires = new ArrayList<>();
        for (Net net : circuit.nets()) {
            List<String> ends = new ArrayList<>();
            for (PinRef pin : net.pins()) {
                int i = circuit.indexOf(pin.ref());
                if (id[i] != null) {
                    ends.add(id[i] + ":" + wokwiPin(components.get(i), pin.pin()));
                }
            }
            String colour = WokwiNets.colour(net.name());
            for (int k = 1; k < ends.size(); k++) {
                wires.add("    [ " + quote(ends.get(0)) + ", " + quote(ends.get(k)) + ", " + quote(colour) + ", [] ]");
            }
        }
        list(out, "connections", wires);
        out.append("  \"dependencies\": {}\n}\n");
        report(circuit);
    }

    private static void list(Appendable out, String name, List<String> items) throws IOException {
        out.append("  \"").append(name).append("\": [");
        if (items.isEmpty()) {
            out.append("],\n");
            return;
        }
        out.append('\n');
        for (int k = 0; k < items.size(); k++) {
            out.append(items.get(k)).append(k + 1 < items.size() ? ",\n" : "\n");
        }
        out.append("  ],\n");
    }

    private static boolean isSerialMonitor(Component c) {
        return c.kind() == ComponentKind.PART && ("wokwi:" + WokwiReader.SERIAL_MONITOR).equals(c.part());
    }

    /** The Wokwi part type for {@code c}, or {@code null} when Wokwi has none. */
    static String typeOf(Component c) {
        String part = c.part();
        if (part != null && part.startsWith("wokwi:") && part.length() > "wokwi:".length()) {
            return part.substring("wokwi:".length());
        }
        String explicit = c.property("wokwi.type");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        if (c.kind() == ComponentKind.RESISTOR) {
            return "wokwi-resistor";
        }
        if (c.kind() == ComponentKind.LED) {
            return "wokwi-led";
        }
        if (c.kind() == ComponentKind.PART && part != null) {
            String base = part.substring(part.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
            if (WokwiPins.isKnown(base)) {
                return base;
            }
            if (WokwiPins.isKnown("wokwi-" + base)) {
                return "wokwi-" + base;
            }
        }
        return null;
    }

    /** The pin name Wokwi uses for pin {@code number} of {@code c}: resistor 1/2, LED A/C, else the pin's name. */
    private static String wokwiPin(Component c, String number) {
        int index = c.pinIndexByNumber(number);
        if (c.kind() == ComponentKind.RESISTOR) {
            return c.terminalIndex("2") == index ? "2" : c.terminalIndex("1") == index ? "1" : number;
        }
        if (c.kind() == ComponentKind.LED) {
            return c.terminalIndex("A") == index ? "A" : c.terminalIndex("K") == index ? "C" : number;
        }
        String name = c.pins().get(index).name();
        if (name.isEmpty() || name.equals(number)) {
            return number;
        }
        for (Pin p : c.pins()) {
            if (p != c.pins().get(index) && p.name().equals(name)) {
                return number;
            }
        }
        return name;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Parts

    private String part(Component c, String type, String id, int placed) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"type", quote(type)});
        fields.add(new String[] {"id", quote(id)});
        fields.add(new String[] {"top", number(c.property("wokwi.top"), (placed / 4) * 150)});
        fields.add(new String[] {"left", number(c.property("wokwi.left"), (placed % 4) * 200)});
        String rotate = c.property("wokwi.rotate");
        if (rotate != null && JSON_NUMBER.matcher(rotate).matches()) {
            fields.add(new String[] {"rotate", rotate});
        }
        for (Map.Entry<String, String> p : c.properties().entrySet()) {
            if (p.getKey().startsWith(EXTRA)) {
                fields.add(new String[] {p.getKey().substring(EXTRA.length()), p.getValue()});
            }
        }
        List<String> attrs = new ArrayList<>();
        boolean valueWritten = false;
        if (c.kind() == ComponentKind.RESISTOR) {
            if (c.value() != null && c.value().isNumber()) {
                attrs.add(quote("value") + ": " + quote(WokwiFormat.plain(c.value().magnitude())));
                valueWritten = true;
            } else if (c.property(ATTR + "value") == null) {
                noValue.add(c.ref() + (c.value() == null ? "" : "=" + c.value().text()), c.line());
            }
        }
        for (Map.Entry<String, String> p : c.properties().entrySet()) {
            String key = p.getKey();
            if (key.startsWith(ATTR)) {
                String name = key.substring(ATTR.length());
                if (!(valueWritten && name.equals("value"))) {
                    attrs.add(quote(name) + ": " + quote(p.getValue()));
                }
            } else if (key.startsWith(ATTR_JSON)) {
                attrs.add(quote(key.substring(ATTR_JSON.length())) + ": " + p.getValue());
            }
        }
        String attrText = attrs.isEmpty() ? "{}" : "{ " + String.join(", ", attrs) + " }";
        fields.add(new String[] {"attrs", attrText});

        StringBuilder inline = new StringBuilder("    { ");
        for (int k = 0; k < fields.size(); k++) {
            inline.append(k == 0 ? "" : ", ").append(quote(fields.get(k)[0])).append(": ").append(fields.get(k)[1]);
        }
        inline.append(" }");
        if (inline.length() + 1 <= WIDTH) {
            return inline.toString();
        }
        StringBuilder block = new StringBuilder("    {\n");
        for (int k = 0; k < fields.size(); k++) {
            block.append("      ").append(quote(fields.get(k)[0])).append(": ").append(fields.get(k)[1])
                    .append(k + 1 < fields.size() ? ",\n" : "\n");
        }
        return block.append("    }").toString();
    }

    private static String number(String kept, int fallback) {
        return kept != null && JSON_NUMBER.matcher(kept).matches() ? kept : Integer.toString(fallback);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private void report(Circuit circuit) {
        leftOut.report(notices, "components have no Wokwi part and were left out of the diagram, with their wires",
                "Wokwi simulates boards, modules, resistors and LEDs; give a part a wokwi.type property to place it, "
                        + "or keep the analog stages in the SPICE deck", true);
        noValue.report(notices, "resistors have no number value; Wokwi will use its default of 1000 Ω",
                "give them resistances in ohms", true);
        List<String> dropped = new ArrayList<>();
        count(dropped, circuit.models().size(), "device model");
        count(dropped, circuit.subcircuits().size(), "subcircuit definition");
        count(dropped, circuit.parameters().size(), "parameter");
        count(dropped, circuit.directives().size(), "simulator directive");
        count(dropped, circuit.includes().size(), "file reference");
        if (!dropped.isEmpty()) {
            notices.warn(0, String.join(", ", dropped) + " have no place in a Wokwi diagram and were left out");
        }
    }

    private static void count(List<String> out, int n, String what) {
        if (n > 0) {
            out.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }
}
