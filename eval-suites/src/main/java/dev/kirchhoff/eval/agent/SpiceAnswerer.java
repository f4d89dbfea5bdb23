package dev.kirchhoff.eval.agent;

import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import dev.kirchhoff.validation.simulation.NgspiceRun;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers numeric questions about a netlist by simulating it in ngspice: an operating point for voltages, currents
 * and power, a one-frequency AC analysis for gains. The item's own analysis commands are replaced by the ones the
 * question needs. Thread-safe (each call runs its own ngspice process).
 */
final class SpiceAnswerer {
    private static final String BEGIN = "KIRCHHOFF-EVAL-BEGIN";
    private static final String END = "KIRCHHOFF-EVAL-END";
    private static final Pattern PRINTED = Pattern.compile("^\\s*(\\S+)\\s+=\\s+(\\S+)\\s*$");
    private static final Pattern ANALYSIS = Pattern.compile(
            "(?i)^\\.(op|ac|dc|tran|noise|tf|disto|pz|sens|print|plot|probe|save|meas|measure|four|end|include"
                    + "|lib)\\b.*");

    private final Ngspice ngspice;

    SpiceAnswerer(Ngspice ngspice) {
        this.ngspice = ngspice;
    }

    /** A numeric answer with its unit and the analysis that gave it. */
    record Answer(double value, String unit, String quantity, String analysis) {
        String text() {
            return quantity + " = " + format(value) + (unit.isEmpty() ? "" : " " + unit);
        }
    }

    Answer answer(String netlist, Asked asked, NetlistNames names) throws NgspiceException {
        if (asked instanceof Asked.Gain gain) {
            return gain(netlist, gain, names);
        }
        String probe;
        String quantity;
        String unit;
        if (asked instanceof Asked.Measured measured) {
            probe = measured.expression();
            quantity = measured.name();
            unit = measured.unit();
        } else if (asked instanceof Asked.NodeVoltage v) {
            probe = "v(" + v.node() + ")";
            quantity = "V(" + v.node() + ")";
            unit = "V";
        } else if (asked instanceof Asked.ElementVoltage v) {
            var pins = names.elements().get(v.element());
            probe = voltage(pins.get(0), pins.get(1));
            quantity = "V(" + v.element() + ")";
            unit = "V";
        } else if (asked instanceof Asked.Current c) {
            probe = current(c.element());
            quantity = "I(" + c.element() + ")";
            unit = "A";
        } else if (asked instanceof Asked.Power p) {
            char kind = Character.toLowerCase(p.element().charAt(0));
            if (kind == 'r') {
                probe = "@" + p.element().toLowerCase(Locale.ROOT) + "[p]";
            } else {
                var pins = names.elements().get(p.element());
                probe = "(" + voltage(pins.get(0), pins.get(1)) + ")*" + current(p.element());
            }
            quantity = "P(" + p.element() + ")";
            unit = "W";
        } else {
            throw new IllegalArgumentException("not a numeric question: " + asked);
        }
        String deck = body(netlist) + ".control\nop\nlet kirchhoff_answer = " + probe + "\necho " + BEGIN
                + "\nprint kirchhoff_answer\necho " + END + "\n.endc\n.end\n";
        return new Answer(value(run(deck)), unit, quantity, "ngspice operating point");
    }

    private Answer gain(String netlist, Asked.Gain gain, NetlistNames names) throws NgspiceException {
        String body = withAcStimulus(body(netlist), gain.input());
        List<String> pins = names.elements().get(gain.output());
        String probe = pins != null ? voltage(pins.get(0), pins.get(1)) : "v(" + gain.output() + ")";
        String f = format(gain.hertz());
        String deck = body + ".control\nac lin 1 " + f + " " + f + "\nlet kirchhoff_answer = "
                + (gain.decibels() ? "db(" + probe + ")" : "mag(" + probe + ")") + "\necho " + BEGIN
                + "\nprint kirchhoff_answer\necho " + END + "\n.endc\n.end\n";
        double value = value(run(deck));
        return new Answer(value, gain.decibels() ? "dB" : "V/V",
                "|H(j2π·" + f + " Hz)| from " + gain.input() + " to " + gain.output(),
                "ngspice AC analysis at " + f + " Hz");
    }

    /** The netlist without its control blocks and analysis commands, ending with a newline. */
    static String body(String netlist) {
        StringBuilder out = new StringBuilder();
        for (String line : NetlistNames.circuitLines(netlist)) {
            if (!ANALYSIS.matcher(line.strip()).matches()) {
                out.append(line).append('\n');
            }
        }
        String text = out.toString();
        // ngspice reads the first line as the title: make sure an element is never swallowed as one
        String firstLine = text.lines().findFirst().orElse("");
        return NetlistNames.looksLikeElement(firstLine) ? "* kirchhoff-agent\n" + text : text;
    }

    /** The netlist with {@code AC 1} on the input source when it has no AC value. */
    static String withAcStimulus(String body, String source) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            String[] t = line.strip().split("\\s+");
            boolean hasAc = line.toLowerCase(Locale.ROOT).matches(".*\\bac\\b.*");
            if (t.length >= 3 && t[0].equalsIgnoreCase(source) && !hasAc) {
                line = line + " AC 1";
            }
            out.append(line).append('\n');
        }
        return out.toString().replaceAll("\n+$", "\n");
    }

    /** The voltage from {@code plus} to {@code minus}; ngspice prints nothing for {@code v(a,0)}, so ground is left out. */
    static String voltage(String plus, String minus) {
        boolean plusGround = isGround(plus);
        boolean minusGround = isGround(minus);
        if (minusGround) {
            return plusGround ? "0" : "v(" + plus + ")";
        }
        return plusGround ? "-v(" + minus + ")" : "v(" + plus + ")-v(" + minus + ")";
    }

    private static boolean isGround(String node) {
        return node.equals("0") || node.equalsIgnoreCase("gnd");
    }

    private static String current(String element) {
        char kind = Character.toLowerCase(element.charAt(0));
        String name = element.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case 'v', 'l', 'e', 'h' -> name + "#branch";
            case 'd', 'm', 'j' -> "@" + name + "[id]";
            case 'q' -> "@" + name + "[ic]"; // a transistor's current is its collector current
            default -> "@" + name + "[i]";
        };
    }

    private double value(String stdout) throws NgspiceException {
        int begin = stdout.indexOf(BEGIN);
        int end = stdout.indexOf(END, Math.max(begin, 0));
        if (begin < 0 || end < 0) {
            throw new NgspiceException(NgspiceException.Kind.FAILED, "ngspice printed no answer");
        }
        Map<String, String> printed = new HashMap<>();
        for (String line : stdout.substring(begin + BEGIN.length(), end).split("\\R")) {
            Matcher m = PRINTED.matcher(line);
            if (m.matches()) {
                printed.put(m.group(1), m.group(2));
            }
        }
        String text = printed.get("kirchhoff_answer");
        if (text == null) {
            throw new NgspiceException(NgspiceException.Kind.FAILED, "ngspice printed no answer");
        }
        return Double.parseDouble(text.replaceAll(",$", ""));
    }

    private String run(String deck) throws NgspiceException {
        NgspiceRun run = ngspice.run(deck);
        if (!run.stdout().contains(END)) {
            String why = (run.stderr() + "\n" + run.stdout()).lines()
                    .filter(l -> l.toLowerCase(Locale.ROOT).contains("error")).findFirst().orElse("no output");
            throw new NgspiceException(NgspiceException.Kind.FAILED, "ngspice could not simulate the netlist: " + why);
        }
        return run.stdout();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
