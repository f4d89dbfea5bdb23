package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an independent voltage or current source produces, read from SPICE's positional form
 * ({@code DC 5 AC 1 SIN(0 1 1k)}) or Spectre's parameters ({@code dc=5 mag=1 type=sine ampl=1 freq=1k}) and
 * written to either. Immutable.
 *
 * @param dc the DC value, or {@code null}
 * @param acMagnitude the AC magnitude, or {@code null}
 * @param acPhase the AC phase in degrees, or {@code null}
 * @param function the transient function in lower case ({@code sin}, {@code pulse}, {@code pwl}, {@code exp},
 *     {@code sffm}), or {@code null}
 * @param arguments the function's arguments in SPICE order
 * @param unknown parts that neither form can carry, verbatim; empty when everything was understood
 */
public record SourceSpec(Value dc, Value acMagnitude, Value acPhase, String function, List<Value> arguments,
                         String unknown) {

    private static final String[] SINE = {"sinedc", "ampl", "freq", "delay", "damp", "sinephase"};
    private static final String[] PULSE = {"val0", "val1", "delay", "rise", "fall", "width", "period"};
    private static final String[] EXP = {"val0", "val1", "td1", "tau1", "td2", "tau2"};
    private static final String[] SFFM = {"sinedc", "ampl", "freq", "fmmodindex", "fmmodfreq"};

    public SourceSpec {
        arguments = List.copyOf(arguments);
    }

    /** Reads SPICE's positional source specification, with numbers in {@code syntax}. */
    public static SourceSpec fromSpice(String text, ValueSyntax syntax) {
        List<String> words = words(text);
        Value dc = null;
        Value mag = null;
        Value phase = null;
        String function = null;
        List<Value> args = new ArrayList<>();
        StringBuilder unknown = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String l = w.toLowerCase(Locale.ROOT);
            if (l.equals("dc") && i + 1 < words.size()) {
                dc = syntax.parse(words.get(++i));
            } else if (l.equals("ac")) {
                if (i + 1 < words.size() && isNumberish(words.get(i + 1))) {
                    mag = syntax.parse(words.get(++i));
                    if (i + 1 < words.size() && isNumberish(words.get(i + 1))) {
                        phase = syntax.parse(words.get(++i));
                    }
                } else {
                    mag = syntax.parse("1");
                }
            } else if (l.contains("(") && function == null && isFunction(l.substring(0, l.indexOf('(')).strip())) {
                function = l.substring(0, l.indexOf('(')).strip();
                String inner = w.substring(w.indexOf('(') + 1, w.lastIndexOf(')'));
                for (String a : words(inner)) {
                    args.add(syntax.parse(a));
                }
            } else if (isFunction(l) && i + 1 < words.size() && words.get(i + 1).startsWith("(")) {
                function = l;
                String group = words.get(++i);
                for (String a : words(group.substring(1, group.length() - 1))) {
                    args.add(syntax.parse(a));
                }
            } else if (dc == null && isNumberish(w) && i == 0) {
                dc = syntax.parse(w);
            } else {
                if (unknown.length() > 0) {
                    unknown.append(' ');
                }
                unknown.append(w);
            }
        }
        return new SourceSpec(dc, mag, phase, function, args, unknown.toString());
    }

    /** Reads Spectre {@code vsource}/{@code isource} parameters; parameters it does not know go to {@code rest}. */
    public static SourceSpec fromSpectre(List<Parameter> parameters, List<Parameter> rest) {
        Value dc = null;
        Value mag = null;
        Value phase = null;
        String type = null;
        for (Parameter p : parameters) {
            if (p.name().equals("type")) {
                type = p.value().text().toLowerCase(Locale.ROOT);
            }
        }
        String function = switch (type == null ? "dc" : type) {
            case "sine" -> parameters.stream().anyMatch(p -> p.name().equals("fmmodindex")) ? "sffm" : "sin";
            case "pulse" -> "pulse";
            case "pwl" -> "pwl";
            case "exp" -> "exp";
            default -> null;
        };
        String[] names = function == null ? new String[0] : switch (function) {
            case "sin" -> SINE;
            case "sffm" -> SFFM;
            case "pulse" -> PULSE;
            case "exp" -> EXP;
            default -> new String[0];
        };
        Value[] positional = new Value[names.length];
        List<Value> args = new ArrayList<>();
        for (Parameter p : parameters) {
            String n = p.name();
            if (n.equals("type")) {
                continue;
            }
            if (n.equals("dc")) {
                dc = p.value();
                continue;
            }
            if (n.equals("mag")) {
                mag = p.value();
                continue;
            }
            if (n.equals("phase")) {
                phase = p.value();
                continue;
            }
            int at = indexOf(names, n);
            if (at >= 0) {
                positional[at] = p.value();
                continue;
            }
            if ("pwl".equals(function) && n.equals("wave")) {
                String w = p.value().text();
                String inner = w.startsWith("[") ? w.substring(1, w.length() - 1) : w;
                for (String a : words(inner)) {
                    args.add(ValueSyntax.SPECTRE.parse(a));
                }
                continue;
            }
            rest.add(p);
        }
        int last = positional.length - 1;
        while (last >= 0 && positional[last] == null) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            args.add(positional[i] != null ? positional[i] : ValueSyntax.SPECTRE.parse("0"));
        }
        return new SourceSpec(dc, mag, phase, function, args, "");
    }

    /** SPICE's positional form, numbers printed with {@code syntax}, expressions delimited by {@code open}/{@code close}. */
    public String toSpice(ValueSyntax syntax, String open, String close) {
        StringBuilder sb = new StringBuilder();
        if (dc != null) {
            sb.append("DC ").append(print(dc, syntax, open, close));
        }
        if (acMagnitude != null) {
            sb.append(sb.length() > 0 ? " " : "").append("AC ").append(print(acMagnitude, syntax, open, close));
            if (acPhase != null) {
                sb.append(' ').append(print(acPhase, syntax, open, close));
            }
        }
        if (function != null) {
            sb.append(sb.length() > 0 ? " " : "").append(function.toUpperCase(Locale.ROOT)).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(print(arguments.get(i), syntax, open, close));
            }
            sb.append(')');
        }
        if (!unknown.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(unknown);
        }
        return sb.toString();
    }

    /**
     * Spectre parameters for this source. A SPICE function Spectre's sources cannot express ({@code am},
     * {@code trnoise}) is left in {@link #unknown()}.
     */
    public List<Parameter> toSpectre() {
        List<Parameter> out = new ArrayList<>();
        String type = function == null ? "dc" : switch (function) {
            case "sin", "sffm" -> "sine";
            case "pulse" -> "pulse";
            case "pwl" -> "pwl";
            case "exp" -> "exp";
            default -> null;
        };
        if (type != null) {
            out.add(new Parameter("type", Value.text(type)));
        }
        if (dc != null) {
            out.add(new Parameter("dc", dc));
        }
        if (acMagnitude != null) {
            out.add(new Parameter("mag", acMagnitude));
        }
        if (acPhase != null) {
            out.add(new Parameter("phase", acPhase));
        }
        if (function != null && type != null) {
            if (function.equals("pwl")) {
                StringBuilder wave = new StringBuilder("[");
                for (int i = 0; i < arguments.size(); i++) {
                    if (i > 0) {
                        wave.append(' ');
                    }
                    wave.append(ValueSyntax.SPECTRE.format(arguments.get(i)));
                }
                out.add(new Parameter("wave", Value.text(wave.append(']').toString())));
            } else {
                String[] names = switch (function) {
                    case "sin" -> SINE;
                    case "sffm" -> SFFM;
                    case "pulse" -> PULSE;
                    default -> EXP;
                };
                for (int i = 0; i < arguments.size() && i < names.length; i++) {
                    out.add(new Parameter(names[i], arguments.get(i)));
                }
            }
        }
        return out;
    }

    /** The part of this specification Spectre cannot express, or empty. */
    public String spectreLoss() {
        StringBuilder sb = new StringBuilder(unknown);
        if (function != null && !List.of("sin", "sffm", "pulse", "pwl", "exp").contains(function)) {
            sb.append(sb.length() > 0 ? " " : "").append(function.toUpperCase(Locale.ROOT)).append("(…)");
        }
        return sb.toString();
    }

    private static String print(Value v, ValueSyntax syntax, String open, String close) {
        return v.isExpression() ? open + syntax.format(v) + close : syntax.format(v);
    }

    private static boolean isFunction(String name) {
        return switch (name) {
            case "sin", "pulse", "pwl", "exp", "sffm", "am", "trnoise", "trrandom", "pat" -> true;
            default -> false;
        };
    }

    private static boolean isNumberish(String w) {
        char c = w.charAt(0);
        return Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == '{' || c == '\'';
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whitespace- and comma-separated words, keeping bracketed groups and quotes together. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                if (depth == 0 && c == '(' && cur.length() == 0 && !out.isEmpty() && isFunction(
                        out.get(out.size() - 1).toLowerCase(Locale.ROOT))) {
                    // "sin (0 1 1k)": keep the group as its own word after the function name
                    cur.append(c);
                    depth++;
                    continue;
                }
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            if (depth == 0 && (c <= ' ' || c == ',')) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(c);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
