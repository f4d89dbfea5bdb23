package dev.kirchhoff.schematic.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a component is, when it is a circuit primitive rather than a library part: the SPICE element families, a
 * subcircuit call, or a {@link #PART} whose pins come from a library or the knowledge base.
 *
 * <p>Each primitive knows its terminals in SPICE order (MOSFET D G S B, BJT C B E, diode A K) and its standard pin
 * numbers, which follow KiCad's symbols so that a netlist sent to a PCB tool lands on the right pads (a diode's pin 1
 * is its cathode, as in {@code Device:D}). Writers order nodes by terminal name, so a component read from KiCad with
 * pins numbered G=1 D=2 S=3 is still written to SPICE as D G S.
 */
public enum ComponentKind {
    RESISTOR('R', "resistor", terminals("1", "1", "2", "2")),
    CAPACITOR('C', "capacitor", terminals("1", "1", "2", "2")),
    INDUCTOR('L', "inductor", terminals("1", "1", "2", "2")),
    DIODE('D', "diode", terminals("2", "A", "1", "K")),
    LED('D', "LED", terminals("2", "A", "1", "K")),
    BJT('Q', "bipolar transistor", terminals("1", "C", "2", "B", "3", "E")),
    MOSFET('M', "MOSFET", terminals("1", "D", "2", "G", "3", "S", "4", "B")),
    JFET('J', "JFET", terminals("1", "D", "2", "G", "3", "S")),
    VOLTAGE_SOURCE('V', "voltage source", terminals("1", "+", "2", "-")),
    CURRENT_SOURCE('I', "current source", terminals("1", "+", "2", "-")),
    VCVS('E', "voltage-controlled voltage source", terminals("1", "N+", "2", "N-", "3", "C+", "4", "C-")),
    CCCS('F', "current-controlled current source", terminals("1", "N+", "2", "N-")),
    VCCS('G', "voltage-controlled current source", terminals("1", "N+", "2", "N-", "3", "C+", "4", "C-")),
    CCVS('H', "current-controlled voltage source", terminals("1", "N+", "2", "N-")),
    BEHAVIORAL_SOURCE('B', "behavioural source", terminals("1", "N+", "2", "N-")),
    COUPLING('K', "inductor coupling", List.of()),
    VOLTAGE_SWITCH('S', "voltage-controlled switch", terminals("1", "N+", "2", "N-", "3", "C+", "4", "C-")),
    CURRENT_SWITCH('W', "current-controlled switch", terminals("1", "N+", "2", "N-")),
    TRANSMISSION_LINE('T', "transmission line", terminals("1", "1+", "2", "1-", "3", "2+", "4", "2-")),
    SUBCIRCUIT('X', "subcircuit call", List.of()),
    PART('\0', "part", List.of());

    private final char letter;
    private final String description;
    private final List<Pin> standardPins;
    private final List<String> terminalOrder;

    ComponentKind(char letter, String description, List<Pin> spiceOrderedPins) {
        this.letter = letter;
        this.description = description;
        List<String> order = new ArrayList<>();
        for (Pin p : spiceOrderedPins) {
            order.add(p.name());
        }
        this.terminalOrder = List.copyOf(order);
        List<Pin> byNumber = new ArrayList<>(spiceOrderedPins);
        byNumber.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.number(), b.number()));
        this.standardPins = List.copyOf(byNumber);
    }

    private static List<Pin> terminals(String... numberNamePairs) {
        List<Pin> pins = new ArrayList<>();
        for (int i = 0; i < numberNamePairs.length; i += 2) {
            pins.add(Pin.of(numberNamePairs[i], numberNamePairs[i + 1], PinType.PASSIVE));
        }
        return List.copyOf(pins);
    }

    /** The SPICE element letter, or {@code '\0'} for {@link #PART}. */
    public char spiceLetter() {
        return letter;
    }

    /** A short description for messages ("MOSFET", "voltage source"). */
    public String description() {
        return description;
    }

    /** Whether this is a fixed SPICE primitive (not a subcircuit call or a library part). */
    public boolean isPrimitive() {
        return this != SUBCIRCUIT && this != PART;
    }

    /** Whether this kind names a device model ({@code .model}) rather than carrying a plain value. */
    public boolean needsModel() {
        return this == DIODE || this == LED || this == BJT || this == MOSFET || this == JFET
                || this == VOLTAGE_SWITCH || this == CURRENT_SWITCH;
    }

    /** Whether the main value of this kind is a number with a unit (ohms, farads, henries). */
    public boolean isPassive() {
        return this == RESISTOR || this == CAPACITOR || this == INDUCTOR;
    }

    /** The standard pins, in pin-number order (a diode: 1 = K, 2 = A). Empty for kinds without fixed pins. */
    public List<Pin> standardPins() {
        return standardPins;
    }

    /** Terminal names in SPICE node order (a diode: A, K). */
    public List<String> terminalOrder() {
        return terminalOrder;
    }

    /**
     * The pins of an instance with {@code nodeCount} SPICE nodes, in SPICE node order. Kinds with optional nodes
     * grow: a BJT with a fourth node gets its substrate pin {@code 4:S}, a controlled source with
     * {@code POLY(2)} gets {@code C2+}/{@code C2-}, a subcircuit call gets pins {@code 1..n}.
     */
    public List<Pin> pinsForNodes(int nodeCount) {
        List<Pin> pins = new ArrayList<>(nodeCount);
        List<String> order = terminalOrder;
        for (int i = 0; i < nodeCount; i++) {
            if (i < order.size()) {
                String name = order.get(i);
                pins.add(pinNamed(name));
            } else {
                String number = Integer.toString(i + 1);
                String name = switch (this) {
                    case BJT -> i == 3 ? "S" : i == 4 ? "T" : number;
                    case VCVS, VCCS -> ((i - 2) % 2 == 0 ? "C" + ((i - 2) / 2 + 1) + "+" : "C" + ((i - 2) / 2 + 1) + "-");
                    default -> number;
                };
                pins.add(Pin.of(number, name, PinType.PASSIVE));
            }
        }
        return pins;
    }

    private Pin pinNamed(String name) {
        for (Pin p : standardPins) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException(name);
    }

    /**
     * Whether a pin called {@code pinName} is this kind's terminal {@code terminal}, allowing the names other tools
     * use: {@code drain}, {@code gate}, {@code anode}, Wokwi's LED cathode {@code C}, KiCad's {@code Bulk}.
     */
    public boolean isTerminal(String terminal, String pinName) {
        if (pinName.equalsIgnoreCase(terminal)) {
            return true;
        }
        String n = pinName.toLowerCase(Locale.ROOT);
        return switch (this) {
            case MOSFET, JFET -> switch (terminal) {
                case "D" -> n.equals("drain");
                case "G" -> n.equals("gate");
                case "S" -> n.equals("source");
                case "B" -> n.equals("bulk") || n.equals("body") || n.equals("substrate") || n.equals("sub");
                default -> false;
            };
            case BJT -> switch (terminal) {
                case "C" -> n.equals("collector");
                case "B" -> n.equals("base");
                case "E" -> n.equals("emitter");
                case "S" -> n.equals("substrate") || n.equals("sub");
                default -> false;
            };
            case DIODE, LED -> switch (terminal) {
                case "A" -> n.equals("anode") || n.equals("+") || n.equals("pos");
                case "K" -> n.equals("cathode") || n.equals("c") || n.equals("-") || n.equals("neg");
                default -> false;
            };
            case VOLTAGE_SOURCE, CURRENT_SOURCE -> switch (terminal) {
                case "+" -> n.equals("p") || n.equals("pos") || n.equals("positive") || n.equals("n+");
                case "-" -> n.equals("n") || n.equals("neg") || n.equals("negative") || n.equals("n-");
                default -> false;
            };
            case RESISTOR, CAPACITOR, INDUCTOR -> switch (terminal) {
                case "1" -> n.equals("pin1") || n.equals("p") || n.equals("+") || n.equals("a");
                case "2" -> n.equals("pin2") || n.equals("n") || n.equals("-") || n.equals("b");
                default -> false;
            };
            default -> false;
        };
    }

    /** The kind whose SPICE element letter is {@code letter} (upper or lower case), or {@code null}. */
    public static ComponentKind forSpiceLetter(char letter) {
        char c = Character.toUpperCase(letter);
        for (ComponentKind k : values()) {
            if (k.letter == c && k != LED) {
                return k;
            }
        }
        return null;
    }
}
