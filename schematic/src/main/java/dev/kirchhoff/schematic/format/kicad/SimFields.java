package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.format.SourceSpec;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * KiCad's simulation fields ({@code Sim.Device}, {@code Sim.Type}, {@code Sim.Pins}, {@code Sim.Name},
 * {@code Sim.Params}, KiCad 7 and later): parsing and printing {@code Sim.Params}, and translating independent
 * sources between KiCad's named parameters ({@code dc=5 ac=1}, {@code ampl=1 f=1k}) and SPICE's positional form.
 * Numbers in these fields use KiCad's SI notation ({@code M} is mega), which is {@link ValueSyntax#ENGINEERING}.
 * Stateless.
 */
final class SimFields {

    static final String DEVICE = "Sim.Device";
    static final String TYPE = "Sim.Type";
    static final String PINS = "Sim.Pins";
    static final String NAME = "Sim.Name";
    static final String PARAMS = "Sim.Params";
    static final String LIBRARY = "Sim.Library";

    /** KiCad's source parameter names, in SPICE argument order, by {@code Sim.Type}. */
    private static final Map<String, String[]> SOURCE_ARGUMENTS = Map.of(
            "SIN", new String[] {"dc", "ampl", "f", "td", "theta"},
            "PULSE", new String[] {"y1", "y2", "td", "tr", "tf", "tw", "per"},
            "EXP", new String[] {"y1", "y2", "td1", "tau1", "td2", "tau2"});

    private SimFields() {
    }

    /**
     * Parses {@code name=value} pairs separated by spaces; values may be double-quoted ({@code pwl="0 0 1m 5"}).
     * A word without {@code =} is a flag and maps to {@code null}. Keys keep their spelling; look them up with
     * {@link #get}.
     */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String name = text.substring(start, i);
            if (i >= n || text.charAt(i) != '=') {
                out.put(name, null);
                continue;
            }
            i++;
            String value;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                value = text.substring(i + 1, end);
                i = close < 0 ? n : close + 1;
            } else {
                int vs = i;
                int depth = 0;
                while (i < n && (depth > 0 || !Character.isWhitespace(text.charAt(i)))) {
                    char c = text.charAt(i);
                    if (c == '{' || c == '(') {
                        depth++;
                    } else if ((c == '}' || c == ')') && depth > 0) {
                        depth--;
                    }
                    i++;
                }
                value = text.substring(vs, i);
            }
            out.put(name, value);
        }
        return out;
    }

    /** The value of {@code name} in parsed parameters, ignoring case; {@code null} when absent or a flag. */
    static String get(Map<String, String> params, String name) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Appends {@code name=value} to a {@code Sim.Params} text, quoting values with spaces. */
    static void append(StringBuilder sb, String name, String value) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(name);
        if (value != null) {
            sb.append('=');
            boolean quote = value.isEmpty() || value.indexOf(' ') >= 0 && !(value.startsWith("{")
                    && value.endsWith("}"));
            if (quote) {
                sb.append('"').append(value).append('"');
            } else {
                sb.append(value);
            }
        }
    }

    /** A value as KiCad's SI notation writes it: numbers with SI prefixes, expressions in braces. */
    static String print(Value v) {
        return switch (v.form()) {
            case NUMBER -> ValueSyntax.ENGINEERING.format(v);
            case EXPRESSION -> "{" + ValueSyntax.ENGINEERING.translateExpression(v.text(), v.syntax()) + "}";
            case TEXT -> v.text();
        };
    }

    /** Instance parameters as {@code Sim.Params} text; a flag ({@code off}) is written as its name. */
    static String params(List<Parameter> parameters) {
        StringBuilder sb = new StringBuilder();
        for (Parameter p : parameters) {
            boolean flag = p.value().form() == Value.Form.TEXT && p.value().text().equalsIgnoreCase(p.name());
            append(sb, p.name(), flag ? null : print(p.value()));
        }
        return sb.toString();
    }

    /** A KiCad source model: the {@code Sim.Type} and {@code Sim.Params} fields. */
    record Source(String type, String params) {
    }

    /**
     * The KiCad model for a SPICE source specification, or {@code null} when KiCad's named parameters cannot say
     * it (a DC value together with a transient function, SIN's phase, PULSE's pulse count, AM, SFFM, noise, or
     * anything unparsed); such sources are written as raw SPICE instead.
     */
    static Source toKicad(SourceSpec spec) {
        if (!spec.unknown().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        String type;
        if (spec.function() == null) {
            type = "DC";
            append(sb, "dc", spec.dc() == null ? "0" : print(spec.dc()));
        } else {
            if (spec.dc() != null) {
                return null;
            }
            String f = spec.function();
            if (f.equals("pwl")) {
                type = "PWL";
                StringBuilder points = new StringBuilder();
                for (Value a : spec.arguments()) {
                    points.append(points.length() > 0 ? " " : "").append(print(a));
                }
                append(sb, "pwl", points.toString());
            } else {
                type = f.toUpperCase(Locale.ROOT);
                String[] names = SOURCE_ARGUMENTS.get(type);
                if (names == null || spec.arguments().size() > names.length) {
                    return null;
                }
                for (int i = 0; i < spec.arguments().size(); i++) {
                    append(sb, names[i], print(spec.arguments().get(i)));
                }
            }
        }
        if (spec.acMagnitude() != null) {
            append(sb, "ac", print(spec.acMagnitude()));
            if (spec.acPhase() != null) {
                append(sb, "ph", print(spec.acPhase()));
            }
        }
        return new Source(type, sb.toString());
    }

    /**
     * The SPICE source specification, in {@link ValueSyntax#ENGINEERING} numbers, that KiCad's {@code Sim.Type}
     * and parameters describe; {@code null} for a type this does not translate (noise, random, behavioural).
     */
    static String toSpice(String type, Map<String, String> params) {
        String t = type == null || type.isBlank() ? "DC" : type.strip().toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        switch (t) {
            case "DC" -> {
                String dc = get(params, "dc");
                if (dc == null) {
                    dc = get(params, "y");
                }
                sb.append("DC ").append(dc == null ? "0" : dc);
            }
            case "PWL" -> {
                String points = get(params, "pwl");
                if (points == null) {
                    return null;
                }
                sb.append("PWL(").append(points.strip()).append(')');
            }
            default -> {
                String[] names = SOURCE_ARGUMENTS.get(t);
                if (names == null) {
                    return null;
                }
                int last = -1;
                for (int i = 0; i < names.length; i++) {
                    if (get(params, names[i]) != null) {
                        last = i;
                    }
                }
                sb.append(t).append('(');
                for (int i = 0; i <= last; i++) {
                    String v = get(params, names[i]);
                    sb.append(i > 0 ? " " : "").append(v == null ? "0" : v);
                }
                sb.append(')');
            }
        }
        String ac = get(params, "ac");
        if (ac != null) {
            sb.append(" AC ").append(ac);
            String ph = get(params, "ph");
            if (ph != null) {
                sb.append(' ').append(ph);
            }
        }
        return sb.toString();
    }

    /**
     * What a component's simulation fields described when it was read: kind, value, model, parameters and
     * controls. The writer keeps KiCad's own fields, which may say more than the model holds, for as long as the
     * component still matches this; after an edit it writes fields that describe the new component.
     */
    static String basis(Component c) {
        StringBuilder sb = new StringBuilder(c.kind().name());
        sb.append(" value=").append(c.value() == null ? "" : c.value().text());
        sb.append(" model=").append(c.model() == null ? "" : c.model());
        for (Parameter p : c.parameters()) {
            sb.append(' ').append(p.name()).append('=').append(p.value().text());
        }
        for (String ctl : c.controls()) {
            sb.append(" control=").append(ctl);
        }
        return sb.toString();
    }
}
