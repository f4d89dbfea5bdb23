package dev.kirchhoff.schematic.format.spice;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.internal.DuplicateNames;
import dev.kirchhoff.schematic.internal.NameTable;
import dev.kirchhoff.schematic.internal.StringIntMap;
import dev.kirchhoff.schematic.internal.StringTable;
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
 * Reads one SPICE netlist into a {@link Circuit}. One instance per read; not thread-safe.
 *
 * <p>Follows the simulators' rules: the first line is the title (except in library files such as {@code .lib}),
 * {@code *} starts a comment line, {@code +} continues the previous statement, names are case-insensitive (the
 * first spelling is kept), and everything after {@code .end} is ignored. Duplicate instance names, which every
 * simulator rejects, are renamed and reported.
 */
final class SpiceReader {

    private static final Set<String> LIBRARY_EXTENSIONS =
            Set.of(".lib", ".inc", ".mod", ".sub", ".subckt", ".include", ".model", ".cmp", ".lb");
    private static final Set<String> FLAGS = Set.of("off", "on");
    private static final int CACHE_LIMIT = 1 << 14;

    private final SpiceDialect dialect;
    private final ValueSyntax syntax;
    private final Source source;
    private final String file;
    private final Notices notices;
    private final Tokens tokens = new Tokens();

    private final Set<String> modelNames = new HashSet<>();
    private final StringIntMap modelIndex = new StringIntMap(16, true);
    private final Set<String> paramNames = new HashSet<>();
    private final Map<String, List<String>> subcircuitPorts = new HashMap<>();

    private final StringTable<Value> valueCache = new StringTable<>(CACHE_LIMIT);
    private final StringTable<String> modelCache = new StringTable<>(CACHE_LIMIT);
    private final StringTable<List<Parameter>> parameterCache = new StringTable<>(CACHE_LIMIT);
    private final Map<String, String> stringCache = new HashMap<>();
    private final Map<ComponentKind, List<List<Pin>>> pinCache = new EnumMap<>(ComponentKind.class);
    private final Map<String, List<Pin>> callPinCache = new HashMap<>();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private boolean gndNoticed;
    private boolean ended;
    private int linesAfterEnd;
    private int commentLines;
    private String title = "";
    private int elementLines;

    /** One level of definition: the top level or a .subckt body. */
    private static final class Scope {
        final Circuit.Builder builder;
        final NameTable nodes;
        final StringIntMap instances;
        int ground = -1;
        // case-insensitive hashes of the instance names, in component order, for the duplicate check
        int[] refHashes = new int[64];
        int refCount;

        void addRefHash(int h) {
            if (refCount == refHashes.length) {
                refHashes = java.util.Arrays.copyOf(refHashes, refCount * 2);
            }
            refHashes[refCount++] = h;
        }
        final String name;
        final List<String> ports;
        final List<Parameter> parameters;
        final int line;

        Scope(Circuit.Builder builder, String name, List<String> ports, List<Parameter> parameters, int line,
              boolean ignoreCase) {
            this(builder, name, ports, parameters, line, ignoreCase, 64);
        }

        Scope(Circuit.Builder builder, String name, List<String> ports, List<Parameter> parameters, int line,
              boolean ignoreCase, int expectedNodes) {
            this.builder = builder;
            this.nodes = new NameTable(Math.max(64, expectedNodes), ignoreCase);
            this.instances = new StringIntMap(64, ignoreCase);
            this.name = name;
            this.ports = ports;
            this.parameters = parameters;
            this.line = line;
        }
    }

    private final boolean embedded;

    SpiceReader(SpiceDialect dialect, Source source, Notices notices) {
        this.dialect = dialect;
        this.syntax = dialect.valueSyntax();
        this.source = source;
        this.file = source.name();
        this.notices = notices;
        this.embedded = false;
    }

    /**
     * A reader for {@code simulator lang=spice} sections of a Spectre file: no title line, names matched exactly
     * (the Spectre side is case-sensitive), statements added to {@code target}.
     */
    SpiceReader(Source source, Notices notices, Circuit.Builder target, Set<String> knownModels,
                Map<String, List<String>> knownSubcircuits) {
        this.dialect = SpiceDialect.NGSPICE;
        this.syntax = ValueSyntax.SPICE;
        this.source = source;
        this.file = source.name();
        this.notices = notices;
        this.embedded = true;
        for (String m : knownModels) {
            modelNames.add(m.toLowerCase(Locale.ROOT));
            modelIndex.putIfAbsent(m, 0);
        }
        knownSubcircuits.forEach((k, v) -> subcircuitPorts.put(k.toLowerCase(Locale.ROOT), v));
        scopes.push(new Scope(target, null, List.of(), List.of(), 0, false));
    }

    /**
     * Reads the SPICE statements of {@code text}, whose first line is line {@code firstLine} of the file, into the
     * target given at construction.
     */
    void readSection(String text, int firstLine) throws ParseException {
        String padded = "\n".repeat(Math.max(0, firstLine - 1)) + text;
        prescan(padded, false);
        walk(padded, false, false);
        if (scopes.size() > 1) {
            Scope open = scopes.peek();
            throw new ParseException(file, open.line, 1, "subcircuit '" + open.name + "' is never closed",
                    "add '.ends " + open.name + "' before 'simulator lang=spectre'");
        }
    }

    Circuit read() throws ParseException {
        String text = source.text();
        if (text.isBlank()) {
            throw new ParseException(file, 0, 0, "the file is empty", "give a SPICE netlist");
        }
        boolean hasTitle = !LIBRARY_EXTENSIONS.contains(source.extension());
        prescan(text, hasTitle);
        // the prescan counted the element lines, so the builder and the node table never have to grow
        int expected = Math.max(16, elementLines + 16);
        scopes.push(new Scope(Circuit.builder(expected), null, List.of(), List.of(), 0, true, expected / 2));
        walk(text, hasTitle, false);
        if (scopes.size() > 1) {
            Scope open = scopes.peek();
            throw new ParseException(file, open.line, 1, "subcircuit '" + open.name + "' is never closed",
                    "add '.ends " + open.name + "' after its last line");
        }
        if (linesAfterEnd > 0) {
            notices.info(0, linesAfterEnd + " line(s) after .end were ignored, as SPICE does");
        }
        if (commentLines > 0) {
            notices.info(0, commentLines + " comment line(s) are not carried into the output");
        }
        Scope top = scopes.pop();
        dedupe(top);
        top.builder.title(title);
        return top.builder.build();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lines and statements

    /** Collects model, parameter and subcircuit names first, so element lines can be read in one pass. */
    private void prescan(String text, boolean hasTitle) throws ParseException {
        walk(text, hasTitle, true);
        ended = false;
        linesAfterEnd = 0;
        commentLines = 0;
        title = "";
    }

    private void walk(String text, boolean hasTitle, boolean prescan) throws ParseException {
        walk(text, hasTitle, prescan, 0, text.length(), 1);
    }

    /** Reads the lines of {@code text[from, to)}; the first is file line {@code firstLine}. */
    private void walk(String text, boolean hasTitle, boolean prescan, int from, int to, int firstLine)
            throws ParseException {
        Statement.Joiner joiner = new Statement.Joiner();
        boolean pending = false;
        boolean pendingWanted = false;
        String blockEnd = null;
        StringBuilder block = null;
        int blockLine = 0;
        int pos = from;
        int lineNo = firstLine - 1;
        int n = to;
        while (pos < n) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                nl = n;
            }
            int end = nl > pos && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            int lineStart = pos;
            pos = nl + 1;
            lineNo++;
            if (ended) {
                if (!isBlank(text, lineStart, end)) {
                    linesAfterEnd++;
                }
                continue;
            }
            if (lineNo == 1 && hasTitle) {
                int f = firstNonBlank(text, lineStart, end);
                if (f < end && text.charAt(f) == '+') {
                    throw new ParseException(file, 1, f - lineStart + 1,
                            "the file starts with a continuation line ('+')",
                            "the first line of a SPICE deck is its title; a '+' line continues a statement above it");
                }
                title = text.substring(lineStart, end).strip();
                if (!prescan && looksLikeStatement(title)) {
                    notices.warn(1, "line 1 ('" + abbreviate(title) + "') is read as the title, as SPICE does; "
                            + "if it is a statement, add a title line above it");
                }
                continue;
            }
            if (blockEnd != null) {
                String raw = text.substring(lineStart, end);
                block.append('\n').append(raw);
                if (raw.strip().toLowerCase(Locale.ROOT).startsWith(blockEnd)) {
                    if (!prescan) {
                        current().builder.directive(new Directive(block.toString(), Directive.Language.SPICE,
                                blockLine));
                    }
                    blockEnd = null;
                }
                continue;
            }
            int f = firstNonBlank(text, lineStart, end);
            if (f >= end) {
                continue;
            }
            char c = text.charAt(f);
            if (c == '*') {
                commentLines++;
                continue;
            }
            if (c == '+') {
                if (!pending) {
                    throw new ParseException(file, lineNo, f - lineStart + 1,
                            "continuation line ('+') has no statement to continue",
                            lineNo == 2 && hasTitle ? "line 1 is the title and cannot be continued"
                                    : "join it to a statement line or remove the '+'");
                }
                if (pendingWanted) {
                    String content = text.substring(f + 1, commentCut(text, f + 1, end));
                    joiner.append(content, lineNo, f - lineStart + 2,
                            joiner.keepsRaw() ? text.substring(lineStart, end) : null);
                }
                continue;
            }
            if (pending && pendingWanted) {
                handle(joiner.finish(), prescan);
                if (ended) {
                    pending = false;
                    linesAfterEnd += isBlank(text, lineStart, end) ? 0 : 1;
                    continue;
                }
            }
            pendingWanted = !prescan || c == '.';
            pending = true;
            if (prescan && c != '.') {
                elementLines++;
            }
            if (c == '.' && startsWithWord(text, f, end, ".control")) {
                blockEnd = ".endc";
                block = new StringBuilder(text.substring(lineStart, end));
                blockLine = lineNo;
                pending = false;
                continue;
            }
            if (c == '.' && isLibrarySection(text, f, end)) {
                blockEnd = ".endl";
                block = new StringBuilder(text.substring(lineStart, end));
                blockLine = lineNo;
                pending = false;
                if (!prescan) {
                    notices.warn(lineNo, "library section kept verbatim; its contents are not converted");
                }
                continue;
            }
            if (pendingWanted) {
                joiner.start(text, f, commentCut(text, f, end), lineNo, f - lineStart + 1,
                        c == '.' ? text.substring(lineStart, end) : null);
            }
        }
        if (blockEnd != null) {
            throw new ParseException(file, blockLine, 1, "block opened here is never closed",
                    "add '" + blockEnd + "'");
        }
        if (pending && pendingWanted && !ended) {
            handle(joiner.finish(), prescan);
        }
    }

    private static boolean isBlank(String t, int from, int to) {
        return firstNonBlank(t, from, to) >= to;
    }

    private static int firstNonBlank(String t, int from, int to) {
        while (from < to && t.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    private static boolean startsWithWord(String t, int f, int end, String word) {
        int e = f + word.length();
        return e <= end && t.regionMatches(true, f, word, 0, word.length()) && (e == end || t.charAt(e) <= ' ');
    }

    /** {@code .lib name} with one bare name opens a library section; {@code .lib file section} is an include. */
    private static boolean isLibrarySection(String t, int f, int end) {
        if (!startsWithWord(t, f, end, ".lib")) {
            return false;
        }
        String[] words = t.substring(f + 4, end).strip().split("\\s+");
        if (words.length != 1 || words[0].isEmpty()) {
            return false;
        }
        String w = words[0];
        return !(w.startsWith("'") || w.startsWith("\"") || w.contains(".") || w.contains("/") || w.contains("\\"));
    }

    /** Where the statement part of {@code t[from, end)} ends: before an end-of-line comment and trailing blanks. */
    private int commentCut(String t, int from, int end) {
        int cut = end;
        char quote = 0;
        for (int i = from; i < end; i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"') {
                quote = c;
                continue;
            }
            if (c == ';' && dialect.commentMarkers().contains(";")) {
                cut = i;
                break;
            }
            boolean afterSpace = i == from || t.charAt(i - 1) <= ' ';
            if (c == '$' && afterSpace && dialect.commentMarkers().contains("$")) {
                cut = i;
                break;
            }
            if (c == '/' && afterSpace && i + 1 < end && t.charAt(i + 1) == '/'
                    && dialect.commentMarkers().contains("//")) {
                cut = i;
                break;
            }
        }
        while (cut > from && t.charAt(cut - 1) <= ' ') {
            cut--;
        }
        return cut;
    }

    private static boolean looksLikeStatement(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        for (String k : new String[] {".subckt", ".include", ".inc ", ".model", ".param", ".lib", ".global",
                ".option", ".tran", ".ac ", ".dc ", ".op"}) {
            if (l.startsWith(k)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }

    private Scope current() {
        return scopes.peek();
    }

    private void handle(Statement st, boolean prescan) throws ParseException {
        if (st.length() == 0) {
            return;
        }
        char c = st.charAt(0);
        if (c == '.') {
            directive(st, prescan);
            return;
        }
        if (prescan) {
            return;
        }
        if (!Character.isLetter(c)) {
            throw st.error(file, 0, "'" + c + "' cannot start a statement",
                    "expected an element line (R C L D Q M J K V I E F G H B S W T X), a directive starting "
                            + "with '.', a comment starting with '*', or a continuation starting with '+'");
        }
        element(st);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Directives

    private void directive(Statement statement, boolean prescan) throws ParseException {
        Statement st = statement.standalone();
        String t = st.text;
        int sp = 0;
        while (sp < t.length() && t.charAt(sp) > ' ') {
            sp++;
        }
        String keyword = t.substring(0, sp).toLowerCase(Locale.ROOT);
        if (prescan) {
            prescanDirective(st, keyword, sp);
            return;
        }
        switch (keyword) {
            case ".subckt" -> openSubcircuit(st, sp);
            case ".ends" -> closeSubcircuit(st, sp);
            case ".model" -> current().builder.model(model(st, sp));
            case ".param", ".params" -> {
                for (Parameter p : pairs(st, sp, keyword)) {
                    current().builder.parameter(p);
                }
            }
            case ".include", ".inc" -> current().builder.include(new Include(unquote(t.substring(sp).strip()),
                    null, st.line));
            case ".lib" -> {
                tokens.split(st, sp, file);
                if (tokens.count == 0) {
                    throw st.error(file, 0, ".lib without a file name", "write .lib \"file\" section");
                }
                String section = tokens.count > 1 ? unquote(tokens.word(1)) : null;
                current().builder.include(new Include(unquote(tokens.word(0)), section, st.line));
            }
            case ".global" -> {
                tokens.split(st, sp, file);
                Scope top = scopes.peekLast();
                for (int i = 0; i < tokens.count; i++) {
                    top.builder.global(top.builder.netName(node(top, tokens.word(i))));
                }
            }
            case ".title" -> title = t.substring(sp).strip();
            case ".end" -> ended = true;
            default -> current().builder.directive(new Directive(st.raw.strip(), Directive.Language.SPICE,
                    st.line));
        }
    }

    private void prescanDirective(Statement st, String keyword, int sp) throws ParseException {
        switch (keyword) {
            case ".model" -> {
                tokens.split(st, sp, file);
                if (tokens.count > 0) {
                    String name = tokens.word(0);
                    int paren = name.indexOf('(');
                    String model = paren > 0 ? name.substring(0, paren) : name;
                    modelNames.add(model.toLowerCase(Locale.ROOT));
                    modelIndex.putIfAbsent(model, 0);
                }
            }
            case ".param", ".params" -> {
                tokens.split(st, sp, file);
                for (int i = 0; i < tokens.count; i++) {
                    if (tokens.isPair(i)) {
                        paramNames.add(tokens.name(i).toLowerCase(Locale.ROOT));
                    }
                }
            }
            case ".subckt" -> {
                tokens.split(st, sp, file);
                int p = tokens.positionalCount();
                if (p > 0) {
                    List<String> ports = new ArrayList<>();
                    for (int i = 1; i < p; i++) {
                        ports.add(tokens.word(i));
                    }
                    subcircuitPorts.putIfAbsent(tokens.word(0).toLowerCase(Locale.ROOT), ports);
                }
            }
            case ".end" -> ended = true;
            default -> {
            }
        }
    }

    private void openSubcircuit(Statement st, int sp) throws ParseException {
        tokens.split(st, sp, file);
        int p = tokens.positionalCount();
        if (p == 0) {
            throw st.error(file, sp, ".subckt without a name", "write .subckt NAME PORT1 PORT2 …");
        }
        String name = tokens.word(0);
        Scope scope = new Scope(Circuit.builder(), name, new ArrayList<>(), pairsFrom(p), st.line, !embedded);
        for (int i = 1; i < p; i++) {
            String port = scope.builder.netName(node(scope, tokens.word(i)));
            if (scope.ports.contains(port)) {
                throw st.error(file, tokens.positions[i], "port '" + port + "' appears twice in subcircuit '"
                        + name + "'", "give each port its own name");
            }
            scope.ports.add(port);
        }
        scopes.push(scope);
    }

    private void closeSubcircuit(Statement st, int sp) throws ParseException {
        if (scopes.size() == 1) {
            throw st.error(file, 0, ".ends without a matching .subckt",
                    "remove it, or add '.subckt NAME PORTS…' before the subcircuit's lines");
        }
        Scope scope = scopes.pop();
        String closing = st.text.substring(sp).strip();
        if (!closing.isEmpty() && !closing.equalsIgnoreCase(scope.name)) {
            notices.warn(st.line, ".ends " + closing + " closes subcircuit '" + scope.name + "' opened at line "
                    + scope.line);
        }
        dedupe(scope);
        Circuit body = scope.builder.build();
        current().builder.subcircuit(new Subcircuit(scope.name, scope.ports, scope.parameters, body, scope.line));
    }

    private ModelCard model(Statement st, int sp) throws ParseException {
        String t = st.text;
        tokens.split(st, sp, file);
        if (tokens.count == 0) {
            throw st.error(file, sp, ".model without a name", "write .model NAME TYPE (PARAM=VALUE …)");
        }
        String name = tokens.word(0);
        String type;
        int paramsFrom;
        int paren = name.indexOf('(');
        if (paren > 0) {
            // ".model d1 D(is=1e-14)" glued into one word is unusual but "D(" after the name is common
            throw st.error(file, tokens.positions[0], "model name and type run together in '" + name + "'",
                    "write .model NAME TYPE (PARAMS)");
        }
        if (tokens.count < 2) {
            throw st.error(file, tokens.positions[0], "model '" + name + "' has no type",
                    "write .model " + name + " TYPE (PARAM=VALUE …), e.g. NMOS, PMOS, NPN, PNP, D");
        }
        String second = tokens.word(1);
        int p2 = second.indexOf('(');
        if (p2 > 0) {
            type = second.substring(0, p2);
            paramsFrom = tokens.positions[1] + p2;
        } else {
            type = second;
            paramsFrom = tokens.positions[1] + second.length();
        }
        // Parameters may be wrapped in one pair of parentheses; remove it and read name=value pairs.
        String rest = t.substring(paramsFrom).strip();
        int restPos = t.indexOf(rest.isEmpty() ? " " : rest, paramsFrom);
        List<Parameter> parameters = new ArrayList<>();
        if (!rest.isEmpty()) {
            String inner = rest;
            int innerPos = restPos;
            if (rest.startsWith("(")) {
                int close = Tokens.groupEnd(st, restPos, file);
                inner = t.substring(restPos + 1, close - 1);
                innerPos = restPos + 1;
                if (!t.substring(close).isBlank()) {
                    inner = inner + " " + t.substring(close);
                }
            }
            Statement sub = new Statement(inner, st.lineAt(innerPos), st.columnAt(innerPos), inner);
            tokens.split(sub, 0, file);
            for (int i = 0; i < tokens.count; i++) {
                if (!tokens.isPair(i)) {
                    String word = tokens.word(i);
                    if (FLAGS.contains(word.toLowerCase(Locale.ROOT)) || !Character.isDigit(word.charAt(0))) {
                        parameters.add(new Parameter(word, Value.text(word)));
                        continue;
                    }
                    throw sub.error(file, tokens.positions[i], "model parameter '" + word + "' has no name",
                            "write model parameters as NAME=VALUE");
                }
                parameters.add(new Parameter(tokens.name(i), paramValue(tokens.word(i))));
            }
        }
        return new ModelCard(name, type, parameters, st.line);
    }

    private List<Parameter> pairs(Statement st, int sp, String keyword) throws ParseException {
        tokens.split(st, sp, file);
        List<Parameter> result = new ArrayList<>();
        for (int i = 0; i < tokens.count; i++) {
            if (!tokens.isPair(i)) {
                throw st.error(file, tokens.positions[i], "'" + tokens.word(i) + "' in " + keyword
                        + " is not NAME=VALUE", "write " + keyword + " NAME=VALUE …");
            }
            result.add(new Parameter(tokens.name(i), paramValue(tokens.word(i))));
        }
        return result;
    }

    private List<Parameter> pairsFrom(int from) {
        List<Parameter> result = new ArrayList<>();
        for (int i = from; i < tokens.count; i++) {
            if (tokens.isPair(i)) {
                result.add(new Parameter(tokens.name(i), paramValue(tokens.word(i))));
            }
        }
        return result;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Elements

    private void element(Statement st) throws ParseException {
        tokens.split(st, 0, file);
        Tokens tk = tokens;
        String name = tk.word(0);
        if (tk.isPair(0)) {
            throw st.error(file, 0, "a statement cannot start with a parameter", "start it with an element name");
        }
        char letter = name.charAt(0);
        ComponentKind kind = ComponentKind.forSpiceLetter(letter);
        if (kind == null || kind == ComponentKind.PART) {
            throw st.error(file, 0, "unknown element letter '" + letter + "' in '" + name + "'",
                    unsupportedHint(letter));
        }
        int p = tk.positionalCount();
        Scope scope = current();
        String ref = uniqueRef(scope, name, st.line);
        if (!embedded) {
            scope.addRefHash(StringIntMap.caseInsensitiveHash(tk.source(), tk.start(0), tk.end(0)));
        }
        Component.Builder b = Component.builder(ref, kind).line(st.line);
        int[] nodes;
        switch (kind) {
            case RESISTOR, CAPACITOR, INDUCTOR -> nodes = passive(st, kind, p, b);
            case DIODE, JFET -> nodes = semiconductor(st, kind, p, b, kind == ComponentKind.DIODE ? 2 : 3,
                    kind == ComponentKind.DIODE ? 2 : 3);
            case BJT -> nodes = semiconductor(st, kind, p, b, 3, 5);
            case MOSFET -> nodes = semiconductor(st, kind, p, b, 3, 7);
            case VOLTAGE_SOURCE, CURRENT_SOURCE -> nodes = independentSource(st, kind, p, b);
            case VCVS, VCCS -> nodes = voltageControlled(st, kind, p, b);
            case CCCS, CCVS -> nodes = currentControlled(st, kind, p, b);
            case BEHAVIORAL_SOURCE -> {
                nodes = requireNodes(st, kind, p, 2);
                b.pins(pins(kind, 2));
                b.parameters(parameters(st, 3));
            }
            case COUPLING -> nodes = coupling(st, p, b);
            case VOLTAGE_SWITCH -> {
                nodes = requireNodes(st, kind, p, 4);
                b.pins(pins(kind, 4));
                if (p > 5) {
                    b.model(cached(tk.word(5)));
                }
                flags(b, 6, p);
                b.parameters(parameters(st, p));
            }
            case CURRENT_SWITCH -> {
                nodes = requireNodes(st, kind, p, 2);
                b.pins(pins(kind, 2));
                if (p < 4) {
                    throw st.error(file, 0, name + " needs a controlling voltage source after its nodes",
                            "write " + name + " N+ N- VCONTROL MODEL");
                }
                b.control(tk.word(3));
                if (p > 4) {
                    b.model(cached(tk.word(4)));
                }
                flags(b, 5, p);
                b.parameters(parameters(st, p));
            }
            case TRANSMISSION_LINE -> {
                nodes = requireNodes(st, kind, p, 4);
                b.pins(pins(kind, 4));
                if (p > 5) {
                    b.model(cached(tk.word(5)));
                }
                b.parameters(parameters(st, p));
            }
            case SUBCIRCUIT -> nodes = subcircuitCall(st, p, b);
            default -> throw new IllegalStateException(kind.name());
        }
        if (embedded) {
            scope.builder.add(b.build(), nodes);
        } else {
            scope.builder.addUnique(b.build(), nodes);
        }
    }

    private static String unsupportedHint(char letter) {
        return switch (Character.toUpperCase(letter)) {
            case 'A' -> "XSPICE code-model instances (A…) are not supported; replace them with a subcircuit";
            case 'O', 'U', 'P', 'Y', 'Z', 'N' -> "this simulator-specific element ('" + letter
                    + "') is not supported; supported letters are R C L D Q M J K V I E F G H B S W T X";
            default -> "expected an element (R C L D Q M J K V I E F G H B S W T X), a directive starting with '.', "
                    + "a comment starting with '*', or a continuation starting with '+'";
        };
    }

    private String uniqueRef(Scope scope, String name, int line) {
        if (!embedded) {
            // duplicates are found in one pass when the scope is complete (see dedupe)
            return name;
        }
        int previous = scope.instances.putIfAbsent(name, line);
        if (previous < 0 && embedded && scope.builder.contains(name)) {
            previous = 0;
        }
        if (previous < 0) {
            return name;
        }
        String candidate;
        int k = 2;
        do {
            candidate = name + "_" + k++;
        } while (scope.instances.get(candidate) >= 0 || scope.builder.contains(candidate));
        scope.instances.put(candidate, line);
        notices.renamedDuplicate(name, candidate, line, "the name is already used"
                + (previous > 0 ? " at line " + previous : "")
                + (scope.name == null ? "" : " in subcircuit " + scope.name));
        return candidate;
    }

    /**
     * Renames instances whose name repeats an earlier one (ignoring case, as SPICE does): the first keeps its name,
     * later ones get {@code _2}, {@code _3}. Every simulator rejects such decks; converting them keeps every
     * element and reports the rename.
     */
    private void dedupe(Scope scope) {
        List<Component> components = scope.builder.components();
        List<String> names = new java.util.AbstractList<>() {
            @Override
            public String get(int i) {
                return components.get(i).ref();
            }

            @Override
            public int size() {
                return components.size();
            }
        };
        int[] duplicates = scope.refCount == components.size()
                ? DuplicateNames.laterDuplicates(names, true, scope.refHashes)
                : DuplicateNames.laterDuplicates(names, true);
        if (duplicates.length == 0) {
            return;
        }
        StringIntMap taken = new StringIntMap(components.size(), true);
        for (int i = 0; i < components.size(); i++) {
            taken.putIfAbsent(components.get(i).ref(), i);
        }
        for (int index : duplicates) {
            Component c = components.get(index);
            String name = c.ref();
            Component first = components.get(taken.get(name));
            String candidate;
            int k = 2;
            do {
                candidate = name + "_" + k++;
            } while (taken.get(candidate) >= 0);
            taken.put(candidate, index);
            scope.builder.set(index, c.withRef(candidate));
            notices.renamedDuplicate(name, candidate, c.line(), "the name is already used"
                    + (first.line() > 0 ? " at line " + first.line() : "")
                    + (scope.name == null ? "" : " in subcircuit " + scope.name));
        }
    }

    private int[] requireNodes(Statement st, ComponentKind kind, int positional, int count) throws ParseException {
        if (positional - 1 < count) {
            String name = tokens.word(0);
            throw st.error(file, 0, name + " (" + kind.description() + ") needs " + count + " nodes, found "
                    + Math.max(0, positional - 1), "write " + name + " " + nodeHint(kind, count) + " …");
        }
        int[] nodes = new int[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = nodeToken(current(), i + 1);
        }
        return nodes;
    }

    private static String nodeHint(ComponentKind kind, int count) {
        List<String> order = kind.terminalOrder();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(i < order.size() ? "N" + order.get(i).replace("+", "P").replace("-", "M") : "N" + (i + 1));
        }
        return sb.toString();
    }

    private int[] passive(Statement st, ComponentKind kind, int p, Component.Builder b) throws ParseException {
        int[] nodes = requireNodes(st, kind, p, 2);
        Tokens tk = tokens;
        Value value = null;
        String model = null;
        for (int i = 3; i < p; i++) {
            if (isValueLike(tk.first(i))) {
                if (value != null) {
                    throw st.error(file, tk.positions[i], "second value '" + tk.word(i) + "' for " + tk.word(0),
                            "give one value, then NAME=VALUE parameters");
                }
                value = valueToken(i);
                continue;
            }
            String w = tk.word(i);
            if (FLAGS.contains(w.toLowerCase(Locale.ROOT))) {
                b.parameter(w, Value.text(w));
            } else if (value == null && model == null && paramNames.contains(w.toLowerCase(Locale.ROOT))
                    && !modelNames.contains(w.toLowerCase(Locale.ROOT))) {
                value = Value.expression(w, syntax);
            } else if (model == null) {
                model = cached(w);
            } else {
                throw st.error(file, tk.positions[i], "unexpected '" + w + "' after model '" + model + "'",
                        "write " + tk.word(0) + " N1 N2 VALUE [MODEL] [NAME=VALUE …]");
            }
        }
        List<Parameter> params = parameters(st, p);
        if (value == null) {
            String[] valueNames = switch (kind) {
                case RESISTOR -> new String[] {"r", "resistance"};
                case CAPACITOR -> new String[] {"c", "capacitance"};
                default -> new String[] {"l", "inductance"};
            };
            for (Parameter param : params) {
                for (String vn : valueNames) {
                    if (param.name().equalsIgnoreCase(vn)) {
                        value = param.value();
                        List<Parameter> rest = new ArrayList<>(params);
                        rest.remove(param);
                        params = rest;
                        break;
                    }
                }
                if (value != null) {
                    break;
                }
            }
        }
        b.pins(pins(kind, 2)).value(value).model(model).parameters(params);
        return nodes;
    }

    private int[] semiconductor(Statement st, ComponentKind kind, int p, Component.Builder b, int minNodes,
                                   int maxNodes) throws ParseException {
        Tokens tk = tokens;
        String name = tk.word(0);
        // The model is the word after the nodes. Nodes may look like anything, so prefer a name defined by
        // .model; otherwise take the last word that cannot be a number or a flag.
        int last = Math.min(p - 1, maxNodes + 1);
        int modelAt = -1;
        for (int i = minNodes + 1; i <= last; i++) {
            if (modelIndex.get(tk.source(), tk.start(i), tk.end(i)) >= 0) {
                modelAt = i;
                break;
            }
        }
        if (modelAt < 0) {
            for (int i = last; i >= minNodes + 1; i--) {
                if (!isValueLike(tk.first(i)) && !isFlag(tk, i)) {
                    modelAt = i;
                    break;
                }
            }
        }
        if (modelAt < 0) {
            throw st.error(file, 0, name + " (" + kind.description() + ") has no model name after its nodes",
                    "write " + name + " " + nodeHint(kind, minNodes) + " MODEL, with the model defined by .model");
        }
        int nodeCount = modelAt - 1;
        int[] nodes = requireNodes(st, kind, modelAt, nodeCount);
        b.pins(pins(kind, nodeCount)).model(modelToken(modelAt));
        for (int i = modelAt + 1; i < p; i++) {
            String w = tk.word(i);
            if (FLAGS.contains(w.toLowerCase(Locale.ROOT))) {
                b.parameter(w, Value.text(w));
            } else if (isValueLike(w) && i == modelAt + 1) {
                b.parameter("area", value(w));
            } else {
                throw st.error(file, tk.positions[i], "unexpected '" + w + "' after model '" + tk.word(modelAt) + "'",
                        "write " + name + " NODES… MODEL [AREA] [NAME=VALUE …]");
            }
        }
        b.parameters(parameters(st, p));
        return nodes;
    }

    private int[] independentSource(Statement st, ComponentKind kind, int p, Component.Builder b)
            throws ParseException {
        int[] nodes = requireNodes(st, kind, p, 2);
        b.pins(pins(kind, 2));
        if (tokens.count > 3) {
            String spec = st.from(tokens.positions[3]);
            if (tokens.count == 4 && !tokens.isPair(3)) {
                b.value(value(spec));
            } else {
                b.value(Value.text(spec));
            }
        }
        return nodes;
    }

    private int[] voltageControlled(Statement st, ComponentKind kind, int p, Component.Builder b)
            throws ParseException {
        Tokens tk = tokens;
        if (p > 3 && tk.word(3).toLowerCase(Locale.ROOT).startsWith("poly(")) {
            int k = polyDegree(st, 3);
            if (p < 4 + 2 * k) {
                throw st.error(file, tk.positions[3], "POLY(" + k + ") needs " + 2 * k + " control nodes",
                        "list the control node pairs after POLY(" + k + ")");
            }
            int[] all = new int[2 + 2 * k];
            all[0] = nodeToken(current(), 1);
            all[1] = nodeToken(current(), 2);
            for (int i = 0; i < 2 * k; i++) {
                all[2 + i] = nodeToken(current(), 4 + i);
            }
            String coefficients = 4 + 2 * k < tk.count ? st.from(tk.positions[4 + 2 * k]) : "";
            b.pins(pins(kind, 2 + 2 * k)).value(Value.text("POLY(" + k + ") " + coefficients));
            return all;
        }
        if (p == 3 || p > 3 && isBehaviouralKeyword(tk.word(3))) {
            int[] nodes = requireNodes(st, kind, p, 2);
            b.pins(pins(kind, 2));
            if (p > 3) {
                b.value(Value.text(st.from(tk.positions[3])));
            } else {
                b.parameters(parameters(st, 3));
            }
            return nodes;
        }
        int[] nodes = requireNodes(st, kind, p, 4);
        b.pins(pins(kind, 4));
        if (p > 5) {
            b.value(value(tk.word(5)));
        }
        if (p > 6) {
            throw st.error(file, tk.positions[6], "unexpected '" + tk.word(6) + "' after the gain",
                    "write " + tk.word(0) + " N+ N- NC+ NC- GAIN");
        }
        b.parameters(parameters(st, p));
        return nodes;
    }

    private static boolean isBehaviouralKeyword(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.equals("value") || l.equals("table") || l.equals("laplace") || l.equals("freq") || l.equals("vol")
                || l.equals("cur") || l.startsWith("table{") || l.startsWith("laplace{") || l.startsWith("value{")
                || l.startsWith("table(");
    }

    private int[] currentControlled(Statement st, ComponentKind kind, int p, Component.Builder b)
            throws ParseException {
        Tokens tk = tokens;
        int[] nodes = requireNodes(st, kind, p, 2);
        b.pins(pins(kind, 2));
        if (p > 3 && tk.word(3).toLowerCase(Locale.ROOT).startsWith("poly(")) {
            int k = polyDegree(st, 3);
            if (p < 4 + k) {
                throw st.error(file, tk.positions[3], "POLY(" + k + ") needs " + k + " controlling sources",
                        "list the controlling voltage sources after POLY(" + k + ")");
            }
            for (int i = 0; i < k; i++) {
                b.control(tk.word(4 + i));
            }
            String coefficients = 4 + k < tk.count ? st.from(tk.positions[4 + k]) : "";
            b.value(Value.text("POLY(" + k + ") " + coefficients));
            return nodes;
        }
        if (p < 4) {
            throw st.error(file, 0, tk.word(0) + " needs a controlling voltage source after its nodes",
                    "write " + tk.word(0) + " N+ N- VCONTROL GAIN");
        }
        b.control(tk.word(3));
        if (p > 4) {
            b.value(value(tk.word(4)));
        }
        b.parameters(parameters(st, p));
        return nodes;
    }

    private int polyDegree(Statement st, int index) throws ParseException {
        String w = tokens.word(index);
        try {
            int k = Integer.parseInt(w.substring(5, w.length() - 1).strip());
            if (k < 1) {
                throw new NumberFormatException();
            }
            return k;
        } catch (RuntimeException e) {
            throw st.error(file, tokens.positions[index], "'" + w + "' is not a valid POLY degree",
                    "write POLY(1), POLY(2), …");
        }
    }

    private int[] coupling(Statement st, int p, Component.Builder b) throws ParseException {
        Tokens tk = tokens;
        if (p < 4) {
            throw st.error(file, 0, tk.word(0) + " (inductor coupling) needs two inductors and a coupling factor",
                    "write " + tk.word(0) + " L1 L2 0.99");
        }
        for (int i = 1; i < p - 1; i++) {
            b.control(tk.word(i));
        }
        b.value(value(tk.word(p - 1))).pins(List.of());
        return new int[0];
    }

    private int[] subcircuitCall(Statement st, int p, Component.Builder b) throws ParseException {
        Tokens tk = tokens;
        if (p < 2) {
            throw st.error(file, 0, tk.word(0) + " (subcircuit call) has no subcircuit name",
                    "write " + tk.word(0) + " NODES… SUBCKT [params: NAME=VALUE …]");
        }
        String sub = modelToken(p - 1);
        int nodeCount = p - 2;
        int[] nodes = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            nodes[i] = nodeToken(current(), i + 1);
        }
        List<String> ports = subcircuitPorts.get(sub.toLowerCase(Locale.ROOT));
        if (ports != null && ports.size() != nodeCount) {
            notices.warn(st.line, tk.word(0) + " connects " + nodeCount + " nodes but subcircuit '" + sub
                    + "' has " + ports.size() + " ports");
        }
        b.model(sub).pins(callPins(sub, nodeCount, ports)).parameters(parameters(st, p));
        return nodes;
    }

    private List<Pin> callPins(String sub, int count, List<String> ports) {
        String key = sub.toLowerCase(Locale.ROOT) + "/" + count;
        List<Pin> cachedPins = callPinCache.get(key);
        if (cachedPins == null) {
            Pin[] pins = new Pin[count];
            for (int i = 0; i < count; i++) {
                String number = Integer.toString(i + 1);
                String name = ports != null && i < ports.size() ? ports.get(i) : number;
                pins[i] = Pin.of(number, name, dev.kirchhoff.schematic.model.PinType.PASSIVE);
            }
            cachedPins = List.of(pins);
            callPinCache.put(key, cachedPins);
        }
        return cachedPins;
    }

    private void flags(Component.Builder b, int from, int p) {
        for (int i = from; i < p; i++) {
            b.parameter(tokens.word(i), Value.text(tokens.word(i)));
        }
    }

    /** The NAME=VALUE pairs from token {@code from} on, skipping a {@code params:} keyword. */
    private List<Parameter> parameters(Statement st, int from) throws ParseException {
        Tokens tk = tokens;
        if (from >= tk.count) {
            return List.of();
        }
        // identical parameter text on thousands of devices gets one shared list, found without a substring
        int keyFrom = st.start + tk.positions[from];
        boolean cacheable = st.end - keyFrom < 160;
        if (cacheable) {
            List<Parameter> hit = parameterCache.get(st.text, keyFrom, st.end);
            if (hit != null) {
                return hit;
            }
        }
        List<Parameter> result = new ArrayList<>(tk.count - from);
        for (int i = from; i < tk.count; i++) {
            if (!tk.isPair(i)) {
                if (tk.isParamsKeyword(i)) {
                    continue;
                }
                throw st.error(file, tk.positions[i], "unexpected '" + tk.word(i) + "' among parameters",
                        "write parameters as NAME=VALUE after the nodes and model");
            }
            result.add(new Parameter(cached(tk.name(i)), paramValue(tk.word(i))));
        }
        List<Parameter> list = List.copyOf(result);
        if (cacheable) {
            parameterCache.put(st.text.substring(keyFrom, st.end), list);
        }
        return list;
    }

    private List<Pin> pins(ComponentKind kind, int nodeCount) {
        List<List<Pin>> byCount = pinCache.computeIfAbsent(kind, k -> new ArrayList<>());
        while (byCount.size() <= nodeCount) {
            byCount.add(null);
        }
        List<Pin> pins = byCount.get(nodeCount);
        if (pins == null) {
            pins = List.copyOf(kind.pinsForNodes(nodeCount));
            byCount.set(nodeCount, pins);
        }
        return pins;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Names and values

    /**
     * The net number of a node in {@code scope}: nodes are case-insensitive (the first spelling names the net),
     * and ground is {@code 0}.
     */
    private int node(Scope scope, String word) {
        if (word.equals("0")) {
            return ground(scope);
        }
        if (!embedded && dialect.gndIsGround() && word.equalsIgnoreCase("gnd")) {
            if (!gndNoticed) {
                gndNoticed = true;
                notices.info(0, "node " + word + " is ground in ngspice and is read as node 0");
            }
            int g = ground(scope);
            scope.nodes.putIfAbsent(word, g);
            return g;
        }
        int id = scope.nodes.get(word);
        if (id >= 0) {
            return id;
        }
        // the scope's own map already told apart every spelling, so a standalone read adds the net unchecked
        id = embedded ? scope.builder.netId(word) : scope.builder.newNet(word);
        scope.nodes.putIfAbsent(word, id);
        return id;
    }

    /** The net number of token {@code i}, looked up without a substring when the node was seen before. */
    private int nodeToken(Scope scope, int i) {
        Tokens tk = tokens;
        if (scope.ground >= 0 && tk.end(i) - tk.start(i) == 1 && tk.first(i) == '0') {
            return scope.ground;
        }
        int id = scope.nodes.get(tk.source(), tk.start(i), tk.end(i));
        if (id >= 0) {
            return id;
        }
        String word = tk.word(i);
        if (word.equals("0") || !embedded && dialect.gndIsGround() && word.equalsIgnoreCase("gnd")) {
            return node(scope, word);
        }
        // a name not seen before in this scope (the lookup above just said so): add it without looking again
        id = embedded ? scope.builder.netId(word) : scope.builder.newNet(word);
        scope.nodes.putNew(word, id);
        return id;
    }

    private int ground(Scope scope) {
        if (scope.ground < 0) {
            scope.ground = scope.builder.netId("0");
            scope.nodes.putIfAbsent("0", scope.ground);
        }
        return scope.ground;
    }

    private String cached(String s) {
        String c = stringCache.get(s);
        if (c != null) {
            return c;
        }
        if (stringCache.size() < CACHE_LIMIT) {
            stringCache.put(s, s);
        }
        return s;
    }

    /** An element value: a number, a braced or quoted expression, or text. */
    private Value value(String word) {
        Value v = valueCache.get(word);
        if (v == null) {
            v = syntax.parse(word);
            valueCache.put(word, v);
        }
        return v;
    }

    /** The value of token {@code i}, from the cache without a substring when seen before. */
    private Value valueToken(int i) {
        Tokens tk = tokens;
        Value v = valueCache.get(tk.source(), tk.start(i), tk.end(i));
        return v != null ? v : value(tk.word(i));
    }

    /** Token {@code i} as a model or subcircuit name, shared among all devices that use it. */
    private String modelToken(int i) {
        Tokens tk = tokens;
        String m = modelCache.get(tk.source(), tk.start(i), tk.end(i));
        if (m == null) {
            m = tk.word(i);
            modelCache.put(m, m);
        }
        return m;
    }

    /** A parameter value: numbers and expressions; bare words are expressions (parameter references). */
    private Value paramValue(String word) {
        if (word.startsWith("\"")) {
            return Value.text(word);
        }
        Value v = value(word);
        if (v.form() == Value.Form.TEXT) {
            return Value.expression(word, syntax);
        }
        return v;
    }

    private static boolean isFlag(Tokens tk, int i) {
        int len = tk.end(i) - tk.start(i);
        return len == 3 && tk.source().regionMatches(true, tk.start(i), "off", 0, 3)
                || len == 2 && tk.source().regionMatches(true, tk.start(i), "on", 0, 2);
    }

    private static boolean isValueLike(String w) {
        return isValueLike(w.charAt(0));
    }

    private static boolean isValueLike(char c) {
        return c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == '{' || c == '\'';
    }
}
