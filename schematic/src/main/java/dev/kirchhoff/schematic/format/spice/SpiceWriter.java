package dev.kirchhoff.schematic.format.spice;

import dev.kirchhoff.schematic.format.Analyses;
import dev.kirchhoff.schematic.format.ChunkedOutput;
import dev.kirchhoff.schematic.format.GroundNet;
import dev.kirchhoff.schematic.format.ModelTypes;
import dev.kirchhoff.schematic.format.NodeOrder;
import dev.kirchhoff.schematic.format.Names;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.SourceSpec;
import dev.kirchhoff.schematic.format.Tally;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Directive;
import dev.kirchhoff.schematic.model.Include;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes a {@link Circuit} as a SPICE netlist of one dialect. Instance names get the element letter SPICE needs,
 * names that differ only in case are told apart (SPICE ignores case), and ground becomes node {@code 0}; every
 * change is reported. One instance per write; not thread-safe.
 */
public final class SpiceWriter {

    private final SpiceDialect dialect;
    private final ValueSyntax syntax;
    private final Notices notices;
    private final StringBuilder line = new StringBuilder(256);
    private final NodeOrder nodeOrder = new NodeOrder();
    private final Tally noValue = new Tally();
    private final Tally noModel = new Tally();
    private final Tally unconnected = new Tally();
    private final Tally parts = new Tally();

    public SpiceWriter(SpiceDialect dialect, Notices notices) {
        this.dialect = dialect;
        this.syntax = dialect.valueSyntax();
        this.notices = notices;
    }

    /** Writes the whole deck: title, definitions, instances, directives and {@code .end}. */
    public void write(Circuit circuit, Appendable target) throws IOException {
        ChunkedOutput out = new ChunkedOutput(target);
        String title = circuit.title().isBlank() ? "* Kirchhoff netlist" : circuit.title();
        out.append(title.replace('\n', ' ')).append('\n');
        out.append("* written by Kirchhoff for ").append(dialect.description()).append('\n');
        writeBody(circuit, out, null);
        out.append(".end\n");
        out.flush();
        noValue.report(notices, "components have no value", "give them values, or convert with --stub-models "
                + "to fill in defaults", true);
        noModel.report(notices, "devices have no model name", "name a model, or convert with --stub-models", true);
        unconnected.report(notices, "pins are unconnected and were given their own nodes",
                "connect them, or expect a floating-node warning from the simulator", true);
        parts.report(notices, "parts have no SPICE primitive and are written as subcircuit calls",
                "define a .subckt for each, or include a library that does", true);
    }

    private void writeBody(Circuit circuit, Appendable out, Subcircuit definition) throws IOException {
        boolean top = definition == null;
        Names nets = netNames(circuit, top, definition);
        // output name per net number, so each pin costs an array read rather than a map lookup
        String[] outNames = new String[circuit.netNames().size()];
        for (int n = 0; n < outNames.length; n++) {
            outNames[n] = nets.of(circuit.netNames().get(n));
        }
        Names instances = new Names(true, SpiceWriter::legal);
        List<Component> components = circuit.components();
        for (Component c : components) {
            char letter = letterOf(c);
            // hierarchical names (X1.R1, from flattening) get the letter ngspice itself gives them: R.X1.R1
            String wanted = Character.toUpperCase(c.ref().charAt(0)) == letter ? c.ref()
                    : letter + (c.ref().indexOf('.') > 0 ? "." : "") + c.ref();
            String name = instances.assign(c.ref(), wanted);
            if (!name.equals(c.ref())) {
                String reason = Character.toUpperCase(c.ref().charAt(0)) != letter
                        ? "SPICE needs the letter " + letter + " for a " + c.kind().description()
                        : "SPICE names are case-insensitive and must be unique and free of special characters";
                notices.renamedComponent(c.ref(), name, c.line(), reason);
            }
        }
        if (definition != null) {
            line.setLength(0);
            line.append(".subckt ").append(definition.name());
            for (String port : definition.ports()) {
                line.append(' ').append(nets.of(port));
            }
            appendDefinitionParameters(definition.parameters());
            emit(out, line);
        }
        List<String> globals = new ArrayList<>(circuit.globals());
        globals.remove("0");
        if (top && !globals.isEmpty()) {
            line.setLength(0);
            line.append(".global");
            for (String g : globals) {
                line.append(' ').append(nets.of(g));
            }
            emit(out, line);
        }
        for (Include inc : circuit.includes()) {
            if (inc.section() == null) {
                out.append(".include \"").append(inc.path()).append("\"\n");
            } else {
                out.append(".lib \"").append(inc.path()).append("\" ").append(inc.section()).append('\n');
            }
        }
        for (Parameter p : circuit.parameters()) {
            out.append(".param ").append(p.name()).append('=').append(paramValue(p.value())).append('\n');
        }
        for (ModelCard m : circuit.models()) {
            writeModel(m, out);
        }
        for (Subcircuit s : circuit.subcircuits()) {
            writeBody(s.body(), out, s);
        }
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            line.setLength(0);
            element(c, instances.of(c.ref()), nodes(circuit, i, c, nets, outNames, instances), instances::of, line);
            emit(out, line);
        }
        for (Directive d : circuit.directives()) {
            writeDirective(d, out);
        }
        if (top && !circuit.directives().isEmpty() && !notices.netRenames().isEmpty()) {
            notices.warn(0, "directives are copied as written and name nets by their old names; check "
                    + ".print, .save, .ic and .meas lines for the renamed nets " + notices.netRenames());
        }
        if (definition != null) {
            out.append(".ends ").append(definition.name()).append('\n');
        }
    }

    private Names netNames(Circuit circuit, boolean top, Subcircuit definition) {
        Names nets = new Names(true, SpiceWriter::legal);
        nets.claim("0");
        List<String> names = circuit.netNames();
        String groundAlias = GroundNet.alias(circuit, definition);
        boolean hasZero = circuit.netNames().contains("0");
        if (hasZero && dialect.gndIsGround()) {
            // ngspice treats gnd as ground; a separate net called gnd must keep its own name
            nets.claim("gnd");
        }
        for (String n : names) {
            if (n.equals("0")) {
                continue;
            }
            if (n.equals(groundAlias)) {
                nets.alias(n, "0");
                if (top) {
                    notices.renamedNet(n, "0", "it is the ground net; SPICE's ground is node 0");
                } else {
                    notices.warn(definition.line(), "net " + n + " in subcircuit " + definition.name()
                            + " written as ground node 0");
                }
                continue;
            }
            String name = nets.assign(n, n);
            if (!name.equals(n)) {
                String reason = dialect.gndIsGround() && n.equalsIgnoreCase("gnd")
                        ? "ngspice would merge a net called gnd with ground (node 0)"
                        : "SPICE node names are case-insensitive and must be free of special characters";
                if (top) {
                    notices.renamedNet(n, name, reason);
                } else {
                    notices.warn(definition.line(), "net " + n + " in subcircuit " + definition.name()
                            + " renamed to " + name + " (" + reason + ")");
                }
            }
        }
        return nets;
    }

    private String[] nodes(Circuit circuit, int index, Component c, Names nets, String[] outNames,
                           Names instances) {
        int[] order = nodeOrder.of(c);
        String[] nodes = new String[order.length];
        for (int k = 0; k < order.length; k++) {
            int p = order[k];
            int net;
            if (p == NodeOrder.MISSING_BULK) {
                // a MOSFET without a bulk pin: tie the bulk to the source, as three-terminal symbols mean
                int source = c.terminalIndex("S");
                net = source >= 0 ? circuit.netIdAt(index, source) : -1;
                notices.info(c.line(), c.ref() + " has no bulk pin; its bulk is tied to its source in SPICE");
            } else {
                net = circuit.netIdAt(index, p);
            }
            if (net < 0) {
                String pin = p >= 0 ? c.pins().get(p).number() : "B";
                unconnected.add(c.ref() + ":" + pin, c.line());
                String dangling = "nc_" + instances.of(c.ref()) + "_" + pin;
                nodes[k] = nets.assign("\u0000" + dangling, dangling);
            } else {
                nodes[k] = outNames[net];
            }
        }
        return nodes;
    }

    /** Pin indexes in SPICE node order; -2 marks a MOSFET bulk that the component lacks. */
    private static char letterOf(Component c) {
        return c.kind() == ComponentKind.PART ? 'X' : c.kind().spiceLetter();
    }

    /**
     * Appends one element line for {@code c} named {@code ref} with {@code nodes} in SPICE order;
     * {@code names} maps other components' references (controlling sources, coupled inductors).
     */
    public void element(Component c, String ref, String[] nodes, UnaryOperator<String> names, StringBuilder sb) {
        sb.append(ref);
        ComponentKind kind = c.kind();
        boolean poly = c.value() != null && c.value().form() == Value.Form.TEXT
                && c.value().text().toUpperCase(Locale.ROOT).startsWith("POLY(");
        if ((kind == ComponentKind.VCVS || kind == ComponentKind.VCCS) && poly) {
            String text = c.value().text();
            int close = text.indexOf(')');
            sb.append(' ').append(nodes[0]).append(' ').append(nodes[1]).append(' ').append(text, 0, close + 1);
            for (int i = 2; i < nodes.length; i++) {
                sb.append(' ').append(nodes[i]);
            }
            sb.append(' ').append(syntax.translateExpression(text.substring(close + 1).strip(), syntax));
            return;
        }
        for (String node : nodes) {
            sb.append(' ').append(node);
        }
        switch (kind) {
            case RESISTOR, CAPACITOR, INDUCTOR -> {
                if (c.value() != null) {
                    sb.append(' ').append(value(c.value()));
                } else if (c.model() == null) {
                    noValue.add(c.ref(), c.line());
                }
                if (c.model() != null) {
                    sb.append(' ').append(c.model());
                }
                appendParameters(c.parameters(), sb);
            }
            case DIODE, LED, BJT, MOSFET, JFET -> {
                if (c.model() != null) {
                    sb.append(' ').append(c.model());
                } else {
                    noModel.add(c.ref(), c.line());
                }
                appendDeviceParameters(c, sb);
            }
            case VOLTAGE_SOURCE, CURRENT_SOURCE -> {
                if (c.value() != null) {
                    sb.append(' ').append(value(c.value()));
                    appendParameters(c.parameters(), sb);
                } else if (!c.parameters().isEmpty()) {
                    List<Parameter> rest = new ArrayList<>();
                    SourceSpec spec = SourceSpec.fromSpectre(c.parameters(), rest);
                    String text = spec.toSpice(syntax, dialect.expressionOpen(), dialect.expressionClose());
                    if (!text.isEmpty()) {
                        sb.append(' ').append(text);
                    }
                    for (Parameter p : rest) {
                        notices.warn(c.line(), c.ref() + ": source parameter " + p.name()
                                + " has no SPICE equivalent and was left out");
                    }
                }
            }
            case VCVS, VCCS, BEHAVIORAL_SOURCE -> {
                if (c.value() != null) {
                    sb.append(' ').append(value(c.value()));
                }
                appendParameters(c.parameters(), sb);
            }
            case CCCS, CCVS -> {
                if (poly) {
                    String text = c.value().text();
                    int close = text.indexOf(')');
                    sb.append(' ').append(text, 0, close + 1);
                    for (String ctl : c.controls()) {
                        sb.append(' ').append(names.apply(ctl));
                    }
                    sb.append(' ').append(text.substring(close + 1).strip());
                } else {
                    for (String ctl : c.controls()) {
                        sb.append(' ').append(names.apply(ctl));
                    }
                    if (c.value() != null) {
                        sb.append(' ').append(value(c.value()));
                    }
                }
                appendParameters(c.parameters(), sb);
            }
            case COUPLING -> {
                for (String ctl : c.controls()) {
                    sb.append(' ').append(names.apply(ctl));
                }
                if (c.value() != null) {
                    sb.append(' ').append(value(c.value()));
                }
            }
            case VOLTAGE_SWITCH, CURRENT_SWITCH -> {
                for (String ctl : c.controls()) {
                    sb.append(' ').append(names.apply(ctl));
                }
                if (c.model() != null) {
                    sb.append(' ').append(c.model());
                } else {
                    noModel.add(c.ref(), c.line());
                }
                appendDeviceParameters(c, sb);
            }
            case TRANSMISSION_LINE -> {
                if (c.model() != null) {
                    sb.append(' ').append(c.model());
                }
                appendParameters(c.parameters(), sb);
            }
            case SUBCIRCUIT, PART -> {
                String sub = c.model() != null ? c.model() : partName(c);
                if (kind == ComponentKind.PART && c.model() == null) {
                    parts.add(c.ref() + " (" + sub + ")", c.line());
                }
                sb.append(' ').append(sub);
                if (!c.parameters().isEmpty()) {
                    String keyword = dialect.paramsKeyword();
                    if (!keyword.isEmpty()) {
                        sb.append(' ').append(keyword);
                    }
                    appendParameters(c.parameters(), sb);
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private static String partName(Component c) {
        String part = c.part() != null ? c.part() : "part";
        int colon = part.lastIndexOf(':');
        String base = colon >= 0 ? part.substring(colon + 1) : part;
        StringBuilder sb = new StringBuilder();
        for (char ch : base.toCharArray()) {
            sb.append(legal(ch) ? ch : '_');
        }
        return sb.toString();
    }

    private void appendDeviceParameters(Component c, StringBuilder sb) {
        Parameter area = c.parameter("area");
        if (area != null) {
            sb.append(' ').append(value(area.value()));
        }
        for (Parameter p : c.parameters()) {
            if (p == area) {
                continue;
            }
            if (isFlag(p)) {
                sb.append(' ').append(p.name());
            } else {
                sb.append(' ').append(p.name()).append('=').append(paramValue(p.value()));
            }
        }
    }

    private static boolean isFlag(Parameter p) {
        return p.value().form() == Value.Form.TEXT && p.value().text().equalsIgnoreCase(p.name());
    }

    /** Appends a subcircuit definition's default parameters, after the dialect's keyword. */
    private void appendDefinitionParameters(List<Parameter> params) {
        if (params.isEmpty()) {
            return;
        }
        if (!dialect.paramsKeyword().isEmpty()) {
            line.append(' ').append(dialect.paramsKeyword());
        }
        appendParameters(params, line);
    }

    private void appendParameters(List<Parameter> params, StringBuilder sb) {
        for (Parameter p : params) {
            if (isFlag(p)) {
                sb.append(' ').append(p.name());
            } else {
                sb.append(' ').append(p.name()).append('=').append(paramValue(p.value()));
            }
        }
    }

    private final Map<Value, String> formatted = new IdentityHashMap<>();

    /** An element value: numbers with this dialect's suffixes, expressions in its delimiters, text as written. */
    private String value(Value v) {
        String cached = formatted.get(v);
        if (cached == null) {
            cached = format(v);
            if (formatted.size() < 1 << 16) {
                formatted.put(v, cached);
            }
        }
        return cached;
    }

    private String format(Value v) {
        return switch (v.form()) {
            case NUMBER -> syntax.format(v);
            case EXPRESSION -> dialect.expressionOpen() + syntax.format(v) + dialect.expressionClose();
            case TEXT -> syntax.translateExpression(v.text(), v.syntax());
        };
    }

    private String paramValue(Value v) {
        return value(v);
    }

    private void writeModel(ModelCard m, Appendable out) throws IOException {
        int bsim3 = dialect == SpiceDialect.NGSPICE ? 8 : dialect == SpiceDialect.XYCE ? 9 : 49;
        int bsim4 = dialect == SpiceDialect.NGSPICE ? 14 : 54;
        Optional<ModelCard> spice = ModelTypes.toSpice(m, bsim3, bsim4);
        if (spice.isEmpty()) {
            notices.warn(m.line(), "model " + m.name() + " of Spectre type " + m.type()
                    + " has no SPICE equivalent; it is written as a comment");
            out.append("* model ").append(m.name()).append(' ').append(m.type()).append(" (no SPICE equivalent)\n");
            return;
        }
        ModelCard card = spice.get();
        if (card != m) {
            notices.info(m.line(), "model " + m.name() + " (Spectre " + m.type() + ") written as SPICE "
                    + card.type() + "; check the parameter names against your simulator");
        }
        line.setLength(0);
        line.append(".model ").append(card.name()).append(' ').append(card.type());
        if (!card.parameters().isEmpty()) {
            line.append(" (");
            StringBuilder params = new StringBuilder();
            appendParameters(card.parameters(), params);
            line.append(params.toString().strip()).append(')');
        }
        emit(out, line);
    }

    private void writeDirective(Directive d, Appendable out) throws IOException {
        if (d.language() == Directive.Language.SPICE) {
            String keyword = d.text().strip().split("\\s+", 2)[0];
            if (!dialect.knowsDirective(keyword)) {
                notices.warn(d.line(), keyword + " is not a " + dialect.description() + " directive; kept as written");
            }
            out.append(d.text()).append('\n');
            return;
        }
        Optional<String> translated = Analyses.spectreToSpice(d.text(), syntax);
        if (translated.isPresent()) {
            out.append(translated.get()).append('\n');
        } else {
            notices.warn(d.line(), "Spectre statement '" + abbreviate(d.text()) + "' has no SPICE equivalent; "
                    + "it is written as a comment");
            for (String l : d.text().split("\n")) {
                out.append("* ").append(l).append('\n');
            }
        }
    }

    private static void emit(Appendable out, CharSequence text) throws IOException {
        out.append(text).append('\n');
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 50 ? one : one.substring(0, 47) + "…";
    }

    /** Whether SPICE accepts {@code c} in a name ({@code $} and {@code ;} start comments in some dialects). */
    static boolean legal(int c) {
        return c > ' ' && c < 127 && "=(),;{}'\"*$".indexOf(c) < 0;
    }
}
