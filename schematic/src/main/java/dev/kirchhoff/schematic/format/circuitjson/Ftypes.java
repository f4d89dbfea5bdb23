package dev.kirchhoff.schematic.format.circuitjson;

import dev.kirchhoff.schematic.model.ComponentKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Circuit JSON {@code ftype} stands for which {@link ComponentKind}, which field holds its main value, and what
 * tscircuit calls each terminal's port. Knowledge as data, kept in one place so reader and writer agree. Stateless.
 */
final class Ftypes {

    /** The ftype written for kinds Circuit JSON has no element for; the kind itself goes in the extension. */
    static final String CHIP = "simple_chip";

    private Ftypes() {
    }

    /** The kind an ftype reads as; {@link ComponentKind#PART} for chips and everything Kirchhoff has no primitive for. */
    static ComponentKind kindOf(String ftype) {
        if (ftype == null) {
            return ComponentKind.PART;
        }
        return switch (ftype) {
            case "simple_resistor" -> ComponentKind.RESISTOR;
            case "simple_capacitor" -> ComponentKind.CAPACITOR;
            case "simple_inductor" -> ComponentKind.INDUCTOR;
            case "simple_diode" -> ComponentKind.DIODE;
            case "led", "simple_led" -> ComponentKind.LED;
            case "simple_transistor" -> ComponentKind.BJT;
            case "simple_mosfet" -> ComponentKind.MOSFET;
            case "simple_voltage_source", "simple_power_source", "simple_battery" -> ComponentKind.VOLTAGE_SOURCE;
            case "simple_current_source" -> ComponentKind.CURRENT_SOURCE;
            default -> ComponentKind.PART;
        };
    }

    /** The ftype written for {@code kind}. */
    static String ftypeOf(ComponentKind kind) {
        return switch (kind) {
            case RESISTOR -> "simple_resistor";
            case CAPACITOR -> "simple_capacitor";
            case INDUCTOR -> "simple_inductor";
            case DIODE -> "simple_diode";
            case LED -> "simple_led";
            case BJT -> "simple_transistor";
            case MOSFET -> "simple_mosfet";
            case VOLTAGE_SOURCE -> "simple_voltage_source";
            case CURRENT_SOURCE -> "simple_current_source";
            default -> CHIP;
        };
    }

    /** Whether Circuit JSON has an ftype of its own for {@code kind}. */
    static boolean isNative(ComponentKind kind) {
        return kind == ComponentKind.PART || !ftypeOf(kind).equals(CHIP);
    }

    /** The field holding the main value of {@code kind} ({@code resistance}), or {@code null}. */
    static String valueField(ComponentKind kind) {
        return switch (kind) {
            case RESISTOR -> "resistance";
            case CAPACITOR -> "capacitance";
            case INDUCTOR -> "inductance";
            case VOLTAGE_SOURCE -> "voltage";
            case CURRENT_SOURCE -> "current";
            default -> null;
        };
    }

    /** The terminals of {@code kind}: its SPICE order plus a BJT's optional substrate {@code S}. */
    static List<String> terminals(ComponentKind kind) {
        if (kind != ComponentKind.BJT) {
            return kind.terminalOrder();
        }
        List<String> t = new ArrayList<>(kind.terminalOrder());
        t.add("S");
        return t;
    }

    /** The standard pin number of {@code terminal} of {@code kind} (a diode's anode is 2), or {@code null}. */
    static String standardNumber(ComponentKind kind, String terminal) {
        if (kind == ComponentKind.BJT && terminal.equals("S")) {
            return "4";
        }
        for (var pin : kind.standardPins()) {
            if (pin.name().equals(terminal)) {
                return pin.number();
            }
        }
        return null;
    }

    /** The port name written for {@code terminal} of {@code kind}: {@code pin1}, {@code anode}, {@code drain}, … */
    static String portName(ComponentKind kind, String terminal) {
        return switch (kind) {
            case RESISTOR, CAPACITOR, INDUCTOR -> "pin" + terminal;
            case DIODE, LED -> terminal.equals("A") ? "anode" : "cathode";
            case MOSFET, JFET -> switch (terminal) {
                case "D" -> "drain";
                case "G" -> "gate";
                case "S" -> "source";
                default -> "bulk";
            };
            case BJT -> switch (terminal) {
                case "C" -> "collector";
                case "B" -> "base";
                case "E" -> "emitter";
                default -> "substrate";
            };
            case VOLTAGE_SOURCE, CURRENT_SOURCE -> terminal.equals("+") ? "pos" : "neg";
            default -> terminal;
        };
    }

    /**
     * The terminal tscircuit puts at pin {@code position} (1-based) when ports carry no telling name or hint:
     * diodes and LEDs have the anode at pin 1, sources the positive terminal, an NPN transistor pins
     * emitter-collector-base and a PNP collector-emitter-base; other kinds follow SPICE order. {@code null} when
     * out of range.
     */
    static String terminalAt(ComponentKind kind, char polarity, int position) {
        List<String> order = switch (kind) {
            case BJT -> polarity == 'p' ? List.of("C", "E", "B") : List.of("E", "C", "B");
            default -> kind.terminalOrder();
        };
        return position >= 1 && position <= order.size() ? order.get(position - 1) : null;
    }
}
