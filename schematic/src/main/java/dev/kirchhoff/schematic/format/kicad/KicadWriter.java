package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.format.ModelTypes;
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
import dev.kirchhoff.schematic.model.NaturalOrder;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a circuit as a KiCad 8 netlist, laid out the way KiCad writes it (two spaces per level, attributes on
 * the element's line, every string quoted). Deterministic: components and nets in circuit order, nodes in natural
 * order, no dates and no time stamps that were not read. One instance per write; not thread-safe.
 */
final class KicadWriter {

    private static final String KIRCHHOFF_LIB = "Kirchhoff";

    private final Notices notices;
    private final Map<String, LibPartOut> libparts = new LinkedHashMap<>();
    private final Map<List<Pin>, List<Pin>> sortedPins = new IdentityHashMap<>();
    private final Map<List<Pin>, List<Pin>> sortedPrimitivePins = new IdentityHashMap<>();
    private final Set<String> verbatimModels = new HashSet<>();
    private final Set<String> libraryFields = new HashSet<>();
    private SpiceWriter spice;

    private final Tally pinless = new Tally();
    private final Tally expressions = new Tally();
    private final Tally unknownPolarity = new Tally();
    private final Tally notSimulated = new Tally();
    private final Tally pinFunctions = new Tally();
    private final Tally renamedParts = new Tally();
    private int emptyNets;

    /** A {@code (libpart …)} to write: its symbol and its pins in natural order. */
    private record LibPartOut(String lib, String part, String description, String docs, String filters,
                              String reference, List<Pin> pins) {
    }

    KicadWriter(Notices notices) {
        this.notices = notices;
    }

    void write(Circuit circuit, Appendable target) throws IOException {
        Emitter e = new Emitter(target);
        e.open("export");
        e.attr("version", "E");
        design(circuit, e);
        e.open("components");
        List<Component> components = circuit.components();
        for (int i = 0; i < components.size(); i++) {
            component(circuit, components.get(i), e);
        }
        e.close();
        e.open("libparts");
        for (LibPartOut lp : libparts.values()) {
            libpart(lp, e);
        }
        e.close();
        nets(circuit, e);
        e.close();
        e.raw("\n");
        e.flush();
        report(circuit);
    }

    private static void design(Circuit circuit, Emitter e) throws IOException {
        String title = circuit.title().strip();
        e.open("design");
        if (!title.isEmpty()) {
            e.leaf("source", title);
        }
        e.leaf("tool", "Kirchhoff");
        if (!title.isEmpty()) {
            e.open("sheet");
            e.attr("number", "1");
            e.attr("name", "/");
            e.attr("tstamps", "/");
            e.open("title_block");
            e.leaf("title", title);
            e.close();
            e.close();
        }
        e.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Components

    private void component(Circuit circuit, Component c, Emitter e) throws IOException {
        if (c.pins().isEmpty()) {
            pinless.add(c.ref() + " (" + c.kind().description() + ")", c.line());
            return;
        }
        ComponentKind kind = c.kind();
        boolean transistor = kind == ComponentKind.BJT || kind == ComponentKind.MOSFET || kind == ComponentKind.JFET;
        char polarity = transistor ? ModelTypes.polarity(c, circuit) : '?';
        if (transistor && polarity != 'n' && polarity != 'p' && c.property(KicadNetlistFormat.LIBSOURCE) == null) {
            unknownPolarity.add(c.ref(), c.line());
        }
        String libsource = c.property(KicadNetlistFormat.LIBSOURCE);
        boolean fromKicad = libsource != null;
        String basis = c.property(KicadNetlistFormat.SIM_BASIS);
        boolean verbatim = basis != null && basis.equals(SimFields.basis(c));

        KicadSymbols.LibId id;
        if (fromKicad) {
            int colon = libsource.indexOf(':');
            String desc = c.property(KicadNetlistFormat.LIBSOURCE_DESCRIPTION);
            id = new KicadSymbols.LibId(colon < 0 ? "" : libsource.substring(0, colon),
                    libsource.substring(colon + 1), desc == null ? "" : desc);
        } else {
            id = symbolFor(c, polarity);
        }

        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : c.properties().entrySet()) {
            if (p.getKey().startsWith(KicadNetlistFormat.FIELD)) {
                fields.put(p.getKey().substring(KicadNetlistFormat.FIELD.length()), p.getValue());
            }
        }
        String value;
        if (verbatim) {
            String asRead = c.property(KicadNetlistFormat.VALUE);
            value = asRead != null ? asRead : valueField(c, id);
            if (c.model() != null) {
                verbatimModels.add(c.model());
            }
        } else {
            value = valueField(c, id);
            boolean simulate = fromKicad ? basis != null || kicadNeedsSimulation(c) : needsSimulation(c);
            if (simulate) {
                simulationFields(c, polarity, fields);
            }
        }
        if (kind == ComponentKind.PART && c.part() != null && !c.part().startsWith("kicad:")) {
            fields.put(KicadComponents.PART_FIELD, c.part());
        }
        String library = fields.containsKey(SimFields.LIBRARY) ? fields.get(SimFields.LIBRARY)
                : fields.get("Spice_Lib_File");
        if (library != null) {
            libraryFields.add(library);
        }
        for (Pin p : c.pins()) {
            if (!p.functions().isEmpty()) {
                pinFunctions.add(c.ref() + ":" + p.number(), c.line());
                break;
            }
        }

        id = register(c, id, fromKicad);
        String footprint = nz(c.property(KicadNetlistFormat.FOOTPRINT));
        String datasheet = nz(c.property(KicadNetlistFormat.DATASHEET));
        String description = nz(c.property(KicadNetlistFormat.DESCRIPTION));

        e.open("comp");
        e.attr("ref", c.ref());
        e.leaf("value", value.isEmpty() ? "~" : value);
        if (!footprint.isEmpty()) {
            e.leaf("footprint", footprint);
        }
        if (!datasheet.isEmpty()) {
            e.leaf("datasheet", datasheet);
        }
        if (!description.isEmpty()) {
            e.leaf("description", description);
        }
        e.open("fields");
        for (Map.Entry<String, String> f : fields.entrySet()) {
            field(e, f.getKey(), f.getValue());
        }
        field(e, "Footprint", footprint);
        field(e, "Datasheet", datasheet);
        field(e, "Description", description);
        e.close();
        e.open("libsource");
        e.attr("lib", id.lib());
        e.attr("part", id.part());
        e.attr("description", id.description());
        e.close();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            property(e, f.getKey(), f.getValue());
        }
        for (Map.Entry<String, String> p : c.properties().entrySet()) {
            if (p.getKey().startsWith(KicadNetlistFormat.PROPERTY)) {
                property(e, p.getKey().substring(KicadNetlistFormat.PROPERTY.length()), p.getValue());
            }
        }
        String names = c.property(KicadNetlistFormat.SHEET_NAMES);
        String stamps = c.property(KicadNetlistFormat.SHEET_STAMPS);
        e.open("sheetpath");
        e.attr("names", names == null ? "/" : names);
        e.attr("tstamps", stamps == null ? "/" : stamps);
        e.close();
        String tstamps = c.property(KicadNetlistFormat.TSTAMPS);
        if (tstamps != null && !tstamps.isBlank()) {
            e.open("tstamps");
            for (String t : tstamps.strip().split("\\s+")) {
                e.text(t);
            }
            e.close();
        }
        e.close();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void field(Emitter e, String name, String value) throws IOException {
        e.open("field");
        e.attr("name", name);
        if (value != null && !value.isEmpty()) {
            e.text(value);
        }
        e.close();
    }

    private static void property(Emitter e, String name, String value) throws IOException {
        e.open("property");
        e.attr("name", name);
        if (!(value == null || value.isEmpty() && KicadComponents.FLAG_PROPERTIES.contains(name))) {
            e.attr("value", value);
        }
        e.close();
    }

    /** The KiCad symbol for a component that did not come from KiCad. */
    private KicadSymbols.LibId symbolFor(Component c, char polarity) {
        ComponentKind kind = c.kind();
        if (kind == ComponentKind.SUBCIRCUIT) {
            String name = c.model() != null ? c.model() : "subcircuit";
            return new KicadSymbols.LibId(KIRCHHOFF_LIB, name, "Subcircuit " + name);
        }
        if (kind == ComponentKind.PART) {
            String part = c.part();
            if (part != null && part.startsWith("kicad:")) {
                String rest = part.substring("kicad:".length());
                int colon = rest.indexOf(':');
                return new KicadSymbols.LibId(colon < 0 ? "" : rest.substring(0, colon), rest.substring(colon + 1),
                        "");
            }
            String name = part != null ? part : c.model() != null ? c.model() : "part";
            return new KicadSymbols.LibId(KIRCHHOFF_LIB, name.replace(':', '_'), "");
        }
        SourceSpec spec = kind == ComponentKind.VOLTAGE_SOURCE || kind == ComponentKind.CURRENT_SOURCE
                ? sourceSpec(c) : null;
        return KicadSymbols.symbolFor(kind, polarity, c.pins().size(), spec == null ? null : spec.function());
    }

    /**
     * Registers the component's library part and returns the symbol to name in its {@code libsource}. Parts
     * written from other formats that share a symbol name but not its pins (a BJT with a substrate pin) get a
     * numbered variant ({@code NPN_2}); KiCad's own symbols keep their names and the first component's pins.
     */
    private KicadSymbols.LibId register(Component c, KicadSymbols.LibId id, boolean fromKicad) {
        List<Pin> pins = c.kind().isPrimitive()
                ? sortedPrimitivePins.computeIfAbsent(c.pins(), p -> libpartPins(p, true))
                : sortedPins.computeIfAbsent(c.pins(), p -> libpartPins(p, false));
        String key = id.lib() + ":" + id.part();
        LibPartOut existing = libparts.get(key);
        if (existing == null) {
            libparts.put(key, libpart(c, id, pins));
            return id;
        }
        if (fromKicad || existing.pins().equals(pins)) {
            return id;
        }
        for (int k = 2; ; k++) {
            KicadSymbols.LibId variant = new KicadSymbols.LibId(id.lib(), id.part() + "_" + k, id.description());
            String vk = variant.lib() + ":" + variant.part();
            LibPartOut other = libparts.get(vk);
            if (other == null) {
                libparts.put(vk, libpart(c, variant, pins));
                renamedParts.add(c.ref() + " (" + variant.lib() + ":" + variant.part() + ")", c.line());
                return variant;
            }
            if (other.pins().equals(pins)) {
                return variant;
            }
        }
    }

    private static LibPartOut libpart(Component c, KicadSymbols.LibId id, List<Pin> pins) {
        String filters = c.property(KicadNetlistFormat.PROPERTY + "ki_fp_filters");
        int letters = 0;
        while (letters < c.ref().length() && Character.isLetter(c.ref().charAt(letters))) {
            letters++;
        }
        String reference = letters == 0 ? "U" : c.ref().substring(0, letters);
        return new LibPartOut(id.lib(), id.part(), id.description(), c.property(KicadNetlistFormat.DATASHEET),
                filters, reference, pins);
    }

    /**
     * The pins as a library part lists them: in natural number order; a primitive's pin named by its own number
     * (a resistor's {@code 1}) is unnamed, as in KiCad's {@code Device:R}.
     */
    private static List<Pin> libpartPins(List<Pin> pins, boolean primitive) {
        Pin[] sorted = new Pin[pins.size()];
        for (int i = 0; i < sorted.length; i++) {
            Pin p = pins.get(i);
            sorted[i] = Pin.of(p.number(), primitive && p.name().equals(p.number()) ? "" : p.name(), p.type());
        }
        Arrays.sort(sorted, (a, b) -> NaturalOrder.INSTANCE.compare(a.number(), b.number()));
        return List.of(sorted);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Values and simulation fields

    /** The value field: the value in KiCad's notation, else the model, else the symbol name (KiCad's default). */
    private String valueField(Component c, KicadSymbols.LibId id) {
        Value v = c.value();
        ComponentKind kind = c.kind();
        boolean source = isSource(kind);
        if (v == null) {
            if (source) {
                SourceSpec spec = sourceSpec(c);
                String text = spec == null ? "" : spec.toSpice(ValueSyntax.ENGINEERING, "{", "}");
                if (!text.isEmpty()) {
                    return text;
                }
            }
            if (!c.parameters().isEmpty() && kind == ComponentKind.BEHAVIORAL_SOURCE) {
                return SimFields.params(c.parameters());
            }
            return c.model() != null ? c.model() : id.part();
        }
        return switch (v.form()) {
            case NUMBER -> ValueSyntax.ENGINEERING.format(v);
            case EXPRESSION -> {
                expressions.add(c.ref() + " = " + v.text(), c.line());
                yield "{" + ValueSyntax.ENGINEERING.translateExpression(v.text(), v.syntax()) + "}";
            }
            case TEXT -> source ? ValueSyntax.ENGINEERING.translateExpression(v.text(), v.syntax()) : v.text();
        };
    }

    private static boolean isSource(ComponentKind kind) {
        return switch (kind) {
            case VOLTAGE_SOURCE, CURRENT_SOURCE, VCVS, VCCS, CCCS, CCVS, BEHAVIORAL_SOURCE -> true;
            default -> false;
        };
    }

    /** What an independent source produces, from its value or (Spectre) its parameters; {@code null} if nothing. */
    private static SourceSpec sourceSpec(Component c) {
        Value v = c.value();
        if (c.kind() != ComponentKind.VOLTAGE_SOURCE && c.kind() != ComponentKind.CURRENT_SOURCE) {
            return null;
        }
        if (v == null) {
            if (c.parameters().isEmpty()) {
                return null;
            }
            List<Parameter> rest = new ArrayList<>();
            return SourceSpec.fromSpectre(c.parameters(), rest);
        }
        if (v.isNumber() || v.isExpression()) {
            return new SourceSpec(v, null, null, null, List.of(), "");
        }
        return SourceSpec.fromSpice(v.text(), v.syntax());
    }

    /** Whether a component from another format gets KiCad simulation fields. */
    private static boolean needsSimulation(Component c) {
        return c.kind() != ComponentKind.PART || c.model() != null;
    }

    /** Whether a KiCad component read without simulation fields now says more than KiCad would infer. */
    private static boolean kicadNeedsSimulation(Component c) {
        boolean modelFromValue = c.model() == null || c.value() != null && c.model().equals(c.value().text());
        return !modelFromValue || !c.parameters().isEmpty();
    }

    /** Replaces the simulation fields in {@code fields} with ones that describe {@code c}. */
    private void simulationFields(Component c, char polarity, Map<String, String> fields) {
        fields.keySet().removeIf(k -> k.startsWith("Spice_") || k.equals(SimFields.DEVICE)
                || k.equals(SimFields.TYPE) || k.equals(SimFields.PINS) || k.equals(SimFields.NAME)
                || k.equals(SimFields.PARAMS));
        ComponentKind kind = c.kind();
        String device = KicadSymbols.simDevice(kind, polarity);
        switch (kind) {
            case RESISTOR, CAPACITOR, INDUCTOR -> {
                fields.put(SimFields.DEVICE, device);
                fields.put(SimFields.PINS, pinMap(c));
                if (c.model() != null) {
                    fields.put(SimFields.NAME, c.model());
                }
                if (!c.parameters().isEmpty()) {
                    StringBuilder sb = new StringBuilder();
                    if (c.value() != null) {
                        SimFields.append(sb, device.toLowerCase(Locale.ROOT), SimFields.print(c.value()));
                    }
                    String rest = SimFields.params(c.parameters());
                    fields.put(SimFields.PARAMS, sb.length() == 0 ? rest : sb + " " + rest);
                }
            }
            case DIODE, LED, BJT, MOSFET, JFET, SUBCIRCUIT, PART -> {
                fields.put(SimFields.DEVICE, device == null ? "SUBCKT" : device);
                fields.put(SimFields.PINS, pinMap(c));
                if (c.model() != null) {
                    fields.put(SimFields.NAME, c.model());
                }
                if (!c.parameters().isEmpty()) {
                    fields.put(SimFields.PARAMS, SimFields.params(c.parameters()));
                }
            }
            case VOLTAGE_SOURCE, CURRENT_SOURCE -> {
                SourceSpec spec = sourceSpec(c);
                SimFields.Source model = spec == null ? new SimFields.Source("DC", "dc=0") : SimFields.toKicad(spec);
                if (model == null) {
                    raw(c, fields);
                    return;
                }
                fields.put(SimFields.DEVICE, device);
                fields.put(SimFields.TYPE, model.type());
                fields.put(SimFields.PINS, pinMap(c));
                fields.put(SimFields.PARAMS, model.params());
            }
            case VCVS, VCCS -> {
                Value v = c.value();
                if (c.pins().size() == 4 && v != null && (v.isNumber() || v.isExpression())) {
                    fields.put(SimFields.DEVICE, device);
                    fields.put(SimFields.PINS, pinMap(c));
                    fields.put(SimFields.PARAMS, "gain=" + SimFields.print(v));
                } else if (c.pins().size() == 2) {
                    raw(c, fields);
                } else {
                    notSimulated.add(c.ref(), c.line());
                }
            }
            default -> raw(c, fields);
        }
    }

    /** {@code Sim.Pins}: each symbol pin number with the model pin it is ({@code 1=D 2=G 3=S 4=B}). */
    private static String pinMap(Component c) {
        String[] terminal = terminals(c);
        String[] entries = new String[c.pins().size()];
        for (int i = 0; i < entries.length; i++) {
            Pin p = c.pins().get(i);
            entries[i] = p.number() + "=" + (terminal[i] != null ? KicadSymbols.modelPin(c.kind(), terminal[i])
                    : p.label());
        }
        return byPinNumber(entries);
    }

    /** {@code N=X} entries joined in natural order of their pin numbers. */
    private static String byPinNumber(String[] entries) {
        Arrays.sort(entries, (a, b) -> NaturalOrder.INSTANCE.compare(a.substring(0, a.indexOf('=')),
                b.substring(0, b.indexOf('='))));
        return String.join(" ", entries);
    }

    /** The terminal name of each pin of a primitive, {@code null} where a pin is no terminal. */
    private static String[] terminals(Component c) {
        String[] terminal = new String[c.pins().size()];
        if (!c.kind().isPrimitive()) {
            return terminal;
        }
        for (String t : c.kind().terminalOrder()) {
            int at = c.terminalIndex(t);
            if (at >= 0 && terminal[at] == null) {
                terminal[at] = t;
            }
        }
        return terminal;
    }

    /**
     * Raw SPICE simulation fields ({@code Sim.Device=SPICE}): the element line's text after its nodes, as the SPICE
     * writer prints it, with {@code Sim.Pins} giving each pin's node position.
     */
    private void raw(Component c, Map<String, String> fields) {
        String[] terminal = terminals(c);
        List<String> order = c.kind().terminalOrder();
        int n = c.pins().size();
        int[] position = new int[n];
        boolean[] used = new boolean[n + 1];
        boolean named = true;
        for (int i = 0; i < n; i++) {
            int at = terminal[i] == null ? -1 : order.indexOf(terminal[i]);
            if (at < 0 || at >= n || used[at]) {
                named = false;
                break;
            }
            position[i] = at;
            used[at] = true;
        }
        if (!named) {
            for (int i = 0; i < n; i++) {
                position[i] = i;
            }
        }
        if (spice == null) {
            spice = new SpiceWriter(SpiceDialect.NGSPICE, new Notices());
        }
        String[] nodes = new String[n];
        StringBuilder prefix = new StringBuilder("X");
        for (int i = 0; i < n; i++) {
            nodes[i] = "n" + (i + 1);
            prefix.append(' ').append(nodes[i]);
        }
        StringBuilder line = new StringBuilder();
        spice.element(c, "X", nodes, UnaryOperator.identity(), line);
        String tail = line.length() >= prefix.length() && line.substring(0, prefix.length()).contentEquals(prefix)
                ? line.substring(prefix.length()).strip() : "";
        String[] pins = new String[n];
        for (int i = 0; i < n; i++) {
            pins[i] = c.pins().get(i).number() + "=" + (position[i] + 1);
        }
        StringBuilder params = new StringBuilder();
        SimFields.append(params, "type", String.valueOf(c.kind().spiceLetter()));
        SimFields.append(params, "model", tail);
        fields.put(SimFields.DEVICE, "SPICE");
        fields.put(SimFields.PINS, byPinNumber(pins));
        fields.put(SimFields.PARAMS, params.toString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Library parts and nets

    private static void libpart(LibPartOut lp, Emitter e) throws IOException {
        e.open("libpart");
        e.attr("lib", lp.lib());
        e.attr("part", lp.part());
        if (lp.description() != null && !lp.description().isEmpty()) {
            e.leaf("description", lp.description());
        }
        if (lp.docs() != null && !lp.docs().isEmpty()) {
            e.leaf("docs", lp.docs());
        }
        if (lp.filters() != null && !lp.filters().isBlank()) {
            e.open("footprints");
            for (String f : lp.filters().strip().split("\\s+")) {
                e.leaf("fp", f);
            }
            e.close();
        }
        e.open("fields");
        field(e, "Reference", lp.reference());
        field(e, "Value", lp.part());
        e.close();
        e.open("pins");
        for (Pin p : lp.pins()) {
            e.open("pin");
            e.attr("num", p.number());
            e.attr("name", p.name());
            e.attr("type", p.type().kicadName());
            e.close();
        }
        e.close();
        e.close();
    }

    private void nets(Circuit circuit, Emitter e) throws IOException {
        List<String> names = circuit.netNames();
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] counts = new int[names.size()];
        List<Component> components = circuit.components();
        for (int c = 0; c < components.size(); c++) {
            for (int p = 0; p < components.get(c).pins().size(); p++) {
                String net = circuit.netAt(c, p);
                if (net != null) {
                    counts[index.get(net)]++;
                }
            }
        }
        long[][] members = new long[names.size()][];
        int[] filled = new int[names.size()];
        for (int i = 0; i < counts.length; i++) {
            members[i] = new long[counts[i]];
        }
        for (int c = 0; c < components.size(); c++) {
            for (int p = 0; p < components.get(c).pins().size(); p++) {
                String net = circuit.netAt(c, p);
                if (net != null) {
                    int n = index.get(net);
                    members[n][filled[n]++] = (long) c << 32 | p;
                }
            }
        }
        e.open("nets");
        int code = 0;
        for (int i = 0; i < names.size(); i++) {
            if (members[i].length == 0) {
                emptyNets++;
                continue;
            }
            Long[] sorted = new Long[members[i].length];
            for (int k = 0; k < sorted.length; k++) {
                sorted[k] = members[i][k];
            }
            Arrays.sort(sorted, (a, b) -> {
                Component ca = components.get((int) (a >>> 32));
                Component cb = components.get((int) (b >>> 32));
                int r = NaturalOrder.INSTANCE.compare(ca.ref(), cb.ref());
                return r != 0 ? r : NaturalOrder.INSTANCE.compare(ca.pins().get((int) (long) a).number(),
                        cb.pins().get((int) (long) b).number());
            });
            e.open("net");
            e.attr("code", Integer.toString(++code));
            e.attr("name", names.get(i));
            for (Long m : sorted) {
                Component comp = components.get((int) (m >>> 32));
                Pin pin = comp.pins().get((int) (long) m);
                e.open("node");
                e.attr("ref", comp.ref());
                e.attr("pin", pin.number());
                if (!pin.name().isEmpty() && !pin.name().equals(pin.number())) {
                    e.attr("pinfunction", pin.name());
                }
                e.attr("pintype", pin.type().kicadName());
                e.close();
            }
            e.close();
        }
        e.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // What could not be written

    private void report(Circuit circuit) {
        if (!circuit.subcircuits().isEmpty()) {
            List<String> defs = new ArrayList<>();
            for (Subcircuit s : circuit.subcircuits()) {
                defs.add(s.name());
            }
            notices.warn(0, "a KiCad netlist is flat, so the subcircuit definitions (" + shortList(defs) + ") were "
                    + "not written and their calls became " + KIRCHHOFF_LIB + ":NAME parts; flatten the circuit "
                    + "first to keep every device");
        }
        pinless.report(notices, "components have no pins and cannot be placed in a KiCad netlist",
                "add them in KiCad (for inductor coupling, a K directive on the schematic)", true);
        List<String> models = new ArrayList<>();
        for (ModelCard m : circuit.models()) {
            if (!verbatimModels.contains(m.name())) {
                models.add(m.name());
            }
        }
        if (!models.isEmpty()) {
            notices.warn(0, models.size() + " device models (" + shortList(models) + ") cannot be expressed in a "
                    + "KiCad netlist; the components name them in Sim.Name, so put the .model cards in a library "
                    + "file and point the symbols' Sim.Library field at it");
        }
        if (!circuit.parameters().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Parameter p : circuit.parameters()) {
                names.add(p.name());
            }
            notices.warn(0, circuit.parameters().size() + " circuit parameters (" + shortList(names) + ") cannot be "
                    + "expressed in a KiCad netlist; define them with a .param directive on the KiCad schematic");
        }
        List<String> files = new ArrayList<>();
        for (Include inc : circuit.includes()) {
            if (!libraryFields.contains(inc.path())) {
                files.add(inc.path());
            }
        }
        if (!files.isEmpty()) {
            notices.warn(0, files.size() + " included files (" + shortList(files) + ") cannot be referenced from a "
                    + "KiCad netlist; name them in the symbols' Sim.Library fields or in a .include directive");
        }
        if (!circuit.directives().isEmpty()) {
            List<String> keywords = new ArrayList<>();
            for (Directive d : circuit.directives()) {
                String k = d.text().strip().split("\\s+", 2)[0];
                if (!keywords.contains(k)) {
                    keywords.add(k);
                }
            }
            notices.warn(0, circuit.directives().size() + " simulator directives (" + shortList(keywords) + ") are "
                    + "not part of a KiCad netlist; set up the analyses in KiCad's simulator");
        }
        if (!circuit.globals().isEmpty()) {
            notices.info(0, "global net declarations (" + shortList(circuit.globals()) + ") are not written; "
                    + "the nets keep their names");
        }
        expressions.report(notices, "values are parameter expressions, written in braces",
                "KiCad's simulator needs the parameters defined; numbers are safer", true);
        unknownPolarity.report(notices, "transistors have no model type that tells N from P and were written as "
                + "N-type", "define their .model cards, or correct Sim.Device in KiCad", true);
        notSimulated.report(notices, "controlled sources use POLY, which KiCad's simulator cannot read; the value "
                + "field keeps it for SPICE", null, true);
        renamedParts.report(notices, "components share a symbol name with different pins and got a numbered "
                + "symbol", null, false);
        pinFunctions.report(notices, "components have pin functions (I2C_SDA, ADC, …) that a KiCad netlist does "
                + "not carry; pin names and types are kept", null, false);
        if (emptyNets > 0) {
            notices.info(0, emptyNets + " nets without pins are not written (KiCad lists only connected nets)");
        }
    }

    private static String shortList(List<String> names) {
        if (names.size() <= 8) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 8)) + ", …";
    }

    /**
     * Prints S-expressions as KiCad's netlist writer does: a child list starts a new line indented two spaces per
     * level; attributes and text stay on their element's line; strings are always quoted.
     */
    private static final class Emitter {
        private final Appendable target;
        private final StringBuilder sb = new StringBuilder(1 << 16);
        private int depth;

        Emitter(Appendable target) {
            this.target = target;
        }

        void open(String name) {
            if (depth > 0) {
                sb.append('\n');
                for (int i = 0; i < depth; i++) {
                    sb.append("  ");
                }
            }
            sb.append('(').append(name);
            depth++;
        }

        void attr(String name, String value) {
            sb.append(" (").append(name).append(' ');
            quote(value);
            sb.append(')');
        }

        void text(String value) {
            sb.append(' ');
            quote(value);
        }

        void leaf(String name, String text) throws IOException {
            open(name);
            if (text != null && !text.isEmpty()) {
                text(text);
            }
            close();
        }

        void close() throws IOException {
            sb.append(')');
            depth--;
            if (sb.length() > 1 << 15) {
                flush();
            }
        }

        void raw(String s) {
            sb.append(s);
        }

        void flush() throws IOException {
            target.append(sb);
            sb.setLength(0);
        }

        private void quote(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
            sb.append('"');
        }
    }
}
