package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.model.ComponentKind;
import java.util.Locale;
import java.util.Map;

/**
 * What KiCad symbols and simulation fields mean as circuit primitives, and which KiCad symbol stands for each
 * primitive when writing. Kept as tables so that an engineer can review them. Stateless.
 */
final class KicadSymbols {

    private KicadSymbols() {
    }

    /**
     * What a symbol is: a primitive kind and, for transistors, the polarity ({@code 'n'}, {@code 'p'} or
     * {@code '?'}).
     */
    record Meaning(ComponentKind kind, char polarity) {
        static Meaning of(ComponentKind kind) {
            return new Meaning(kind, '?');
        }
    }

    /** A KiCad library symbol: library nickname, symbol name and description. */
    record LibId(String lib, String part, String description) {
    }

    /** Symbols of KiCad's {@code Device}, {@code Simulation_SPICE} and {@code pspice} libraries, by exact name. */
    private static final Map<String, Meaning> EXACT = Map.ofEntries(
            Map.entry("Device:R", Meaning.of(ComponentKind.RESISTOR)),
            Map.entry("Device:R_Small", Meaning.of(ComponentKind.RESISTOR)),
            Map.entry("Device:R_US", Meaning.of(ComponentKind.RESISTOR)),
            Map.entry("Device:R_Small_US", Meaning.of(ComponentKind.RESISTOR)),
            Map.entry("Device:C", Meaning.of(ComponentKind.CAPACITOR)),
            Map.entry("Device:C_Small", Meaning.of(ComponentKind.CAPACITOR)),
            Map.entry("Device:C_US", Meaning.of(ComponentKind.CAPACITOR)),
            Map.entry("Device:CP", Meaning.of(ComponentKind.CAPACITOR)),
            Map.entry("Device:CP1", Meaning.of(ComponentKind.CAPACITOR)),
            Map.entry("Device:L", Meaning.of(ComponentKind.INDUCTOR)),
            Map.entry("Device:D", Meaning.of(ComponentKind.DIODE)),
            Map.entry("Device:Battery", Meaning.of(ComponentKind.VOLTAGE_SOURCE)),
            Map.entry("Device:Battery_Cell", Meaning.of(ComponentKind.VOLTAGE_SOURCE)),
            Map.entry("Simulation_SPICE:D", Meaning.of(ComponentKind.DIODE)),
            Map.entry("Simulation_SPICE:NPN", new Meaning(ComponentKind.BJT, 'n')),
            Map.entry("Simulation_SPICE:PNP", new Meaning(ComponentKind.BJT, 'p')),
            Map.entry("Simulation_SPICE:NMOS", new Meaning(ComponentKind.MOSFET, 'n')),
            Map.entry("Simulation_SPICE:PMOS", new Meaning(ComponentKind.MOSFET, 'p')),
            Map.entry("Simulation_SPICE:NMOS_Substrate", new Meaning(ComponentKind.MOSFET, 'n')),
            Map.entry("Simulation_SPICE:PMOS_Substrate", new Meaning(ComponentKind.MOSFET, 'p')),
            Map.entry("Simulation_SPICE:NJFET", new Meaning(ComponentKind.JFET, 'n')),
            Map.entry("Simulation_SPICE:PJFET", new Meaning(ComponentKind.JFET, 'p')),
            Map.entry("Simulation_SPICE:ESOURCE", Meaning.of(ComponentKind.VCVS)),
            Map.entry("Simulation_SPICE:GSOURCE", Meaning.of(ComponentKind.VCCS)),
            Map.entry("Simulation_SPICE:BSOURCE", Meaning.of(ComponentKind.BEHAVIORAL_SOURCE)),
            Map.entry("Simulation_SPICE:VBEHAVIORAL", Meaning.of(ComponentKind.BEHAVIORAL_SOURCE)),
            Map.entry("Simulation_SPICE:IBEHAVIORAL", Meaning.of(ComponentKind.BEHAVIORAL_SOURCE)),
            Map.entry("pspice:R", Meaning.of(ComponentKind.RESISTOR)),
            Map.entry("pspice:C", Meaning.of(ComponentKind.CAPACITOR)),
            Map.entry("pspice:CAP", Meaning.of(ComponentKind.CAPACITOR)),
            Map.entry("pspice:L", Meaning.of(ComponentKind.INDUCTOR)),
            Map.entry("pspice:INDUCTOR", Meaning.of(ComponentKind.INDUCTOR)),
            Map.entry("pspice:DIODE", Meaning.of(ComponentKind.DIODE)),
            Map.entry("pspice:QNPN", new Meaning(ComponentKind.BJT, 'n')),
            Map.entry("pspice:QPNP", new Meaning(ComponentKind.BJT, 'p')),
            Map.entry("pspice:MNMOS", new Meaning(ComponentKind.MOSFET, 'n')),
            Map.entry("pspice:MPMOS", new Meaning(ComponentKind.MOSFET, 'p')),
            Map.entry("pspice:VSOURCE", Meaning.of(ComponentKind.VOLTAGE_SOURCE)),
            Map.entry("pspice:ISOURCE", Meaning.of(ComponentKind.CURRENT_SOURCE)));

    /**
     * The meaning of library symbol {@code lib:part}, or {@code null} for a part that is not a circuit primitive.
     * The caller still checks that the pins fit the kind (a {@code D_Bridge} has four pins and stays a part).
     */
    static Meaning fromSymbol(String lib, String part, String description) {
        if (part == null || part.isEmpty()) {
            return null;
        }
        String l = lib == null ? "" : lib;
        Meaning exact = EXACT.get(l + ":" + part);
        if (exact != null) {
            return exact;
        }
        switch (l) {
            case "Device" -> {
                if (part.startsWith("R_Small") || part.startsWith("R_US")) {
                    return Meaning.of(ComponentKind.RESISTOR);
                }
                if (part.startsWith("C_Small") || part.startsWith("C_Polarized") || part.startsWith("CP_")
                        || part.startsWith("CP1_")) {
                    return Meaning.of(ComponentKind.CAPACITOR);
                }
                if (part.startsWith("L_")) {
                    return Meaning.of(ComponentKind.INDUCTOR);
                }
                if (part.startsWith("LED")) {
                    return Meaning.of(ComponentKind.LED);
                }
                if (part.startsWith("D_")) {
                    return Meaning.of(ComponentKind.DIODE);
                }
                if (part.startsWith("Q_NPN")) {
                    return new Meaning(ComponentKind.BJT, 'n');
                }
                if (part.startsWith("Q_PNP")) {
                    return new Meaning(ComponentKind.BJT, 'p');
                }
                if (part.startsWith("Q_NMOS")) {
                    return new Meaning(ComponentKind.MOSFET, 'n');
                }
                if (part.startsWith("Q_PMOS")) {
                    return new Meaning(ComponentKind.MOSFET, 'p');
                }
                if (part.startsWith("Q_NJFET")) {
                    return new Meaning(ComponentKind.JFET, 'n');
                }
                if (part.startsWith("Q_PJFET")) {
                    return new Meaning(ComponentKind.JFET, 'p');
                }
                return null;
            }
            case "Simulation_SPICE" -> {
                if (part.startsWith("V")) {
                    return Meaning.of(ComponentKind.VOLTAGE_SOURCE);
                }
                if (part.startsWith("I")) {
                    return Meaning.of(ComponentKind.CURRENT_SOURCE);
                }
                return null;
            }
            case "Transistor_BJT" -> {
                return new Meaning(ComponentKind.BJT, polarityFromText(description));
            }
            case "Transistor_FET" -> {
                String text = (part + " " + (description == null ? "" : description)).toUpperCase(Locale.ROOT);
                ComponentKind kind = text.contains("JFET") ? ComponentKind.JFET : ComponentKind.MOSFET;
                return new Meaning(kind, polarityFromText(description));
            }
            case "Diode" -> {
                return Meaning.of(ComponentKind.DIODE);
            }
            case "LED" -> {
                return Meaning.of(ComponentKind.LED);
            }
            default -> {
                return null;
            }
        }
    }

    /** The polarity a symbol description states ("NPN", "P-Channel MOSFET", "N-JFET"), or {@code '?'}. */
    static char polarityFromText(String description) {
        if (description == null) {
            return '?';
        }
        String d = description.toUpperCase(Locale.ROOT);
        boolean n = d.contains("NPN") || d.contains("N-CHANNEL") || d.contains("N-CH ") || d.contains("N-JFET")
                || d.contains("N-MOS") || d.contains("NMOS");
        boolean p = d.contains("PNP") || d.contains("P-CHANNEL") || d.contains("P-CH ") || d.contains("P-JFET")
                || d.contains("P-MOS") || d.contains("PMOS");
        return n == p ? '?' : n ? 'n' : 'p';
    }

    /**
     * The meaning of a KiCad 7+ {@code Sim.Device} field, or {@code null} when it is not a primitive of ours
     * ({@code XSPICE}, {@code KIBIS}, MESFETs, current-controlled sources whose control is a pin pair).
     *
     * @param type the {@code Sim.Type} field, or {@code null}
     * @param rawType for {@code Sim.Device=SPICE}, the {@code type} entry of {@code Sim.Params}, or {@code null}
     */
    static Meaning fromSimDevice(String device, String type, String rawType) {
        String t = type == null ? "" : type.strip();
        return switch (device.strip().toUpperCase(Locale.ROOT)) {
            case "R" -> Meaning.of(ComponentKind.RESISTOR);
            case "C" -> Meaning.of(ComponentKind.CAPACITOR);
            case "L" -> Meaning.of(ComponentKind.INDUCTOR);
            case "D" -> Meaning.of(ComponentKind.DIODE);
            case "NPN" -> new Meaning(ComponentKind.BJT, 'n');
            case "PNP" -> new Meaning(ComponentKind.BJT, 'p');
            case "NMOS" -> new Meaning(ComponentKind.MOSFET, 'n');
            case "PMOS" -> new Meaning(ComponentKind.MOSFET, 'p');
            case "NJFET" -> new Meaning(ComponentKind.JFET, 'n');
            case "PJFET" -> new Meaning(ComponentKind.JFET, 'p');
            case "V" -> Meaning.of(t.equals("=") ? ComponentKind.BEHAVIORAL_SOURCE : ComponentKind.VOLTAGE_SOURCE);
            case "I" -> Meaning.of(t.equals("=") ? ComponentKind.BEHAVIORAL_SOURCE : ComponentKind.CURRENT_SOURCE);
            case "E" -> Meaning.of(ComponentKind.VCVS);
            case "G" -> Meaning.of(ComponentKind.VCCS);
            case "SW" -> t.equalsIgnoreCase("I") ? null : Meaning.of(ComponentKind.VOLTAGE_SWITCH);
            case "TLINE" -> Meaning.of(ComponentKind.TRANSMISSION_LINE);
            case "SUBCKT" -> Meaning.of(ComponentKind.SUBCIRCUIT);
            case "SPICE" -> rawType == null || rawType.isBlank() ? null : fromSpiceLetter(rawType.strip().charAt(0));
            default -> null;
        };
    }

    /** The meaning of a SPICE element letter (KiCad 6 {@code Spice_Primitive}, raw SPICE {@code type}). */
    static Meaning fromSpiceLetter(char letter) {
        char c = Character.toUpperCase(letter);
        if (c == 'X') {
            return Meaning.of(ComponentKind.SUBCIRCUIT);
        }
        ComponentKind kind = ComponentKind.forSpiceLetter(c);
        return kind == null || kind == ComponentKind.COUPLING ? null : Meaning.of(kind);
    }

    /** The KiCad 7+ {@code Sim.Device} for a primitive, or {@code null} when only raw SPICE can express it. */
    static String simDevice(ComponentKind kind, char polarity) {
        boolean p = polarity == 'p';
        return switch (kind) {
            case RESISTOR -> "R";
            case CAPACITOR -> "C";
            case INDUCTOR -> "L";
            case DIODE, LED -> "D";
            case BJT -> p ? "PNP" : "NPN";
            case MOSFET -> p ? "PMOS" : "NMOS";
            case JFET -> p ? "PJFET" : "NJFET";
            case VOLTAGE_SOURCE -> "V";
            case CURRENT_SOURCE -> "I";
            case VCVS -> "E";
            case VCCS -> "G";
            case SUBCIRCUIT -> "SUBCKT";
            default -> null;
        };
    }

    /**
     * The KiCad symbol that stands for a primitive written from another format.
     *
     * @param pinCount the component's pin count (a four-pin MOSFET gets the symbol with a substrate pin)
     * @param function a source's transient function ({@code sin}, {@code pulse}), or {@code null}
     */
    static LibId symbolFor(ComponentKind kind, char polarity, int pinCount, String function) {
        boolean p = polarity == 'p';
        return switch (kind) {
            case RESISTOR -> new LibId("Device", "R", "Resistor");
            case CAPACITOR -> new LibId("Device", "C", "Unpolarized capacitor");
            case INDUCTOR -> new LibId("Device", "L", "Inductor");
            case DIODE -> new LibId("Device", "D", "Diode");
            case LED -> new LibId("Device", "LED", "Light emitting diode");
            case BJT -> new LibId("Simulation_SPICE", p ? "PNP" : "NPN",
                    p ? "Bipolar transistor, PNP" : "Bipolar transistor, NPN");
            case MOSFET -> new LibId("Simulation_SPICE", (p ? "PMOS" : "NMOS") + (pinCount >= 4 ? "_Substrate" : ""),
                    p ? "P-channel MOSFET" : "N-channel MOSFET");
            case JFET -> new LibId("Simulation_SPICE", p ? "PJFET" : "NJFET", p ? "P-JFET" : "N-JFET");
            case VOLTAGE_SOURCE -> new LibId("Simulation_SPICE", "V" + sourceSuffix(function), "Voltage source");
            case CURRENT_SOURCE -> new LibId("Simulation_SPICE", "I" + sourceSuffix(function), "Current source");
            case VCVS -> new LibId("Simulation_SPICE", "ESOURCE", "Voltage-controlled voltage source");
            case VCCS -> new LibId("Simulation_SPICE", "GSOURCE", "Voltage-controlled current source");
            case CCCS -> new LibId("Kirchhoff", "FSOURCE", "Current-controlled current source");
            case CCVS -> new LibId("Kirchhoff", "HSOURCE", "Current-controlled voltage source");
            case BEHAVIORAL_SOURCE -> new LibId("Kirchhoff", "BSOURCE", "Behavioural source");
            case VOLTAGE_SWITCH -> new LibId("Kirchhoff", "SW", "Voltage-controlled switch");
            case CURRENT_SWITCH -> new LibId("Kirchhoff", "CSW", "Current-controlled switch");
            case TRANSMISSION_LINE -> new LibId("Kirchhoff", "TLINE", "Transmission line");
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static String sourceSuffix(String function) {
        if (function == null) {
            return "DC";
        }
        return switch (function) {
            case "sin" -> "SIN";
            case "pulse" -> "PULSE";
            case "exp" -> "EXP";
            case "pwl" -> "PWL";
            default -> "DC";
        };
    }

    /**
     * The name KiCad's simulation models give the terminal {@code terminal} of {@code kind}, for {@code Sim.Pins}:
     * two-terminal passives and sources use {@code +}/{@code -}, the rest their terminal letters.
     */
    static String modelPin(ComponentKind kind, String terminal) {
        return switch (kind) {
            case RESISTOR, CAPACITOR, INDUCTOR -> terminal.equals("1") ? "+" : terminal.equals("2") ? "-" : terminal;
            case VCVS, VCCS, CCCS, CCVS, BEHAVIORAL_SOURCE, VOLTAGE_SWITCH, CURRENT_SWITCH ->
                    terminal.equals("N+") ? "+" : terminal.equals("N-") ? "-" : terminal;
            default -> terminal;
        };
    }
}
