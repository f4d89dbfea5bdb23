package dev.kirchhoff.schematic.format.spectre;

import dev.kirchhoff.schematic.format.Analyses;
import dev.kirchhoff.schematic.format.ChunkedOutput;
import dev.kirchhoff.schematic.format.GroundNet;
import dev.kirchhoff.schematic.format.ModelTypes;
import dev.kirchhoff.schematic.format.NodeOrder;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.SourceSpec;
import dev.kirchhoff.schematic.format.Tally;
import dev.kirchhoff.schematic.format.spice.SpiceDialect;
import dev.kirchhoff.schematic.format.spice.SpiceWriter;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Directive;
import dev.kirchhoff.schematic.model.Include;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link Circuit} as a Spectre netlist. Names keep their spelling (Spectre is case-sensitive; other
 * characters are escaped with a backslash), values are printed with Spectre's suffixes ({@code M} is mega), and
 * what Spectre's built-in primitives cannot express (POLY sources, behavioural SPICE sources, SPICE-only models) is
 * written in a {@code simulator lang=spice} section and reported. One instance per write; not thread-safe.
 */
final class SpectreWriter {

    private static final ValueSyntax SYNTAX = ValueSyntax.SPECTRE;
    private final Notices notices;
    private StringBuilder line = new StringBuilder(256);
    private final NodeOrder nodeOrder = new NodeOrder();
    private final Tally noValue = new Tally();
    private final Tally noModel = new Tally();
    private final Tally unconnected = new Tally();
    private final Tally viaSpice = new Tally();
    private final Tally parts = new Tally();

    SpectreWriter(Notices notices) {
        this.notices = notices;
    }

    void write(Circuit circuit, Appendable target) throws IOException {
        ChunkedOutput out = new ChunkedOutput(target);
        out.append("// ").append(circuit.title().isBlank() ? "Kirchhoff netlist" : circuit.title().replace('\n', ' '))
                .append('\n');
        out.append("// written by Kirchhoff for Spectre\n");
        out.append("simulator lang=spectre\n");
        List<String> globals = new ArrayList<>();
        globals.add("0");
        for (String g : circuit.globals()) {
            if (!g.equals("0")) {
                globals.add(escape(g, true));
            }
        }
        out.append("global ").append(String.join(" ", globals)).append('\n');
        writeBody(circuit, out, null);
        out.flush();
        noValue.report(notices, "components have no value", "give them values, or convert with --stub-models", true);
        noModel.report(notices, "devices have no model name", "name a model, or convert with --stub-models", true);
        unconnected.report(notices, "pins are unconnected and were given their own nodes",
                "connect them, or expect a floating-node warning from the simulator", true);
        viaSpice.report(notices, "components have no Spectre primitive and are written in a 'simulator lang=spice'"
                + " section", null, true);
        parts.report(notices, "parts have no Spectre primitive and are written as subcircuit instances",
                "define a subckt for each, or include a library that does", true);
    }

    /**
     * The escaped names of one circuit's nets in one array of characters: writing a million instances then reads
     * a few megabytes in cache instead of half a million strings spread over the heap.
     */
    private static final class NetNames {
        final String pool;
        final int[] start;
        final String groundAlias;

        NetNames(Circuit circuit, Subcircuit definition) {
            List<String> names = circuit.netNames();
            start = new int[names.size() + 1];
            groundAlias = GroundNet.alias(circuit, definition);
            StringBuilder sb = new StringBuilder(names.size() * 8);
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                start[i] = sb.length();
                sb.append(n.equals(groundAlias) ? "0" : escape(n, true));
            }
            start[names.size()] = sb.length();
            // one string: appending a piece of it is an array copy, and the names sit together in memory
            pool = sb.toString();
        }

        void append(StringBuilder line, int id) {
            line.append(pool, start[id], start[id + 1]);
        }
    }

    private NetNames netNames;

    private void writeBody(Circuit circuit, ChunkedOutput out, Subcircuit definition) throws IOException {
        NetNames outerNames = netNames;
        netNames = new NetNames(circuit, definition);
        String groundAlias = netNames.groundAlias;
        if (groundAlias != null && definition == null) {
            notices.renamedNet(groundAlias, "0", "it is the ground net; Spectre's ground is node 0");
        }
        String indent = definition == null ? "" : "    ";
        if (definition != null) {
            line.setLength(0);
            line.append("subckt ").append(escape(definition.name(), false));
            for (String port : definition.ports()) {
                line.append(' ').append(escape(port, true));
            }
            emit(out, line);
            if (!definition.parameters().isEmpty()) {
                line.setLength(0);
                line.append(indent).append("parameters");
                appendParameters(definition.parameters(), line);
                emit(out, line);
            }
        }
        for (Include inc : circuit.includes()) {
            out.append(indent).append("include \"").append(inc.path()).append('"');
            if (inc.section() != null) {
                out.append(" section=").append(inc.section());
            }
            out.append('\n');
        }
        if (!circuit.parameters().isEmpty()) {
            line.setLength(0);
            line.append(indent).append("parameters");
            appendParameters(circuit.parameters(), line);
            emit(out, line);
        }
        List<ModelCard> spiceModels = new ArrayList<>();
        for (ModelCard m : circuit.models()) {
            Optional<ModelCard> card = ModelTypes.toSpectre(m);
            if (card.isEmpty()) {
                spiceModels.add(m);
                notices.warn(m.line(), "model " + m.name() + " (SPICE " + m.type() + ") has no Spectre built-in; "
                        + "it is written in a 'simulator lang=spice' section");
                continue;
            }
            line.setLength(0);
            line.append(indent).append("model ").append(escape(card.get().name(), false)).append(' ')
                    .append(card.get().type());
            appendParameters(card.get().parameters(), line);
            emit(out, line);
        }
        for (Subcircuit s : circuit.subcircuits()) {
            writeBody(s.body(), out, s);
        }
        List<Integer> spiceOnly = new ArrayList<>();
        List<Component> components = circuit.components();
        // instance lines are built straight in the output buffer: a million lines, one copy fewer each
        StringBuilder saved = line;
        ChunkedOutput chunked = (ChunkedOutput) out;
        line = chunked.buffer();
        try {
            for (int i = 0; i < components.size(); i++) {
                Component c = components.get(i);
                int mark = line.length();
                line.append(indent);
                if (!instance(circuit, i, c, groundAlias)) {
                    line.setLength(mark);
                    spiceOnly.add(i);
                    viaSpice.add(c.ref(), c.line());
                    continue;
                }
                chunked.endLine();
            }
        } finally {
            line = saved;
        }
        if (!spiceOnly.isEmpty() || !spiceModels.isEmpty()) {
            out.append(indent).append("simulator lang=spice\n");
            SpiceWriter spice = new SpiceWriter(SpiceDialect.NGSPICE, notices);
            for (ModelCard m : spiceModels) {
                StringBuilder sb = new StringBuilder(indent).append(".model ").append(m.name()).append(' ')
                        .append(m.type());
                for (Parameter p : m.parameters()) {
                    sb.append(' ').append(p.name()).append('=').append(ValueSyntax.SPICE.format(p.value()));
                }
                emit(out, sb);
            }
            for (int i : spiceOnly) {
                Component c = components.get(i);
                String[] nodes = nodes(circuit, i, c, groundAlias);
                StringBuilder sb = new StringBuilder(indent);
                spice.element(c, c.ref(), nodes, r -> r, sb);
                emit(out, sb);
            }
            out.append(indent).append("simulator lang=spectre\n");
        }
        for (Directive d : circuit.directives()) {
            if (d.language() == Directive.Language.SPECTRE) {
                out.append(indent).append(d.text()).append('\n');
                continue;
            }
            Optional<String> translated = Analyses.spiceToSpectre(d.text(), ValueSyntax.SPICE);
            if (translated.isPresent()) {
                out.append(indent).append(translated.get()).append('\n');
            } else {
                notices.warn(d.line(), "SPICE directive '" + abbreviate(d.text()) + "' has no Spectre equivalent; "
                        + "it is written as a comment");
                for (String l : d.text().split("\n")) {
                    out.append(indent).append("// ").append(l).append('\n');
                }
            }
        }
        if (definition != null) {
            out.append("ends ").append(escape(definition.name(), false)).append('\n');
        }
        netNames = outerNames;
    }

    /** Appends the instance line for {@code c}; false when Spectre cannot express it natively. */
    private boolean instance(Circuit circuit, int index, Component c, String groundAlias) {
        ComponentKind kind = c.kind();
        Value v = c.value();
        boolean textValue = v != null && v.form() == Value.Form.TEXT;
        switch (kind) {
            case VCVS, VCCS, CCCS, CCVS -> {
                if (textValue || c.controls().size() > 1 || !c.parameters().isEmpty()) {
                    return false;
                }
            }
            case BEHAVIORAL_SOURCE, VOLTAGE_SWITCH, CURRENT_SWITCH, TRANSMISSION_LINE -> {
                return false;
            }
            case COUPLING -> {
                if (c.controls().size() != 2) {
                    return false;
                }
            }
            case VOLTAGE_SOURCE, CURRENT_SOURCE -> {
                if (textValue && !SourceSpec.fromSpice(v.text(), v.syntax()).spectreLoss().isEmpty()) {
                    return false;
                }
            }
            default -> {
            }
        }
        line.append(escape(c.ref(), false));
        if (kind != ComponentKind.COUPLING) {
            line.append(" (");
            appendNodes(circuit, index, c);
            line.append(')');
        }
        switch (kind) {
            case RESISTOR, CAPACITOR, INDUCTOR -> {
                String master = c.model() != null ? escape(c.model(), false)
                        : kind == ComponentKind.RESISTOR ? "resistor" : kind == ComponentKind.CAPACITOR ? "capacitor"
                        : "inductor";
                line.append(' ').append(master);
                if (v != null) {
                    String name = kind == ComponentKind.RESISTOR ? "r" : kind == ComponentKind.CAPACITOR ? "c" : "l";
                    line.append(' ').append(name).append('=').append(value(v));
                } else if (c.model() == null) {
                    noValue.add(c.ref(), c.line());
                }
                appendParameters(c.parameters(), line);
            }
            case DIODE, LED, BJT, MOSFET, JFET -> {
                if (c.model() != null) {
                    line.append(' ').append(escape(c.model(), false));
                } else {
                    noModel.add(c.ref(), c.line());
                    line.append(' ').append(kind == ComponentKind.MOSFET ? "mosfet" : kind == ComponentKind.BJT ? "bjt"
                            : kind == ComponentKind.JFET ? "jfet" : "diode");
                }
                appendParameters(c.parameters(), line);
            }
            case VOLTAGE_SOURCE, CURRENT_SOURCE -> {
                line.append(kind == ComponentKind.VOLTAGE_SOURCE ? " vsource" : " isource");
                if (v != null) {
                    List<Parameter> params = v.isNumber() || v.isExpression()
                            ? List.of(new Parameter("type", Value.text("dc")), new Parameter("dc", v))
                            : SourceSpec.fromSpice(v.text(), v.syntax()).toSpectre();
                    appendParameters(params, line);
                }
                appendParameters(c.parameters(), line);
            }
            case VCVS -> appendControlled(c, "vcvs", "gain");
            case VCCS -> appendControlled(c, "vccs", "gm");
            case CCCS -> appendControlled(c, "cccs", "gain");
            case CCVS -> appendControlled(c, "ccvs", "rm");
            case COUPLING -> {
                line.append(" mutual_inductor ind1=").append(escape(c.controls().get(0), false)).append(" ind2=")
                        .append(escape(c.controls().get(1), false));
                if (v != null) {
                    line.append(" coupling=").append(value(v));
                }
            }
            case SUBCIRCUIT, PART -> {
                String master = c.model();
                if (master == null) {
                    String part = c.part() == null ? "part" : c.part();
                    master = part.substring(part.lastIndexOf(':') + 1);
                    parts.add(c.ref() + " (" + master + ")", c.line());
                }
                line.append(' ').append(escape(master, false));
                appendParameters(c.parameters(), line);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return true;
    }

    private void appendControlled(Component c, String master, String gainName) {
        line.append(' ').append(master);
        if (c.value() != null) {
            line.append(' ').append(gainName).append('=').append(value(c.value()));
        }
        if (!c.controls().isEmpty()) {
            line.append(" probe=").append(escape(c.controls().get(0), false));
        }
    }

    /** Appends the nodes of the component at {@code index} in SPICE/Spectre terminal order. */
    private void appendNodes(Circuit circuit, int index, Component c) {
        int[] order = nodeOrder.of(c);
        for (int k = 0; k < order.length; k++) {
            if (k > 0) {
                line.append(' ');
            }
            int p = order[k];
            int id;
            if (p == NodeOrder.MISSING_BULK) {
                int source = c.terminalIndex("S");
                id = source >= 0 ? circuit.netIdAt(index, source) : -1;
                notices.info(c.line(), c.ref() + " has no bulk pin; its bulk is tied to its source");
            } else {
                id = circuit.netIdAt(index, p);
            }
            if (id < 0) {
                String pin = p >= 0 ? c.pins().get(p).number() : "B";
                unconnected.add(c.ref() + ":" + pin, c.line());
                line.append(escape("nc_" + c.ref() + "_" + pin, true));
            } else {
                netNames.append(line, id);
            }
        }
    }

    private String[] nodes(Circuit circuit, int index, Component c, String groundAlias) {
        int[] order = nodeOrder.of(c);
        String[] nodes = new String[order.length];
        for (int k = 0; k < order.length; k++) {
            int p = order[k];
            String net;
            if (p == NodeOrder.MISSING_BULK) {
                int source = c.terminalIndex("S");
                net = source >= 0 ? circuit.netAt(index, source) : null;
                notices.info(c.line(), c.ref() + " has no bulk pin; its bulk is tied to its source");
            } else {
                net = circuit.netAt(index, p);
            }
            if (net == null) {
                String pin = p >= 0 ? c.pins().get(p).number() : "B";
                unconnected.add(c.ref() + ":" + pin, c.line());
                net = "nc_" + c.ref() + "_" + pin;
            } else if (net.equals(groundAlias)) {
                net = "0";
            }
            nodes[k] = net;
        }
        return nodes;
    }

    private void appendParameters(List<Parameter> params, StringBuilder sb) {
        for (Parameter p : params) {
            if (p.value().form() == Value.Form.TEXT && p.value().text().equalsIgnoreCase(p.name())) {
                if (p.name().equalsIgnoreCase("off")) {
                    sb.append(" region=off");
                } else {
                    notices.warn(0, "flag '" + p.name() + "' has no Spectre equivalent and was left out");
                }
                continue;
            }
            sb.append(' ').append(escape(p.name(), false)).append('=').append(value(p.value()));
        }
    }

    private final Map<Value, String> formatted = new IdentityHashMap<>();

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

    private static String format(Value v) {
        return switch (v.form()) {
            case NUMBER -> SYNTAX.format(v);
            case EXPRESSION -> {
                String e = SYNTAX.format(v);
                yield needsParentheses(e) ? "(" + e + ")" : e;
            }
            case TEXT -> v.text();
        };
    }

    private static boolean needsParentheses(String e) {
        if (e.startsWith("(") && e.endsWith(")")) {
            return false;
        }
        for (int i = 0; i < e.length(); i++) {
            if (e.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            PLAIN[c] = true;
            PLAIN[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            PLAIN[c] = true;
        }
        PLAIN['_'] = true;
    }

    /** A name as Spectre reads it: characters other than letters, digits and {@code _} escaped with {@code \}. */
    static String escape(String name, boolean node) {
        int n = name.length();
        boolean plain = n > 0 && (node || !Character.isDigit(name.charAt(0)));
        for (int i = 0; plain && i < n; i++) {
            char c = name.charAt(i);
            plain = c < 128 && PLAIN[c];
        }
        if (plain) {
            return name;
        }
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '!' && node && i > 0)
                    && !(i == 0 && Character.isDigit(c) && !node);
            if (!ok) {
                if (sb == null) {
                    sb = new StringBuilder(name.length() + 4).append(name, 0, i);
                }
                sb.append('\\').append(c);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? name : sb.toString();
    }

    private static void emit(Appendable out, CharSequence text) throws IOException {
        out.append(text).append('\n');
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 50 ? one : one.substring(0, 47) + "…";
    }
}
