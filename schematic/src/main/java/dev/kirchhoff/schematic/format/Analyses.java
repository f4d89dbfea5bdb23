package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Translates the common analyses between SPICE directives and Spectre analysis statements: operating point,
 * DC sweep, AC and transient. Anything else is not translated; callers report it. Stateless.
 */
public final class Analyses {

    private Analyses() {
    }

    /**
     * The Spectre statement for a SPICE directive ({@code .tran 1n 1u} becomes
     * {@code tran tran step=1n stop=1u}), or empty.
     */
    public static Optional<String> spiceToSpectre(String directive, ValueSyntax from) {
        List<String> w = SourceSpec.words(directive.strip());
        if (w.isEmpty()) {
            return Optional.empty();
        }
        String k = w.get(0).toLowerCase(Locale.ROOT);
        try {
            switch (k) {
                case ".op":
                    return Optional.of("dcOp dc");
                case ".tran": {
                    if (w.size() < 3) {
                        return Optional.empty();
                    }
                    StringBuilder sb = new StringBuilder("tran tran step=").append(num(w.get(1), from))
                            .append(" stop=").append(num(w.get(2), from));
                    if (w.size() > 3 && !w.get(3).equalsIgnoreCase("uic")) {
                        sb.append(" start=").append(num(w.get(3), from));
                    }
                    if (w.size() > 4 && !w.get(4).equalsIgnoreCase("uic")) {
                        sb.append(" maxstep=").append(num(w.get(4), from));
                    }
                    if (w.stream().anyMatch(x -> x.equalsIgnoreCase("uic"))) {
                        sb.append(" skipdc=yes");
                    }
                    return Optional.of(sb.toString());
                }
                case ".ac": {
                    if (w.size() != 5) {
                        return Optional.empty();
                    }
                    String sweep = w.get(1).toLowerCase(Locale.ROOT);
                    String kind = switch (sweep) {
                        case "dec" -> "dec";
                        case "oct" -> "oct";
                        case "lin" -> "lin";
                        default -> null;
                    };
                    if (kind == null) {
                        return Optional.empty();
                    }
                    return Optional.of("ac ac start=" + num(w.get(3), from) + " stop=" + num(w.get(4), from) + " "
                            + kind + "=" + num(w.get(2), from));
                }
                case ".dc": {
                    if (w.size() != 5) {
                        return Optional.empty();
                    }
                    return Optional.of("dcSweep dc dev=" + w.get(1) + " param=dc start=" + num(w.get(2), from)
                            + " stop=" + num(w.get(3), from) + " step=" + num(w.get(4), from));
                }
                default:
                    return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The SPICE directive for a Spectre analysis statement ({@code tran tran stop=1u} becomes
     * {@code .tran 1n 1u}), or empty.
     */
    public static Optional<String> spectreToSpice(String statement, ValueSyntax to) {
        List<String> w = SourceSpec.words(statement.strip());
        if (w.size() < 2) {
            return Optional.empty();
        }
        String type = w.get(1);
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 2; i < w.size(); i++) {
            int eq = w.get(i).indexOf('=');
            if (eq > 0) {
                p.put(w.get(i).substring(0, eq), w.get(i).substring(eq + 1));
            }
        }
        try {
            switch (type) {
                case "tran": {
                    String stop = p.get("stop");
                    if (stop == null) {
                        return Optional.empty();
                    }
                    double stopValue = ValueSyntax.SPECTRE.number(stop);
                    // Spectre picks its own step; SPICE needs one: a thousandth of the stop time, exactly
                    String step = p.containsKey("step") ? spice(p.get("step"), to)
                            : Double.isNaN(stopValue) ? null : to.formatMagnitude(
                            new java.math.BigDecimal(Double.toString(stopValue)).movePointLeft(3).doubleValue());
                    if (step == null) {
                        return Optional.empty();
                    }
                    StringBuilder sb = new StringBuilder(".tran ").append(step).append(' ').append(spice(stop, to));
                    if (p.containsKey("start") || p.containsKey("maxstep")) {
                        sb.append(' ').append(p.containsKey("start") ? spice(p.get("start"), to) : "0");
                    }
                    if (p.containsKey("maxstep")) {
                        sb.append(' ').append(spice(p.get("maxstep"), to));
                    }
                    return Optional.of(sb.toString());
                }
                case "ac": {
                    String start = p.get("start");
                    String stop = p.get("stop");
                    if (start == null || stop == null) {
                        return Optional.empty();
                    }
                    for (String kind : new String[] {"dec", "oct", "lin"}) {
                        if (p.containsKey(kind)) {
                            return Optional.of(".ac " + kind + " " + spice(p.get(kind), to) + " "
                                    + spice(start, to) + " " + spice(stop, to));
                        }
                    }
                    return Optional.empty();
                }
                case "dc": {
                    if (!p.containsKey("dev") && !p.containsKey("param") && !p.containsKey("start")) {
                        return Optional.of(".op");
                    }
                    if (p.containsKey("dev") && p.containsKey("start") && p.containsKey("stop")
                            && p.containsKey("step") && "dc".equals(p.getOrDefault("param", "dc"))) {
                        return Optional.of(".dc " + p.get("dev") + " " + spice(p.get("start"), to) + " "
                                + spice(p.get("stop"), to) + " " + spice(p.get("step"), to));
                    }
                    return Optional.empty();
                }
                default:
                    return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String num(String text, ValueSyntax from) {
        Value v = from.parse(text);
        if (v.isNumber()) {
            return ValueSyntax.SPECTRE.format(v);
        }
        if (v.isExpression()) {
            String e = ValueSyntax.SPECTRE.format(v);
            return e.contains(" ") ? "(" + e + ")" : e;
        }
        throw new IllegalArgumentException(text);
    }

    private static String spice(String text, ValueSyntax to) {
        Value v = ValueSyntax.SPECTRE.parse(text);
        if (v.isNumber()) {
            return to.format(v);
        }
        if (v.isExpression()) {
            return "{" + to.format(v) + "}";
        }
        throw new IllegalArgumentException(text);
    }
}
