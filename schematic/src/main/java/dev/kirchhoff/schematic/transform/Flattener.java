package dev.kirchhoff.schematic.transform;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Directive;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands subcircuit calls into their bodies, recursively, so the result has no hierarchy. Inner components are
 * named by their path ({@code X1.R1}), inner nets likewise ({@code X1.mid}); port nets become the caller's nets and
 * ground and global nets stay global. Subcircuit parameters are substituted into the body's expressions, call
 * values overriding defaults. Calls to subcircuits not defined in the circuit are kept and reported. Stateless.
 */
public final class Flattener {

    private static final int MAX_DEPTH = 100;

    private Flattener() {
    }

    /**
     * The flattened circuit.
     *
     * @throws IllegalArgumentException when a subcircuit calls itself, directly or not
     */
    public static Circuit flatten(Circuit circuit, Notices notices) {
        Circuit.Builder out = Circuit.builder(circuit.components().size() * 2);
        out.title(circuit.title());
        circuit.includes().forEach(out::include);
        circuit.parameters().forEach(out::parameter);
        circuit.directives().forEach(out::directive);
        circuit.globals().forEach(out::global);
        Set<String> globals = new HashSet<>();
        globals.add("0");
        for (String g : circuit.globals()) {
            globals.add(g.toLowerCase(Locale.ROOT));
        }
        Map<String, ModelCard> models = new LinkedHashMap<>();
        for (ModelCard m : circuit.models()) {
            models.putIfAbsent(m.name().toLowerCase(Locale.ROOT), m);
        }
        for (String net : circuit.netNames()) {
            out.net(net);
        }
        Context top = new Context(null, circuit, "", Map.of(), Map.of(), 0);
        Expander expander = new Expander(out, notices, globals, models);
        expander.expand(top);
        for (ModelCard m : models.values()) {
            out.model(m);
        }
        if (expander.expanded > 0) {
            notices.info(0, "flattened " + expander.expanded + " subcircuit call(s) into "
                    + out.size() + " components");
        }
        return out.build();
    }

    /** One level of expansion: the circuit whose components are being copied, and how its names map outward. */
    private record Context(Context parent, Circuit circuit, String prefix, Map<String, String> portNets,
                           Map<String, String> bindings, int depth) {

        Subcircuit find(String name) {
            for (Context c = this; c != null; c = c.parent) {
                var s = c.circuit.subcircuit(name);
                if (s.isPresent()) {
                    return s.get();
                }
            }
            return null;
        }
    }

    private static final class Expander {
        private final Circuit.Builder out;
        private final Notices notices;
        private final Set<String> globals;
        private final Map<String, ModelCard> models;
        private final List<String> stack = new ArrayList<>();
        private int expanded;

        Expander(Circuit.Builder out, Notices notices, Set<String> globals, Map<String, ModelCard> models) {
            this.out = out;
            this.notices = notices;
            this.globals = globals;
            this.models = models;
        }

        void expand(Context ctx) {
            Circuit c = ctx.circuit();
            if (ctx.depth() > 0) {
                for (ModelCard m : c.models()) {
                    String key = m.name().toLowerCase(Locale.ROOT);
                    ModelCard existing = models.putIfAbsent(key, m);
                    if (existing != null && !existing.equals(m)) {
                        notices.warn(m.line(), "model " + m.name() + " is defined both inside and outside subcircuit "
                                + "'" + stack.get(stack.size() - 1) + "'; the first definition is used");
                    }
                }
                for (Directive d : c.directives()) {
                    out.directive(d);
                    notices.info(d.line(), "directive inside subcircuit '" + stack.get(stack.size() - 1)
                            + "' moved to the top level");
                }
            }
            for (int i = 0; i < c.components().size(); i++) {
                Component comp = c.components().get(i);
                String[] nodes = c.nodesOf(i);
                String[] mapped = new String[nodes.length];
                for (int k = 0; k < nodes.length; k++) {
                    mapped[k] = nodes[k] == null ? null : net(ctx, nodes[k]);
                }
                Subcircuit def = comp.kind() == ComponentKind.SUBCIRCUIT && comp.model() != null
                        ? ctx.find(comp.model()) : null;
                if (def == null) {
                    if (comp.kind() == ComponentKind.SUBCIRCUIT && ctx.depth() == 0) {
                        notices.warn(comp.line(), comp.ref() + " calls subcircuit '" + comp.model()
                                + "', which is not defined here; the call is kept as it is");
                    }
                    out.add(rename(ctx, comp), mapped);
                    continue;
                }
                if (stack.contains(def.name()) || ctx.depth() >= MAX_DEPTH) {
                    throw new IllegalArgumentException("subcircuit '" + def.name() + "' calls itself (through "
                            + String.join(" → ", stack) + "); such a circuit cannot be flattened");
                }
                Map<String, String> ports = new LinkedHashMap<>();
                String path = ctx.prefix() + comp.ref();
                for (int k = 0; k < def.ports().size(); k++) {
                    String outer = k < mapped.length ? mapped[k] : null;
                    ports.put(def.ports().get(k), outer != null ? outer : path + "." + def.ports().get(k));
                }
                Map<String, String> bindings = new LinkedHashMap<>();
                for (Parameter p : def.parameters()) {
                    bindings.put(p.name().toLowerCase(Locale.ROOT), text(p.value(), ctx.bindings()));
                }
                for (Parameter p : comp.parameters()) {
                    bindings.put(p.name().toLowerCase(Locale.ROOT), text(p.value(), ctx.bindings()));
                }
                for (Parameter p : def.body().parameters()) {
                    bindings.put(p.name().toLowerCase(Locale.ROOT), text(p.value(), bindings));
                }
                stack.add(def.name());
                expanded++;
                expand(new Context(ctx, def.body(), path + ".", ports, bindings, ctx.depth() + 1));
                stack.remove(stack.size() - 1);
            }
        }

        private String net(Context ctx, String net) {
            if (ctx.depth() == 0) {
                return net;
            }
            String port = ctx.portNets().get(net);
            if (port != null) {
                return port;
            }
            if (globals.contains(net.toLowerCase(Locale.ROOT))) {
                return net;
            }
            return ctx.prefix() + net;
        }

        private Component rename(Context ctx, Component comp) {
            if (ctx.depth() == 0) {
                return comp;
            }
            Component.Builder b = Component.builder(ctx.prefix() + comp.ref(), comp.kind())
                    .part(comp.part()).model(comp.model()).pins(comp.pins()).line(comp.line());
            if (comp.value() != null) {
                b.value(substitute(comp.value(), ctx.bindings()));
            }
            for (Parameter p : comp.parameters()) {
                b.parameter(p.name(), substitute(p.value(), ctx.bindings()));
            }
            for (String control : comp.controls()) {
                b.control(ctx.prefix() + control);
            }
            comp.properties().forEach(b::property);
            return b.build();
        }
    }

    /** The value as plain text for substitution: numbers as their magnitude, readable under any syntax. */
    private static String text(Value v, Map<String, String> outer) {
        if (v.isNumber()) {
            return Double.toString(v.magnitude()).replace("E", "e");
        }
        if (v.isExpression()) {
            return replace(v.text(), outer);
        }
        return v.text();
    }

    private static Value substitute(Value v, Map<String, String> bindings) {
        if (!v.isExpression() || bindings.isEmpty()) {
            return v;
        }
        String replaced = replace(v.text(), bindings);
        if (replaced.equals(v.text())) {
            return v;
        }
        double n = ValueSyntax.SPICE.number(replaced);
        if (!Double.isNaN(n) && replaced.matches("[-+0-9.eE]+")) {
            return new Value(replaced, n, Value.Form.NUMBER, v.syntax());
        }
        return Value.expression(replaced, v.syntax());
    }

    private static String replace(String expression, Map<String, String> bindings) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(expression.charAt(j)) || expression.charAt(j) == '_')) {
                    j++;
                }
                String word = expression.substring(i, j);
                boolean call = j < n && expression.charAt(j) == '(';
                String bound = call ? null : bindings.get(word.toLowerCase(Locale.ROOT));
                if (bound != null && !(i > 0 && Character.isDigit(expression.charAt(i - 1)))) {
                    out.append('(').append(bound).append(')');
                } else {
                    out.append(word);
                }
                i = j;
            } else if (Character.isDigit(c) || c == '.') {
                // a number with its suffix letters (1k, 2meg, 1e-9) is not a parameter name
                int j = i;
                while (j < n && (Character.isLetterOrDigit(expression.charAt(j)) || expression.charAt(j) == '.'
                        || (expression.charAt(j) == '-' || expression.charAt(j) == '+')
                        && (expression.charAt(j - 1) == 'e' || expression.charAt(j - 1) == 'E'))) {
                    j++;
                }
                out.append(expression, i, j);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
