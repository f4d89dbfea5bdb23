package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.Tally;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.Include;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.NaturalOrder;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one KiCad netlist into a flat {@link Circuit}. One instance per read; not thread-safe.
 *
 * <p>The file is streamed section by section: each {@code (comp …)}, {@code (libpart …)} and {@code (net …)} is
 * parsed, reduced to a small record and dropped, so a netlist with a hundred thousand components never exists as
 * one tree. Components are built at the end, when their pins are known: the pins of their library part, plus any
 * pin that only the nets mention (hand-written and KiCad 5 netlists often have no {@code libparts}). What each
 * component is (kind, value, model) is {@link KicadComponents}' business.
 */
final class KicadReader {

    private final Source source;
    private final String file;
    private final Notices notices;
    private final SExprParser parser;
    private final KicadComponents components;

    private String title = "";
    private final List<KicadComp> comps = new ArrayList<>();
    private final Map<String, Integer> compIndex = new HashMap<>();
    private final Map<String, KicadComp.PinTable> libparts = new HashMap<>();
    private final Map<String, KicadComp.PinTable> libpartsByName = new HashMap<>();
    private final List<String> netNames = new ArrayList<>();
    private final Map<String, Integer> netIndex = new HashMap<>();
    private final List<NodeRecord> nodes = new ArrayList<>();
    private final Set<String> ignored = new TreeSet<>();
    private final Map<String, PinType> pinTypes = new HashMap<>();

    private final Tally unknownPinTypes = new Tally();
    private final Tally noConnect = new Tally();
    private final Set<String> netClasses = new TreeSet<>();

    /** One {@code (node …)} of a net. */
    private record NodeRecord(String ref, String pin, String function, String type, int net, int line, int column) {
    }

    KicadReader(Source source, Notices notices) {
        this.source = source;
        this.file = source.name();
        this.notices = notices;
        this.parser = new SExprParser(file, source.text());
        this.components = new KicadComponents(file, notices);
    }

    Circuit read() throws ParseException {
        if (source.text().isBlank()) {
            throw new ParseException(file, 0, 0, "the file is empty",
                    "export a netlist from KiCad's schematic editor (File > Export > Netlist, KiCad format) or with "
                            + "'kicad-cli sch export netlist'");
        }
        SExprParser p = parser;
        int t = p.next();
        if (t != SExprParser.OPEN) {
            throw new ParseException(file, p.line(), p.column(), "a KiCad netlist starts with '(export', not with '"
                    + describe(t) + "'", "give a KiCad netlist (.net) exported by KiCad's schematic editor");
        }
        int topLine = p.line();
        int topColumn = p.column();
        t = p.next();
        if (t != SExprParser.ATOM || !p.atom().equals("export")) {
            throw notANetlist(t == SExprParser.ATOM ? p.atom() : describe(t), topLine, topColumn);
        }
        while (true) {
            t = p.next();
            if (t == SExprParser.CLOSE) {
                break;
            }
            if (t == SExprParser.END) {
                throw p.unclosed();
            }
            if (t == SExprParser.ATOM) {
                continue;
            }
            int line = p.line();
            int column = p.column();
            int depth = p.depth();
            t = p.next();
            if (t != SExprParser.ATOM) {
                p.pushBack();
                skipTo(depth - 1);
                continue;
            }
            switch (p.atom()) {
                case "version", "libraries" -> skipTo(depth - 1);
                case "design" -> design(p.list("design", line, column));
                case "components" -> section(depth, this::component);
                case "libparts" -> section(depth, this::libpart);
                case "nets" -> section(depth, this::net);
                default -> {
                    ignored.add(p.atom());
                    skipTo(depth - 1);
                }
            }
        }
        int closedLine = p.line();
        int closedColumn = p.column();
        if (p.next() != SExprParser.END) {
            throw p.trailing("export", closedLine, closedColumn);
        }
        Circuit circuit = build();
        report();
        return circuit;
    }

    private ParseException notANetlist(String head, int line, int column) {
        String what = switch (head) {
            case "kicad_sch" -> "this is a KiCad schematic (.kicad_sch), not a netlist";
            case "kicad_pcb" -> "this is a KiCad board (.kicad_pcb), not a netlist";
            case "kicad_symbol_lib" -> "this is a KiCad symbol library, not a netlist";
            case "footprint", "module" -> "this is a KiCad footprint, not a netlist";
            default -> "a KiCad netlist starts with '(export', not with '(" + head + "'";
        };
        return new ParseException(file, line, column, what, "export a netlist from the schematic editor "
                + "(File > Export > Netlist, KiCad format) or with 'kicad-cli sch export netlist'");
    }

    private static String describe(int token) {
        return switch (token) {
            case SExprParser.CLOSE -> ")";
            case SExprParser.OPEN -> "(";
            default -> "end of file";
        };
    }

    private void skipTo(int depth) throws ParseException {
        while (parser.depth() > depth) {
            if (parser.next() == SExprParser.END) {
                throw parser.unclosed();
            }
        }
    }

    /** A handler for one child list of a section. */
    private interface Handler {
        void accept(SExpr e) throws ParseException;
    }

    /** Reads the children of a section list (whose name was just read) one at a time. */
    private void section(int depth, Handler handler) throws ParseException {
        SExprParser p = parser;
        while (true) {
            int t = p.next();
            if (t == SExprParser.CLOSE && p.depth() < depth) {
                return;
            }
            if (t == SExprParser.END) {
                throw p.unclosed();
            }
            if (t == SExprParser.OPEN) {
                handler.accept(p.list(null, p.line(), p.column()));
            }
        }
    }

    private void design(SExpr design) {
        for (SExpr sheet : design.all("sheet")) {
            SExpr block = sheet.first("title_block");
            String t = block == null ? null : block.value("title");
            if (t != null && !t.isBlank()) {
                title = t;
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sections

    private void component(SExpr e) throws ParseException {
        if (!e.name.equals("comp")) {
            ignored.add(e.name);
            return;
        }
        KicadComp r = new KicadComp();
        r.line = e.line;
        for (Object o : e.items) {
            if (!(o instanceof SExpr s)) {
                continue;
            }
            switch (s.name) {
                case "ref" -> r.ref = s.text();
                case "value" -> r.value = s.text();
                case "footprint" -> r.footprint = s.text();
                case "datasheet" -> r.datasheet = s.text();
                case "description" -> r.description = s.text();
                case "fields" -> {
                    for (SExpr f : s.all("field")) {
                        String name = f.value("name");
                        if (name != null) {
                            String v = f.text();
                            r.fields.put(name, v == null ? "" : v);
                        }
                    }
                }
                case "libsource" -> {
                    r.lib = s.value("lib");
                    r.part = s.value("part");
                    r.libDescription = s.value("description");
                }
                case "property" -> {
                    String name = s.value("name");
                    if (name != null) {
                        r.properties.put(name, s.value("value"));
                    }
                }
                case "sheetpath" -> {
                    r.sheetNames = s.value("names");
                    r.sheetStamps = s.value("tstamps");
                }
                case "tstamps", "tstamp" -> r.tstamps = s.joinedText();
                default -> ignored.add(s.name);
            }
        }
        if (r.ref == null || r.ref.isBlank()) {
            throw new ParseException(file, e.line, e.column, "this (comp …) has no (ref …)",
                    "give every component its reference designator, as in (comp (ref \"R1\") (value \"10k\") …)");
        }
        Integer previous = compIndex.putIfAbsent(r.ref, comps.size());
        if (previous != null) {
            throw new ParseException(file, e.line, e.column, "component " + r.ref + " is listed twice (first at line "
                    + comps.get(previous).line + ")", "give each component its own reference designator");
        }
        comps.add(r);
    }

    private void libpart(SExpr e) {
        if (!e.name.equals("libpart")) {
            ignored.add(e.name);
            return;
        }
        String lib = nz(e.value("lib"));
        String part = e.value("part");
        if (part == null) {
            return;
        }
        List<Pin> pins = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        SExpr pinList = e.first("pins");
        if (pinList != null) {
            for (SExpr pin : pinList.all("pin")) {
                String number = pin.value("num");
                if (number == null || number.isBlank() || index.containsKey(number)) {
                    continue;
                }
                index.put(number, pins.size());
                pins.add(Pin.of(number, pinName(pin.value("name")), pinType(pin.value("type"), part, pin.line)));
            }
        }
        KicadComp.PinTable lp = new KicadComp.PinTable(List.copyOf(pins), index);
        libparts.put(lib + ":" + part, lp);
        libpartsByName.putIfAbsent(part, lp);
        SExpr aliases = e.first("aliases");
        if (aliases != null) {
            for (SExpr alias : aliases.all("alias")) {
                String a = alias.text();
                if (a != null) {
                    libparts.putIfAbsent(lib + ":" + a, lp);
                    libpartsByName.putIfAbsent(a, lp);
                }
            }
        }
    }

    private void net(SExpr e) throws ParseException {
        if (!e.name.equals("net")) {
            ignored.add(e.name);
            return;
        }
        String name = e.value("name");
        if (name == null || name.isEmpty()) {
            String code = e.value("code");
            name = "Net-" + (code != null ? code : Integer.toString(netNames.size() + 1));
        }
        String netClass = e.value("class");
        if (netClass != null && !netClass.isEmpty()) {
            netClasses.add(netClass);
        }
        Integer id = netIndex.get(name);
        if (id == null) {
            id = netNames.size();
            netIndex.put(name, id);
            netNames.add(name);
        }
        for (SExpr node : e.all("node")) {
            String ref = node.value("ref");
            String pin = node.value("pin");
            if (ref == null || pin == null || ref.isEmpty() || pin.isEmpty()) {
                throw new ParseException(file, node.line, node.column, "this (node …) in net " + name + " has no "
                        + (ref == null || ref.isEmpty() ? "(ref …)" : "(pin …)"),
                        "write each node as (node (ref \"R1\") (pin \"2\"))");
            }
            nodes.add(new NodeRecord(ref, pin, node.value("pinfunction"), node.value("pintype"), id, node.line,
                    node.column));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** KiCad writes {@code ~} (KiCad 5) or nothing for a pin without a name. */
    private static String pinName(String name) {
        if (name == null || name.equals("~")) {
            return "";
        }
        return name;
    }

    private PinType pinType(String type, String where, int line) {
        if (type == null || type.isEmpty()) {
            return PinType.UNSPECIFIED;
        }
        PinType known = pinTypes.get(type);
        if (known != null) {
            return known;
        }
        String t = type;
        int plus = t.indexOf('+');
        if (plus > 0) {
            // KiCad 8+ marks pins with a no-connect flag as "passive+no_connect".
            noConnect.add(where, line);
            t = t.substring(0, plus);
        }
        PinType result;
        try {
            result = PinType.fromKicad(t);
        } catch (IllegalArgumentException e) {
            unknownPinTypes.add(type + " (" + where + ")", line);
            result = PinType.UNSPECIFIED;
        }
        if (plus < 0) {
            pinTypes.put(type, result);
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Building the circuit

    private Circuit build() throws ParseException {
        for (KicadComp r : comps) {
            if (r.part != null) {
                r.libpart = libparts.get(nz(r.lib) + ":" + r.part);
                if (r.libpart == null) {
                    r.libpart = libpartsByName.get(r.part);
                }
            }
        }
        // Pass 1: every node names a component; pins that no library part lists become extra pins.
        for (NodeRecord node : nodes) {
            Integer c = compIndex.get(node.ref);
            if (c == null) {
                throw new ParseException(file, node.line, node.column, "net " + netNames.get(node.net)
                        + " connects " + node.ref + ":" + node.pin + ", but there is no component " + node.ref
                        + " in (components)", "add a (comp (ref \"" + node.ref + "\") …) or remove this node");
            }
            KicadComp r = comps.get(c);
            if (r.pinIndex(node.pin) != null) {
                continue;
            }
            if (r.extraIndex == null) {
                r.extraIndex = new HashMap<>();
                r.extras = new ArrayList<>();
            }
            r.extraIndex.put(node.pin, -1);
            String function = node.function;
            r.extras.add(Pin.of(node.pin, pinName(function), pinType(node.type, node.ref + ":" + node.pin,
                    node.line)));
        }
        for (KicadComp r : comps) {
            List<Pin> base = r.libpart == null ? List.of() : r.libpart.pins();
            if (r.extras == null) {
                r.pins = base;
                continue;
            }
            r.extras.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.number(), b.number()));
            List<Pin> all = new ArrayList<>(base.size() + r.extras.size());
            all.addAll(base);
            for (Pin extra : r.extras) {
                r.extraIndex.put(extra.number(), all.size());
                all.add(extra);
            }
            r.pins = List.copyOf(all);
        }
        // Pass 2: a pin may be on one net only.
        String[][] nets = new String[comps.size()][];
        int[][] where = new int[comps.size()][];
        for (NodeRecord node : nodes) {
            int c = compIndex.get(node.ref);
            KicadComp r = comps.get(c);
            int pin = r.pinIndex(node.pin);
            if (nets[c] == null) {
                nets[c] = new String[r.pins.size()];
                where[c] = new int[r.pins.size()];
            }
            String net = netNames.get(node.net);
            String before = nets[c][pin];
            if (before != null && !before.equals(net)) {
                throw new ParseException(file, node.line, node.column, node.ref + ":" + node.pin + " is on net "
                        + before + " (line " + where[c][pin] + ") and again on net " + net,
                        "a pin can be on one net only; remove one of the two nodes, or merge the nets");
            }
            nets[c][pin] = net;
            where[c][pin] = node.line;
        }
        Circuit.Builder b = Circuit.builder(comps.size());
        b.title(title);
        for (String name : netNames) {
            b.net(name);
        }
        List<Component> built = new ArrayList<>(comps.size());
        for (KicadComp r : comps) {
            built.add(components.build(r));
        }
        for (String path : components.includes()) {
            b.include(new Include(path, null, 0));
        }
        for (ModelCard m : components.inlineModels()) {
            b.model(m);
        }
        for (int i = 0; i < built.size(); i++) {
            b.add(built.get(i), nets[i] == null ? new String[0] : nets[i]);
        }
        return b.build();
    }

    private void report() {
        if (!ignored.isEmpty()) {
            notices.info(0, "KiCad elements not carried into the circuit: " + String.join(", ", ignored));
        }
        components.report();
        unknownPinTypes.report(notices, "pins have a pin type KiCad does not define and were read as unspecified",
                null, true);
        noConnect.report(notices, "pins are marked no-connect; the marker itself is not kept", null, false);
        if (!netClasses.isEmpty()) {
            notices.info(0, "net classes (" + String.join(", ", netClasses) + ") are not kept; nets keep their names");
        }
    }
}
