package dev.kirchhoff.eval.agent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an analysis question asks for ("Derive the transfer function from V1 to R4", "What is the voltage
 * at node 2?", "the gain in dB at 1 kHz") against the names its netlist has. Stateless and thread-safe.
 */
final class QuestionReader {
    private static final String NAME = "([A-Za-z][A-Za-z0-9_]*|[0-9]+)";
    private static final String VNAME = "(?:V\\s*\\(\\s*" + NAME + "\\s*\\)|V_?\\{?" + NAME + "\\}?|node\\s+" + NAME
            + "|" + NAME + ")";
    private static final Pattern TRANSFER = Pattern.compile(
            "(?i)transfer\\s+function\\s+(?:from\\s+)?" + NAME + "\\s+to\\s+(?:the\\s+)?"
                    + "(?:voltage\\s+(?:across|at)\\s+)?" + VNAME);
    private static final Pattern RATIO = Pattern.compile(
            "(?i)(?:H\\(s\\)|transfer\\s+function)[^=]{0,20}=\\s*" + VNAME + "\\s*(?:\\(s\\))?\\s*/\\s*" + VNAME);
    /** CircuitSense's node questions: "Derive the nodal equation for node 3 ... Vn3(s) = ...". */
    private static final Pattern NODAL = Pattern.compile(
            "(?i)nodal\\s+equation\\s+for\\s+node\\s+" + NAME + "|\\bV_?n_?\\{?" + NAME + "\\}?\\s*\\(s\\)\\s*=");
    /** CircuitSense's branch-current questions: "... the voltage source current iv1 ... iv1(s) = ...". */
    private static final Pattern BRANCH_CURRENT = Pattern.compile(
            "(?i)\\bi_?\\{?([VLCREHF][A-Za-z0-9_]*)\\}?\\s*\\(s\\)\\s*="
                    + "|(?:source|inductor|capacitor|resistor)\\s+current\\s+i_?\\{?([VLCREHF][A-Za-z0-9_]*)");
    private static final Pattern FREQUENCY = Pattern.compile(
            "(?i)(?:at|@)\\s*(?:f\\s*=\\s*)?([0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)\\s*(k|meg|m|g)?\\s*hz");
    private static final Pattern GAIN = Pattern.compile("(?i)\\b(gain|magnitude|amplitude|attenuation)\\b");
    private static final Pattern AT_NODE = Pattern.compile(
            "(?i)(?:voltage|potential)\\s+(?:at|of|on)\\s+(?:the\\s+)?node\\s+" + NAME
                    + "|\\bV\\s*\\(\\s*" + NAME + "\\s*\\)|node\\s+" + NAME + "\\s+voltage|voltage\\s+V_?\\{?" + NAME
                    + "|voltage\\b[^.?]*?\\(?(?:from\\s+)?node\\s+" + NAME + "\\s+to\\s+(?:ground|gnd|0)\\b");
    private static final Pattern ACROSS = Pattern.compile("(?i)voltage\\s+(?:drop\\s+)?(?:[A-Za-z][A-Za-z0-9_]*\\s+)?"
            + "across\\s+(?:the\\s+)?(?:resistor\\s+|capacitor\\s+|inductor\\s+)?" + NAME);
    private static final Pattern CURRENT = Pattern.compile("(?i)current\\s+(?:[A-Za-z][A-Za-z0-9_]*\\s+)?"
            + "(?:through|in|of|into|flowing\\s+through)\\s+(?:the\\s+)?"
            + "(?:resistor\\s+|capacitor\\s+|inductor\\s+|source\\s+)?" + NAME);
    private static final Pattern POWER = Pattern.compile("(?i)power\\s+(?:is\\s+|being\\s+)?"
            + "(?:(?:dissipated|consumed|delivered|absorbed)\\s+)?(?:in|by|of|to)\\s+(?:the\\s+)?"
            + "(?:resistor\\s+)?" + NAME);

    /** A gain or ratio asked without naming nodes: "the voltage gain", "Vout/Vin", "the transfer function". */
    private static final Pattern UNNAMED_GAIN = Pattern.compile(
            "(?i)\\b(?:voltage\\s+)?gain\\b|transfer\\s+function|\\bV_?\\{?out\\}?\\s*(?:\\(s\\))?\\s*/\\s*V_?\\{?in\\b");
    /** The output voltage asked without naming its node. */
    private static final Pattern UNNAMED_OUTPUT = Pattern.compile("(?i)output\\s+voltage|\\bV_?\\{?out\\}?\\b");

    private QuestionReader() {
    }

    /** What {@code question} asks of the circuit in {@code names}, or empty when it cannot tell. */
    static Optional<Asked> read(String question, NetlistNames names) {
        Matcher m = TRANSFER.matcher(question);
        // a question that names its endpoints is never answered about others
        boolean named = m.find() || RATIO.matcher(question).find();
        m.reset();
        if (m.find()) {
            Optional<String> in = input(m.group(1), names);
            Optional<String> out = output(first(m, 2), names);
            if (in.isPresent() && out.isPresent()) {
                return Optional.of(new Asked.Transfer(in.get(), out.get()));
            }
        }
        m = RATIO.matcher(question);
        if (m.find()) {
            Optional<String> out = output(first(m, 1), names);
            Optional<String> in = input(first(m, 5), names);
            if (in.isPresent() && out.isPresent()) {
                return Optional.of(new Asked.Transfer(in.get(), out.get()));
            }
        }
        m = NODAL.matcher(question);
        while (m.find()) {
            Optional<String> node = names.node(any(m));
            if (node.isPresent()) {
                return Optional.of(new Asked.NodeVoltage(node.get()));
            }
        }
        m = BRANCH_CURRENT.matcher(question);
        while (m.find()) {
            Optional<String> element = names.element(any(m));
            if (element.isPresent()) {
                return Optional.of(new Asked.Current(element.get()));
            }
        }
        Matcher f = FREQUENCY.matcher(question);
        if (f.find() && GAIN.matcher(question).find()) {
            double hertz = Double.parseDouble(f.group(1)) * multiplier(f.group(2));
            Optional<String> out = outputNamed(question, names);
            List<String> sources = names.sources();
            if (out.isPresent() && sources.size() == 1) {
                boolean db = question.toLowerCase(Locale.ROOT).contains("db");
                return Optional.of(new Asked.Gain(sources.get(0), out.get(), hertz, db));
            }
        }
        for (Map.Entry<String, String> measured : names.measurements().entrySet()) {
            if (Pattern.compile("\\b" + Pattern.quote(measured.getKey()) + "\\b").matcher(question).find()) {
                return Optional.of(new Asked.Measured(measured.getValue(), measured.getKey()));
            }
        }
        m = POWER.matcher(question);
        if (m.find() && names.element(m.group(1)).isPresent()) {
            return Optional.of(new Asked.Power(names.element(m.group(1)).get()));
        }
        m = CURRENT.matcher(question);
        if (m.find() && names.element(m.group(1)).isPresent()) {
            return Optional.of(new Asked.Current(names.element(m.group(1)).get()));
        }
        m = ACROSS.matcher(question);
        if (m.find() && names.element(m.group(1)).isPresent()) {
            return Optional.of(new Asked.ElementVoltage(names.element(m.group(1)).get()));
        }
        m = AT_NODE.matcher(question);
        while (m.find()) {
            Optional<String> node = names.node(any(m));
            if (node.isPresent()) {
                return Optional.of(new Asked.NodeVoltage(node.get()));
            }
        }
        // nothing named: a circuit with one source and a node called out (vout, vo, output) has an obvious output
        Optional<String> out = names.node("out").or(() -> names.node("vout")).or(() -> names.node("vo"))
                .or(() -> names.node("output"));
        List<String> sources = names.sources();
        if (!named && out.isPresent() && sources.size() == 1) {
            if (UNNAMED_GAIN.matcher(question).find()) {
                return Optional.of(new Asked.Transfer(sources.get(0), out.get()));
            }
            if (UNNAMED_OUTPUT.matcher(question).find()) {
                return Optional.of(new Asked.NodeVoltage(out.get()));
            }
        }
        return Optional.empty();
    }

    /** The output a gain question names: an element it measures across, or a node. */
    private static Optional<String> outputNamed(String question, NetlistNames names) {
        Matcher m = ACROSS.matcher(question);
        if (m.find() && names.element(m.group(1)).isPresent()) {
            return names.element(m.group(1));
        }
        m = AT_NODE.matcher(question);
        while (m.find()) {
            Optional<String> node = names.node(any(m));
            if (node.isPresent()) {
                return node;
            }
        }
        return names.node("out").or(() -> names.node("vout"));
    }

    /** An input named as a source, or as the node a source drives. */
    private static Optional<String> input(String word, NetlistNames names) {
        Optional<String> element = names.element(word);
        if (element.isPresent() && "VI".indexOf(Character.toUpperCase(element.get().charAt(0))) >= 0) {
            return element;
        }
        return names.node(word).flatMap(names::sourceAt);
    }

    /** An output named as an element (the voltage across it) or a node (its voltage to ground). */
    private static Optional<String> output(String word, NetlistNames names) {
        if (word == null) {
            return Optional.empty();
        }
        return names.element(word).or(() -> names.node(word));
    }

    /** The first non-null group from {@code from} on (alternatives of one name). */
    private static String first(Matcher m, int from) {
        for (int g = from; g <= Math.min(m.groupCount(), from + 3); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /** The first group that matched, of all the alternatives. */
    private static String any(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    private static double multiplier(String prefix) {
        if (prefix == null) {
            return 1;
        }
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "k" -> 1e3;
            case "meg" -> 1e6;
            case "g" -> 1e9;
            case "m" -> prefix.equals("M") ? 1e6 : 1e-3;
            default -> 1;
        };
    }
}
