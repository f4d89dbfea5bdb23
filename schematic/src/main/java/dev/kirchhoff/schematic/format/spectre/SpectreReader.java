package dev.kirchhoff.schematic.format.spectre;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.spectre.SpectreTokens.Kind;
import dev.kirchhoff.schematic.format.spectre.SpectreTokens.Token;
import dev.kirchhoff.schematic.format.spice.SpiceSections;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Directive;
import dev.kirchhoff.schematic.model.Include;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Spectre netlist into a {@link Circuit}. One instance per read; not thread-safe.
 *
 * <p>Handles {@code //} and {@code *} comments, {@code \} continuations and escapes, {@code subckt}/{@code ends}
 * hierarchy, {@code parameters}, {@code model}, {@code include}, {@code global}, analyses kept as directives, and
 * {@code simulator lang=spice} sections, which are read with SPICE rules into the same circuit. Parameter
 * expressions are kept verbatim. Duplicate instance names (common in hand-assembled netlists) are renamed and
 * reported.
 */
final class SpectreReader {

    private static final Set<String> ANALYSES = Set.of("dc", "ac", "tran", "noise", "xf", "sp", "stb", "pss", "pac",
            "pnoise", "pxf", "psp", "pstb", "qpss", "qpac", "qpnoise", "qpxf", "qpsp", "hb", "hbac", "hbnoise", "hbxf",
            "hbsp", "hbstb", "envlp", "pz", "sens", "sweep", "montecarlo", "info", "options", "set", "shell", "alter",
            "altergroup", "check", "checklimit", "reliability", "dcmatch", "acmatch", "lf", "fourier", "assert");
    private static final Set<String> KEYWORD_STATEMENTS = Set.of("save", "ic", "nodeset", "library", "endlibrary",
            "section", "endsection", "ahdl_include", "real", "function", "statistics", "paramset", "checklimit",
            "export", "hdl_include", "vec_include", "config", "param_limits");

    private final Source source;
    private final String file;
    private final Notices notices;
    private final Map<String, List<String>> subcircuitPorts = new HashMap<>();
    private final Map<String, String> modelTypes = new HashMap<>();
    private final Set<String> parameterNames = new HashSet<>();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Map<ComponentKind, List<List<Pin>>> pinCache = new EnumMap<>(ComponentKind.class);
    private boolean sawSpectreLang;
    private int commentLines;
    private final dev.kirchhoff.schematic.format.Tally guessed = new dev.kirchhoff.schematic.format.Tally();
    private final dev.kirchhoff.schematic.format.Tally external = new dev.kirchhoff.schematic.format.Tally();

    private static final class Scope {
        final Circuit.Builder builder;
        final String name;
        final List<String> ports;
        final List<Parameter> parameters = new ArrayList<>();
        final int line;
        final Set<String> instances = new HashSet<>();

        Scope(Circuit.Builder builder, String name, List<String> ports, int line) {
            this.builder = builder;
            this.name = name;
            this.ports = ports;
            this.line = line;
        }
    }

    /** One logical statement with its map back to file lines and columns. */
    private static final class Stmt implements SpectreTokens.Locator {
        final String text;
        final int line;
        final int[] offsets;
        final int[] lines;
        final int[] columns;

        Stmt(String text, int line, int[] offsets, int[] lines, int[] columns) {
            this.text = text;
            this.line = line;
            this.offsets = offsets;
            this.lines = lines;
            this.columns = columns;
        }

        private int segment(int pos) {
            int s = 0;
            for (int i = 0; i < offsets.length; i++) {
                if (offsets[i] <= pos) {
                    s = i;
                }
            }
            return s;
        }

        @Override
        public int line(int pos) {
            return lines[segment(pos)];
        }

        @Override
        public int column(int pos) {
            int s = segment(pos);
            return columns[s] + pos - offsets[s];
        }
    }

    SpectreReader(Source source, Notices notices) {
        this.source = source;
        this.file = source.name();
        this.notices = notices;
    }

    Circuit read() throws ParseException {
        if (source.text().isBlank()) {
            throw new ParseException(file, 0, 0, "the file is empty", "give a Spectre netlist");
        }
        walk(true);
        scopes.push(new Scope(Circuit.builder(Math.max(16, source.text().length() / 40)), null, List.of(), 0));
        walk(false);
        if (scopes.size() > 1) {
            Scope open = scopes.peek();
            throw new ParseException(file, open.line, 1, "subcircuit '" + open.name + "' is never closed",
                    "add 'ends " + open.name + "' after its last line");
        }
        if (commentLines > 0) {
            notices.info(0, commentLines + " comment line(s) are not carried into the output");
        }
        guessed.report(notices, "instances use a model defined in another file and were read as the device their "
                + "name's first letter says (M MOSFET, Q BJT, D diode)", null, false);
        external.report(notices, "instances call a subcircuit not defined in this file", null, false);
        return scopes.pop().builder.build();
    }

    // ---------------------------------------------------------------------------------------------------------

    private void walk(boolean prescan) throws ParseException {
        String text = source.text();
        int n = text.length();
        int pos = 0;
        int lineNo = 0;
        boolean spice = false;
        StringBuilder spiceText = null;
        int spiceStart = 0;
        StringBuilder joined = new StringBuilder();
        List<int[]> segments = new ArrayList<>();
        int braceDepth = 0;
        int startLine = 0;
        commentLines = 0;
        while (pos < n) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                nl = n;
            }
            int end = nl > pos && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            String raw = text.substring(pos, end);
            pos = nl + 1;
            lineNo++;
            String stripped = raw.strip();
            if (spice) {
                if (isLangSwitch(stripped)) {
                    if (!langIsSpice(stripped)) {
                        if (!prescan) {
                            readSpiceSection(spiceText.toString(), spiceStart);
                        } else {
                            prescanSpice(spiceText.toString());
                        }
                        spice = false;
                    }
                    continue;
                }
                spiceText.append(raw).append('\n');
                continue;
            }
            if (joined.length() == 0) {
                if (stripped.isEmpty()) {
                    continue;
                }
                if (stripped.startsWith("//") || stripped.startsWith("*")) {
                    commentLines++;
                    continue;
                }
                if (isLangSwitch(stripped)) {
                    if (langIsSpice(stripped)) {
                        spice = true;
                        spiceText = new StringBuilder();
                        spiceStart = lineNo + 1;
                    } else {
                        sawSpectreLang = true;
                    }
                    continue;
                }
            }
            String content = stripComment(raw);
            int lead = 0;
            while (lead < content.length() && content.charAt(lead) <= ' ') {
                lead++;
            }
            String body = content.substring(lead);
            boolean continues = body.endsWith("\\") && !body.endsWith("\\\\");
            if (continues) {
                body = body.substring(0, body.length() - 1);
            }
            if (joined.length() == 0) {
                startLine = lineNo;
            } else {
                joined.append(' ');
            }
            segments.add(new int[] {joined.length(), lineNo, lead + 1});
            joined.append(body);
            braceDepth += braces(body);
            if (continues || braceDepth > 0) {
                if (braceDepth > 0) {
                    joined.append('\n');
                }
                continue;
            }
            int[] offsets = new int[segments.size()];
            int[] lines = new int[segments.size()];
            int[] columns = new int[segments.size()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = segments.get(i)[0];
                lines[i] = segments.get(i)[1];
                columns[i] = segments.get(i)[2];
            }
            Stmt st = new Stmt(joined.toString().strip(), startLine, offsets, lines, columns);
            joined.setLength(0);
            segments.clear();
            braceDepth = 0;
            if (!st.text.isEmpty()) {
                statement(st, prescan);
            }
        }
        if (spice) {
            if (prescan) {
                prescanSpice(spiceText.toString());
            } else {
                readSpiceSection(spiceText.toString(), spiceStart);
            }
        }
        if (joined.length() > 0) {
            if (braceDepth > 0) {
                throw new ParseException(file, startLine, 1, "'{' opened here is never closed",
                        "add the closing '}'");
            }
            throw new ParseException(file, startLine, 1, "the last statement ends with a continuation '\\'",
                    "remove the trailing backslash or add the continued line");
        }
    }

    private static int braces(String s) {
        int d = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                d++;
            } else if (!quoted && c == '}') {
                d--;
            }
        }
        return d;
    }

    private static boolean isLangSwitch(String stripped) {
        return stripped.startsWith("simulator") && stripped.contains("lang");
    }

    private static boolean langIsSpice(String stripped) {
        return stripped.replace(" ", "").toLowerCase(Locale.ROOT).contains("lang=spice");
    }

    private static String stripComment(String raw) {
        boolean quoted = false;
        for (int i = 0; i + 1 < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '/' && raw.charAt(i + 1) == '/') {
                return raw.substring(0, i).stripTrailing();
            }
        }
        return raw.stripTrailing();
    }

    private void readSpiceSection(String text, int firstLine) throws ParseException {
        Scope scope = scopes.peek();
        SpiceSections.read(new Source(file, text), firstLine, notices, scope.builder, modelTypes.keySet(),
                subcircuitPorts);
    }

    private void prescanSpice(String text) {
        for (String raw : text.split("\n")) {
            String l = raw.strip();
            String lower = l.toLowerCase(Locale.ROOT);
            String[] w = l.split("\\s+");
            if (lower.startsWith(".model") && w.length >= 3) {
                String type = w[2].contains("(") ? w[2].substring(0, w[2].indexOf('(')) : w[2];
                modelTypes.put(w[1], type.toLowerCase(Locale.ROOT));
            } else if (lower.startsWith(".subckt") && w.length >= 2) {
                List<String> ports = new ArrayList<>();
                for (int i = 2; i < w.length && !w[i].contains("=") && !w[i].equalsIgnoreCase("params:"); i++) {
                    ports.add(w[i]);
                }
                subcircuitPorts.putIfAbsent(w[1], ports);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void statement(Stmt st, boolean prescan) throws ParseException {
        List<Token> tokens = SpectreTokens.split(st.text, st, file);
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        if (first.kind() != Kind.WORD) {
            throw new ParseException(file, st.line(first.pos()), st.column(first.pos()),
                    "a statement cannot start with " + (first.kind() == Kind.GROUP ? "'('" : "a parameter"),
                    "start it with an instance name or a keyword such as subckt, model, parameters");
        }
        String keyword = first.text();
        if (keyword.equals("inline") && tokens.size() > 1 && tokens.get(1).text().equals("subckt")) {
            tokens = tokens.subList(1, tokens.size());
            keyword = "subckt";
        }
        if (prescan) {
            prescanStatement(keyword, tokens);
            return;
        }
        switch (keyword) {
            case "subckt" -> openSubcircuit(st, tokens);
            case "ends" -> closeSubcircuit(st, tokens);
            case "parameters" -> {
                for (Parameter p : pairs(st, tokens, 1, "parameters")) {
                    if (scopes.size() > 1) {
                        scopes.peek().parameters.add(p);
                    } else {
                        scopes.peek().builder.parameter(p);
                    }
                }
            }
            case "model" -> model(st, tokens);
            case "include" -> include(st, tokens);
            case "global" -> {
                for (int i = 1; i < tokens.size(); i++) {
                    if (tokens.get(i).kind() == Kind.WORD) {
                        scopes.peekLast().builder.global(tokens.get(i).text());
                    }
                }
            }
            case "simulator" -> {
                // "simulator lang=spectre" inside a statement context, or other simulator options
                scopes.peek().builder.directive(new Directive(st.text, Directive.Language.SPECTRE, st.line));
            }
            default -> {
                if (KEYWORD_STATEMENTS.contains(keyword)) {
                    scopes.peek().builder.directive(new Directive(st.text, Directive.Language.SPECTRE, st.line));
                    return;
                }
                if (tokens.size() >= 2 && tokens.get(1).kind() == Kind.WORD
                        && ANALYSES.contains(tokens.get(1).text())) {
                    scopes.peek().builder.directive(new Directive(st.text, Directive.Language.SPECTRE, st.line));
                    return;
                }
                instance(st, tokens);
            }
        }
    }

    private void prescanStatement(String keyword, List<Token> tokens) {
        if (keyword.equals("subckt") && tokens.size() > 1) {
            String name = tokens.get(1).text();
            List<String> ports = new ArrayList<>();
            for (int i = 2; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() == Kind.GROUP) {
                    ports.addAll(SpectreTokens.nodes(t.text()));
                } else if (t.kind() == Kind.WORD) {
                    ports.add(t.text());
                }
            }
            subcircuitPorts.putIfAbsent(name, ports);
        } else if (keyword.equals("model") && tokens.size() > 2) {
            modelTypes.put(tokens.get(1).text(), tokens.get(2).text().toLowerCase(Locale.ROOT));
        } else if (keyword.equals("parameters")) {
            for (Token t : tokens) {
                if (t.kind() == Kind.PAIR) {
                    parameterNames.add(t.name());
                }
            }
        }
    }

    private void openSubcircuit(Stmt st, List<Token> tokens) throws ParseException {
        if (tokens.size() < 2 || tokens.get(1).kind() != Kind.WORD) {
            throw new ParseException(file, st.line, 1, "subckt without a name", "write subckt NAME (PORT1 PORT2 …)");
        }
        String name = tokens.get(1).text();
        List<String> ports = new ArrayList<>();
        for (int i = 2; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.GROUP) {
                ports.addAll(SpectreTokens.nodes(t.text()));
            } else if (t.kind() == Kind.WORD) {
                ports.add(t.text());
            } else {
                throw new ParseException(file, st.line(t.pos()), st.column(t.pos()), "unexpected parameter '"
                        + t.name() + "' on the subckt line", "declare defaults with 'parameters' inside the subckt");
            }
        }
        Scope scope = new Scope(Circuit.builder(), name, ports, st.line);
        Set<String> seen = new HashSet<>();
        for (String port : ports) {
            if (!seen.add(port)) {
                throw new ParseException(file, st.line, 1, "port '" + port + "' appears twice in subcircuit '" + name
                        + "'", "give each port its own name");
            }
            scope.builder.net(port);
        }
        scopes.push(scope);
    }

    private void closeSubcircuit(Stmt st, List<Token> tokens) throws ParseException {
        if (scopes.size() == 1) {
            throw new ParseException(file, st.line, 1, "ends without a matching subckt",
                    "remove it, or add 'subckt NAME (PORTS…)' before the subcircuit's lines");
        }
        Scope scope = scopes.pop();
        if (tokens.size() > 1 && !tokens.get(1).text().equals(scope.name)) {
            notices.warn(st.line, "ends " + tokens.get(1).text() + " closes subcircuit '" + scope.name
                    + "' opened at line " + scope.line);
        }
        scopes.peek().builder.subcircuit(new Subcircuit(scope.name, scope.ports, scope.parameters,
                scope.builder.build(), scope.line));
    }

    private void model(Stmt st, List<Token> tokens) throws ParseException {
        if (tokens.size() < 3) {
            throw new ParseException(file, st.line, 1, "model statement without a name and type",
                    "write model NAME TYPE param=value …");
        }
        List<Parameter> params = pairs(st, tokens, 3, "model " + tokens.get(1).text());
        scopes.peek().builder.model(new ModelCard(tokens.get(1).text(), tokens.get(2).text(), params, st.line));
    }

    private void include(Stmt st, List<Token> tokens) throws ParseException {
        if (tokens.size() < 2) {
            throw new ParseException(file, st.line, 1, "include without a file name",
                    "write include \"file.scs\" [section=NAME]");
        }
        String path = tokens.get(1).text();
        if (path.startsWith("\"") && path.endsWith("\"") && path.length() >= 2) {
            path = path.substring(1, path.length() - 1);
        }
        String section = null;
        for (Token t : tokens) {
            if (t.kind() == Kind.PAIR && t.name().equals("section")) {
                section = t.text();
            }
        }
        scopes.peek().builder.include(new Include(path, section, st.line));
    }

    private List<Parameter> pairs(Stmt st, List<Token> tokens, int from, String where) throws ParseException {
        List<Parameter> out = new ArrayList<>();
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.PAIR) {
                throw new ParseException(file, st.line(t.pos()), st.column(t.pos()), "'" + t.text() + "' in " + where
                        + " is not name=value", "write parameters as name=value");
            }
            out.add(new Parameter(t.name(), value(t.text())));
        }
        return out;
    }

    /** A parameter value: numbers, expressions (a declared parameter's name is one), or text such as {@code dc}. */
    private Value value(String text) {
        Value v = ValueSyntax.SPECTRE.parse(text);
        if (v.form() == Value.Form.TEXT && parameterNames.contains(text)) {
            return Value.expression(text, ValueSyntax.SPECTRE);
        }
        if (v.form() == Value.Form.TEXT && !text.startsWith("\"") && !text.startsWith("[")
                && !Character.isLetter(text.charAt(0)) && text.charAt(0) != '_') {
            return Value.expression(text, ValueSyntax.SPECTRE);
        }
        if (v.form() == Value.Form.TEXT && text.startsWith("(")) {
            return Value.expression(text, ValueSyntax.SPECTRE);
        }
        return v;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void instance(Stmt st, List<Token> tokens) throws ParseException {
        Token nameToken = tokens.get(0);
        String name = nameToken.text();
        List<String> nodes;
        String master;
        int paramsFrom;
        if (tokens.size() >= 2 && tokens.get(1).kind() == Kind.GROUP) {
            nodes = SpectreTokens.nodes(tokens.get(1).text());
            if (tokens.size() < 3 || tokens.get(2).kind() != Kind.WORD) {
                throw new ParseException(file, st.line(tokens.get(1).pos()), st.column(tokens.get(1).pos()),
                        "instance " + name + " has no master after its nodes",
                        "write " + name + " (NODES…) MASTER param=value …");
            }
            master = tokens.get(2).text();
            paramsFrom = 3;
        } else {
            int p = 1;
            while (p < tokens.size() && tokens.get(p).kind() == Kind.WORD) {
                p++;
            }
            if (p < 2) {
                throw new ParseException(file, st.line, st.column(0), "'" + name + "' is not a statement Spectre knows",
                        "write an instance as NAME (NODES…) MASTER param=value, or use a keyword such as model, "
                                + "subckt, parameters, include");
            }
            nodes = new ArrayList<>();
            for (int i = 1; i < p - 1; i++) {
                nodes.add(tokens.get(i).text());
            }
            master = tokens.get(p - 1).text();
            paramsFrom = p;
        }
        List<Parameter> params = new ArrayList<>();
        for (int i = paramsFrom; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.PAIR) {
                throw new ParseException(file, st.line(t.pos()), st.column(t.pos()), "unexpected '"
                        + (t.kind() == Kind.GROUP ? "(" + t.text() + ")" : t.text()) + "' after master " + master,
                        "write parameters as name=value after the master");
            }
            params.add(new Parameter(t.name(), value(t.text())));
        }
        Scope scope = scopes.peek();
        String ref = unique(scope, name, st.line);
        ComponentKind kind = kindOf(master);
        if (kind == ComponentKind.SUBCIRCUIT && !subcircuitPorts.containsKey(master)) {
            ComponentKind guess = deviceByName(name, nodes.size());
            if (guess != null) {
                // the model lives in an included file; the instance name says what it is, as it would in SPICE
                kind = guess;
                guessed.add(name + " (" + master + ")", st.line);
            }
        }
        Component.Builder b = Component.builder(ref, kind).line(st.line);
        int[] allowed = nodeRange(kind);
        if (kind != ComponentKind.SUBCIRCUIT && (nodes.size() < allowed[0] || nodes.size() > allowed[1])) {
            throw new ParseException(file, st.line, st.column(0), name + ": " + master + " is a "
                    + kind.description() + " and takes " + (allowed[0] == allowed[1] ? allowed[0]
                    : allowed[0] + " to " + allowed[1]) + " terminals, but " + nodes.size() + " are given",
                    "check the node list of " + name);
        }
        switch (kind) {
            case RESISTOR, CAPACITOR, INDUCTOR -> {
                String valueName = kind == ComponentKind.RESISTOR ? "r" : kind == ComponentKind.CAPACITOR ? "c" : "l";
                Parameter v = take(params, valueName);
                b.value(v == null ? null : v.value());
                if (!isPrimitiveMaster(master)) {
                    b.model(master);
                }
            }
            case VCVS, CCCS -> {
                Parameter g = take(params, "gain");
                b.value(g == null ? null : g.value());
                Parameter probe = take(params, "probe");
                if (probe != null) {
                    b.control(probe.value().text());
                }
            }
            case VCCS -> {
                Parameter g = take(params, "gm");
                b.value(g == null ? null : g.value());
            }
            case CCVS -> {
                Parameter g = take(params, "rm");
                b.value(g == null ? null : g.value());
                Parameter probe = take(params, "probe");
                if (probe != null) {
                    b.control(probe.value().text());
                }
            }
            case COUPLING -> {
                Parameter i1 = take(params, "ind1");
                Parameter i2 = take(params, "ind2");
                Parameter k = take(params, "coupling");
                if (i1 != null) {
                    b.control(i1.value().text());
                }
                if (i2 != null) {
                    b.control(i2.value().text());
                }
                b.value(k == null ? null : k.value());
            }
            case SUBCIRCUIT -> {
                b.model(master);
                if (!subcircuitPorts.containsKey(master)) {
                    external.add(name + " (" + master + ")", st.line);
                }
            }
            case VOLTAGE_SOURCE, CURRENT_SOURCE, BEHAVIORAL_SOURCE, TRANSMISSION_LINE -> {
            }
            default -> b.model(master);
        }
        b.parameters(params);
        if (kind == ComponentKind.SUBCIRCUIT) {
            b.pins(callPins(subcircuitPorts.get(master), nodes.size()));
        } else {
            b.pins(pins(kind, nodes.size()));
        }
        Component component = b.build();
        scope.builder.add(component, nodes.toArray(new String[0]));
    }

    private String unique(Scope scope, String name, int line) {
        if (scope.instances.add(name) && !scope.builder.contains(name)) {
            return name;
        }
        int k = 2;
        String candidate;
        do {
            candidate = name + "_" + k++;
        } while (!scope.instances.add(candidate) || scope.builder.contains(candidate));
        notices.renamedDuplicate(name, candidate, line, "the name is already used"
                + (scope.name == null ? "" : " in subcircuit " + scope.name));
        return candidate;
    }

    /**
     * The device an instance name suggests when its master is defined elsewhere: M (3 or 4 terminals) a MOSFET,
     * Q a bipolar transistor, D (2 terminals) a diode, as in SPICE. J is left alone: on boards it is a connector.
     */
    private static ComponentKind deviceByName(String name, int nodes) {
        return switch (Character.toUpperCase(name.charAt(0))) {
            case 'M' -> nodes >= 3 && nodes <= 4 ? ComponentKind.MOSFET : null;
            case 'Q' -> nodes >= 3 && nodes <= 4 ? ComponentKind.BJT : null;
            case 'D' -> nodes == 2 ? ComponentKind.DIODE : null;
            default -> null;
        };
    }

    private static Parameter take(List<Parameter> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return params.remove(i);
            }
        }
        return null;
    }

    private ComponentKind kindOf(String master) {
        if (subcircuitPorts.containsKey(master)) {
            return ComponentKind.SUBCIRCUIT;
        }
        String modelType = modelTypes.get(master);
        if (modelType != null) {
            ComponentKind k = kindOfModelType(modelType);
            if (k != null) {
                return k;
            }
        }
        ComponentKind builtin = builtin(master.toLowerCase(Locale.ROOT));
        return builtin != null ? builtin : ComponentKind.SUBCIRCUIT;
    }

    private static boolean isPrimitiveMaster(String master) {
        return builtin(master.toLowerCase(Locale.ROOT)) != null;
    }

    /** Spectre's built-in primitives and the analogLib cell names that netlists use as masters. */
    private static ComponentKind builtin(String m) {
        return switch (m) {
            case "resistor", "res", "presistor" -> ComponentKind.RESISTOR;
            case "capacitor", "cap", "pcapacitor" -> ComponentKind.CAPACITOR;
            case "inductor", "ind" -> ComponentKind.INDUCTOR;
            case "diode", "dio" -> ComponentKind.DIODE;
            case "nmos4", "pmos4", "nmos", "pmos", "nmos3", "pmos3", "nch", "pch", "nfet", "pfet" ->
                    ComponentKind.MOSFET;
            case "npn", "pnp", "npn4", "pnp4", "vpnp", "vnpn" -> ComponentKind.BJT;
            case "njfet", "pjfet" -> ComponentKind.JFET;
            case "vsource" -> ComponentKind.VOLTAGE_SOURCE;
            case "isource" -> ComponentKind.CURRENT_SOURCE;
            case "vcvs" -> ComponentKind.VCVS;
            case "vccs" -> ComponentKind.VCCS;
            case "cccs" -> ComponentKind.CCCS;
            case "ccvs" -> ComponentKind.CCVS;
            case "mutual_inductor" -> ComponentKind.COUPLING;
            case "bsource" -> ComponentKind.BEHAVIORAL_SOURCE;
            case "tline" -> ComponentKind.TRANSMISSION_LINE;
            default -> null;
        };
    }

    private static ComponentKind kindOfModelType(String type) {
        return switch (type) {
            case "diode", "d" -> ComponentKind.DIODE;
            case "bjt", "vbic", "hbt", "bht", "mextram", "hicum", "hicum0", "npn", "pnp", "lpnp" -> ComponentKind.BJT;
            case "mos1", "mos2", "mos3", "mos9", "mos11", "bsim3", "bsim3v3", "bsim4", "bsimsoi", "bsimcmg",
                    "bsimbulk", "psp102", "psp103", "psp104", "hisim2", "hisimhv", "ekv", "nmos", "pmos", "vdmos" ->
                    ComponentKind.MOSFET;
            case "jfet", "njf", "pjf" -> ComponentKind.JFET;
            case "resistor", "r", "res" -> ComponentKind.RESISTOR;
            case "capacitor", "c", "cap" -> ComponentKind.CAPACITOR;
            case "inductor", "l", "ind" -> ComponentKind.INDUCTOR;
            default -> null;
        };
    }

    private static int[] nodeRange(ComponentKind kind) {
        return switch (kind) {
            case RESISTOR, CAPACITOR, INDUCTOR, DIODE, LED, VOLTAGE_SOURCE, CURRENT_SOURCE, CCCS, CCVS,
                    BEHAVIORAL_SOURCE -> new int[] {2, 2};
            case BJT -> new int[] {3, 5};
            case MOSFET -> new int[] {3, 7};
            case JFET -> new int[] {3, 3};
            case VCVS, VCCS, TRANSMISSION_LINE -> new int[] {4, 4};
            case COUPLING -> new int[] {0, 0};
            default -> new int[] {0, Integer.MAX_VALUE};
        };
    }

    private List<Pin> pins(ComponentKind kind, int count) {
        List<List<Pin>> byCount = pinCache.computeIfAbsent(kind, k -> new ArrayList<>());
        while (byCount.size() <= count) {
            byCount.add(null);
        }
        List<Pin> pins = byCount.get(count);
        if (pins == null) {
            pins = List.copyOf(kind.pinsForNodes(count));
            byCount.set(count, pins);
        }
        return pins;
    }

    private static List<Pin> callPins(List<String> ports, int count) {
        Pin[] pins = new Pin[count];
        for (int i = 0; i < count; i++) {
            String number = Integer.toString(i + 1);
            pins[i] = Pin.of(number, ports != null && i < ports.size() ? ports.get(i) : number, PinType.PASSIVE);
        }
        return List.of(pins);
    }
}
