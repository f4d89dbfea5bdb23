package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.SourceSpec;
import dev.kirchhoff.schematic.format.Tally;
import dev.kirchhoff.schematic.format.spice.SpiceDialect;
import dev.kirchhoff.schematic.format.spice.SpiceFormat;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a KiCad symbol instance is as a {@link Component}: its kind (from {@code Sim.Device}, KiCad 6's
 * {@code Spice_Primitive}, the library symbol, or for symbol-less hand-written netlists the reference designator),
 * its value, model and parameters, and the {@code kicad.} properties that let it be written back unchanged. One
 * instance per read; not thread-safe.
 */
final class KicadComponents {

    /** Field names KiCad treats as mandatory; their values have their own elements in a {@code comp}. */
    static final Set<String> MANDATORY_FIELDS = Set.of("Reference", "Value", "Footprint", "Datasheet", "Description");
    /** The field the writer adds to carry a part id that is not a KiCad symbol ({@code esp32-devkit-v1}). */
    static final String PART_FIELD = "Kirchhoff.Part";
    /** Property flags KiCad writes without a value. */
    static final Set<String> FLAG_PROPERTIES = Set.of("exclude_from_bom", "exclude_from_board", "exclude_from_sim",
            "exclude_from_pos_files", "dnp");

    /** SPICE instance parameters; other {@code Sim.Params} of an inline KiCad model belong to its model card. */
    private static final Set<String> INSTANCE_PARAMETERS = Set.of("area", "m", "w", "l", "ad", "as", "pd", "ps",
            "nrd", "nrs", "off", "ic", "temp", "dtemp", "nf", "areab", "areac", "pj", "lm", "wm");
    /** Libraries of generic symbols, whose name is no part number. */
    private static final Set<String> GENERIC_LIBRARIES = Set.of("Device", "Simulation_SPICE", "pspice");

    private final String file;
    private final Notices notices;
    private final Set<String> includes = new LinkedHashSet<>();
    private final List<ModelCard> inlineModels = new ArrayList<>();
    private final Tally notPrimitive = new Tally();
    private final Tally symbolNotPrimitive = new Tally();
    private final Tally nonNumeric = new Tally();
    private final Tally untranslatedSources = new Tally();

    KicadComponents(String file, Notices notices) {
        this.file = file;
        this.notices = notices;
    }

    /** The simulation libraries ({@code Sim.Library}, {@code Spice_Lib_File}) the components named, in order. */
    Set<String> includes() {
        return includes;
    }

    /** Model cards made from KiCad inline models ({@code Sim.Params} with model parameters and no library). */
    List<ModelCard> inlineModels() {
        return inlineModels;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The component {@code r} describes; call once its pins are known. */
    Component build(KicadComp r) {
        String simDevice = r.sim(SimFields.DEVICE);
        String simType = r.sim(SimFields.TYPE);
        String spicePrimitive = r.sim("Spice_Primitive");
        Map<String, String> simParams = SimFields.parse(r.sim(SimFields.PARAMS));
        String rawType = null;
        String rawModel = null;
        KicadSymbols.Meaning meaning;
        if (simDevice != null) {
            if (simDevice.equalsIgnoreCase("SPICE")) {
                rawType = SimFields.get(simParams, "type");
                rawModel = SimFields.get(simParams, "model");
            }
            meaning = KicadSymbols.fromSimDevice(simDevice, simType, rawType);
        } else if (spicePrimitive != null) {
            meaning = KicadSymbols.fromSpiceLetter(spicePrimitive.charAt(0));
            if (meaning != null && isRawOnly(meaning.kind())) {
                rawType = spicePrimitive.substring(0, 1);
                rawModel = r.sim("Spice_Model") != null ? r.sim("Spice_Model") : r.value;
            }
        } else if (r.part != null) {
            meaning = KicadSymbols.fromSymbol(r.lib, r.part, r.libDescription);
        } else {
            meaning = fromReference(r);
        }
        if (meaning != null && meaning.kind() == ComponentKind.DIODE && r.part != null
                && (r.part.startsWith("LED") || "LED".equals(r.lib))) {
            meaning = new KicadSymbols.Meaning(ComponentKind.LED, '?');
        }
        ComponentKind kind = meaning == null ? ComponentKind.PART : meaning.kind();
        if (kind.isPrimitive() && !fits(r.ref, kind, r.pins)) {
            // A simulation model that does not fit is a mistake in the design; a symbol name that only looks
            // like a primitive (D_Bridge, L_Coupled) is just a part.
            (simDevice != null || spicePrimitive != null ? notPrimitive : symbolNotPrimitive)
                    .add(r.ref + " (" + symbolName(r) + " as " + kind.description() + ")", r.line);
            kind = ComponentKind.PART;
            meaning = null;
            rawType = null;
        }
        String valueText = r.value == null ? null : r.value.strip();
        if (valueText != null && (valueText.isEmpty() || valueText.equals("~")
                || valueText.equals(r.part) && GENERIC_LIBRARIES.contains(nz(r.lib)))) {
            // "~" is KiCad's empty value, and a generic symbol's own name ("R", "Q_NPN_EBC") is a placeholder; a
            // part library's symbol name ("Transistor_BJT:2N3906") is the real part.
            valueText = null;
        }
        Component.Builder b = Component.builder(r.ref, kind).pins(r.pins).line(r.line);
        Value value = valueText == null ? null : ValueSyntax.ENGINEERING.parse(valueText);
        String simName = r.sim(SimFields.NAME);
        String spiceModel = r.sim("Spice_Model");
        String model = simName != null ? simName : spiceModel;
        List<Parameter> params = new ArrayList<>();
        if (rawType != null) {
            Component parsed = raw(r, rawType, rawModel == null ? "" : rawModel);
            if (parsed != null) {
                b = Component.builder(r.ref, parsed.kind()).pins(r.pins).line(r.line);
                value = parsed.value();
                model = parsed.model();
                params.addAll(parsed.parameters());
                parsed.controls().forEach(b::control);
                kind = parsed.kind();
            } else {
                b = Component.builder(r.ref, ComponentKind.PART).pins(r.pins).line(r.line)
                        .part(r.part == null ? null : "kicad:" + nz(r.lib) + ":" + r.part);
                kind = ComponentKind.PART;
            }
        } else {
            switch (kind) {
                case RESISTOR, CAPACITOR, INDUCTOR -> {
                    String primary = kind == ComponentKind.RESISTOR ? "r" : kind == ComponentKind.CAPACITOR ? "c" : "l";
                    String fromParams = SimFields.get(simParams, primary);
                    if ((value == null || !value.isNumber()) && fromParams != null) {
                        value = ValueSyntax.ENGINEERING.parse(fromParams);
                    } else if ((value == null || !value.isNumber()) && spiceModel != null) {
                        value = ValueSyntax.ENGINEERING.parse(spiceModel);
                        model = null;
                    }
                    if (value != null && value.form() == Value.Form.TEXT) {
                        nonNumeric.add(r.ref + " = " + value.text(), r.line);
                    }
                    simParams.keySet().removeIf(k -> k.equalsIgnoreCase(primary));
                    params.addAll(parameters(simParams));
                    if (model != null && value != null && model.equals(value.text())) {
                        model = null;
                    }
                }
                case DIODE, LED, BJT, MOSFET, JFET -> {
                    // "BC547" names a model; an LED's value is usually its colour, which names nothing.
                    if (model == null && value != null && !value.isNumber() && kind != ComponentKind.LED) {
                        model = value.text();
                    }
                    if (simName == null && r.sim(SimFields.LIBRARY) == null && simDevice != null
                            && hasModelParameters(simParams)) {
                        model = inlineModel(r, kind, meaning.polarity(), simType, simParams, params);
                    } else {
                        params.addAll(parameters(simParams));
                    }
                }
                case VOLTAGE_SOURCE, CURRENT_SOURCE -> value = sourceValue(r, value, simDevice != null, simType,
                        simParams, spiceModel);
                case VCVS, VCCS -> {
                    String gain = SimFields.get(simParams, "gain");
                    if ((value == null || !value.isNumber()) && gain != null) {
                        value = ValueSyntax.ENGINEERING.parse(gain);
                    }
                }
                case BEHAVIORAL_SOURCE -> {
                    String expression = SimFields.get(simParams, simDevice != null
                            && simDevice.equalsIgnoreCase("I") ? "i" : "v");
                    if (expression != null) {
                        String letter = simDevice != null && simDevice.equalsIgnoreCase("I") ? "I" : "V";
                        value = Value.text(letter + "=" + expression);
                    }
                }
                case SUBCIRCUIT -> {
                    if (model == null && valueText != null) {
                        model = valueText;
                    }
                    params.addAll(parameters(simParams));
                }
                case PART -> {
                    String kirchhoffPart = r.fields.get(PART_FIELD);
                    b.part(kirchhoffPart != null && !kirchhoffPart.isBlank() ? kirchhoffPart
                            : r.part == null ? null : "kicad:" + nz(r.lib) + ":" + r.part);
                    // An IC's value names its model ("NE555P"); a connector's value is just its symbol name.
                    if (model == null && value != null && !value.isNumber() && !value.text().equals(r.part)) {
                        model = value.text();
                    }
                    params.addAll(parameters(simParams));
                }
                default -> params.addAll(parameters(simParams));
            }
        }
        char polarity = meaning == null ? '?' : meaning.polarity();
        if (polarity == '?' && (kind == ComponentKind.BJT || kind == ComponentKind.MOSFET
                || kind == ComponentKind.JFET)) {
            polarity = KicadSymbols.polarityFromText(r.libDescription);
        }
        b.value(value).model(model).parameters(params);
        properties(r, b);
        if (value != null && r.value != null && !r.value.strip().equals(value.text())
                && !r.value.strip().equals("~")) {
            b.property(KicadNetlistFormat.VALUE, r.value);
        }
        if (polarity != '?' && (kind == ComponentKind.BJT || kind == ComponentKind.MOSFET
                || kind == ComponentKind.JFET)) {
            b.property("polarity", String.valueOf(polarity));
        }
        String library = r.sim(SimFields.LIBRARY) != null ? r.sim(SimFields.LIBRARY) : r.sim("Spice_Lib_File");
        if (library != null) {
            includes.add(library);
        }
        Component c = b.build();
        if (r.hasSimulationFields()) {
            c = c.toBuilder().property(KicadNetlistFormat.SIM_BASIS, SimFields.basis(c)).build();
        }
        return c;
    }

    /**
     * For hand-written netlists without symbols: a resistor, capacitor or inductor by its reference designator
     * ({@code R12}) when its value is a number.
     */
    private static KicadSymbols.Meaning fromReference(KicadComp r) {
        String ref = r.ref;
        if (ref.length() < 2 || !Character.isDigit(ref.charAt(1)) || r.value == null) {
            return null;
        }
        ComponentKind kind = switch (ref.charAt(0)) {
            case 'R' -> ComponentKind.RESISTOR;
            case 'C' -> ComponentKind.CAPACITOR;
            case 'L' -> ComponentKind.INDUCTOR;
            default -> null;
        };
        return kind != null && ValueSyntax.ENGINEERING.parse(r.value).isNumber() ? KicadSymbols.Meaning.of(kind)
                : null;
    }

    private static boolean isRawOnly(ComponentKind kind) {
        return switch (kind) {
            case CCCS, CCVS, BEHAVIORAL_SOURCE, VOLTAGE_SWITCH, CURRENT_SWITCH, TRANSMISSION_LINE, VCVS, VCCS -> true;
            default -> false;
        };
    }

    private static String symbolName(KicadComp r) {
        return r.part == null ? "no symbol" : nz(r.lib) + ":" + r.part;
    }

    /** Whether {@code pins} can be the terminals of {@code kind}: the right count, each terminal found once. */
    private static boolean fits(String ref, ComponentKind kind, List<Pin> pins) {
        if (kind == ComponentKind.SUBCIRCUIT) {
            return true;
        }
        List<String> order = kind.terminalOrder();
        int min = switch (kind) {
            case VCVS, VCCS -> 2;
            case MOSFET -> 3;
            default -> order.size();
        };
        int max = kind == ComponentKind.BJT ? 5 : order.size();
        if (pins.size() < min || pins.size() > max) {
            return false;
        }
        Component probe = Component.builder(ref, kind).pins(pins).build();
        Set<Integer> seen = new HashSet<>();
        int required = Math.min(pins.size(), order.size());
        for (int i = 0; i < required; i++) {
            int at = probe.terminalIndex(order.get(i));
            if (at < 0 || !seen.add(at)) {
                return false;
            }
        }
        return true;
    }

    private static List<Parameter> parameters(Map<String, String> params) {
        List<Parameter> out = new ArrayList<>(params.size());
        for (Map.Entry<String, String> e : params.entrySet()) {
            String v = e.getValue();
            if (e.getKey().isEmpty()) {
                continue;
            }
            out.add(new Parameter(e.getKey(), v == null ? Value.text(e.getKey())
                    : v.isEmpty() ? Value.text("\"\"") : ValueSyntax.ENGINEERING.parse(v)));
        }
        return out;
    }

    /** The SPICE specification of an independent source, from its value field or its simulation fields. */
    private Value sourceValue(KicadComp r, Value value, boolean hasSim, String simType, Map<String, String> simParams,
                              String spiceModel) {
        if (spiceModel != null && !hasSim) {
            // KiCad 6: Spice_Model holds the source specification when present.
            value = ValueSyntax.ENGINEERING.parse(spiceModel);
        }
        if (value != null && (value.isNumber() || value.isExpression() || isSourceSpec(value.text()))) {
            return value;
        }
        Map<String, String> params = simParams;
        if (params.isEmpty() && value != null && value.text().contains("=")) {
            params = SimFields.parse(value.text());   // KiCad 7+ may show ${SIM.PARAMS} as the value
        }
        if (hasSim || !params.isEmpty()) {
            String spec = SimFields.toSpice(simType, params);
            if (spec != null) {
                String dc = SimFields.get(params, "dc");
                boolean dcOnly = spec.startsWith("DC ") && !spec.contains(" AC ") && dc != null;
                return ValueSyntax.ENGINEERING.parse(dcOnly ? dc : spec);
            }
            untranslatedSources.add(r.ref + " (" + simType + ")", r.line);
        }
        return value;
    }

    private static boolean isSourceSpec(String text) {
        SourceSpec spec = SourceSpec.fromSpice(text, ValueSyntax.ENGINEERING);
        return spec.unknown().isEmpty() && (spec.dc() != null || spec.acMagnitude() != null
                || spec.function() != null);
    }

    private static boolean hasModelParameters(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!INSTANCE_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A KiCad inline model (model parameters in {@code Sim.Params}, no library) as a SPICE model card named
     * after the component; instance parameters ({@code w}, {@code l}, {@code area}) go to {@code instance}.
     */
    private String inlineModel(KicadComp r, ComponentKind kind, char polarity, String simType,
                               Map<String, String> simParams, List<Parameter> instance) {
        List<Parameter> modelParams = new ArrayList<>();
        for (Parameter p : parameters(simParams)) {
            if (INSTANCE_PARAMETERS.contains(p.name().toLowerCase(Locale.ROOT))) {
                instance.add(p);
            } else {
                modelParams.add(p);
            }
        }
        String t = simType == null ? "" : simType.toUpperCase(Locale.ROOT);
        boolean p = polarity == 'p';
        String type = switch (kind) {
            case BJT -> p ? "pnp" : "npn";
            case MOSFET -> t.equals("VDMOS") ? "vdmos" : p ? "pmos" : "nmos";
            case JFET -> p ? "pjf" : "njf";
            default -> "d";
        };
        Integer level = switch (t) {
            case "VBIC" -> 4;
            case "HICUM2" -> 8;
            case "PARKERSKELLERN" -> 2;
            case "MOS1" -> 1;
            case "MOS2" -> 2;
            case "MOS3" -> 3;
            case "BSIM1" -> 4;
            case "BSIM2" -> 5;
            case "MOS6" -> 6;
            case "BSIM3" -> 8;
            case "MOS9" -> 9;
            case "BSIM4" -> 14;
            default -> null;
        };
        if (level != null) {
            modelParams.add(0, new Parameter("level", Value.of(level)));
        }
        if (type.equals("vdmos") && p) {
            modelParams.add(new Parameter("pchan", Value.text("pchan")));
        }
        String name = "kicad_" + r.ref;
        inlineModels.add(new ModelCard(name, type, modelParams, r.line));
        return name;
    }

    /**
     * Reads a raw SPICE model ({@code Sim.Device=SPICE}, or KiCad 6's {@code Spice_Primitive} for controlled
     * sources and switches) with the SPICE reader: the element line KiCad would write, with this component's
     * pins as nodes in order.
     */
    private Component raw(KicadComp r, String type, String model) {
        StringBuilder deck = new StringBuilder("* KiCad raw SPICE of ").append(r.ref).append('\n');
        deck.append(Character.toUpperCase(type.charAt(0))).append("kicad");
        for (int i = 0; i < r.pins.size(); i++) {
            deck.append(" n").append(i + 1);
        }
        deck.append(' ').append(model).append("\n.end\n");
        try {
            Circuit c = new SpiceFormat(SpiceDialect.NGSPICE).read(Source.of(file, deck.toString()), new Notices());
            Component parsed = c.components().get(0);
            if (parsed.pins().size() != r.pins.size() || !fits(r.ref, parsed.kind(), r.pins)) {
                notPrimitive.add(r.ref + " (raw SPICE '" + type + " " + model + "')", r.line);
                return null;
            }
            return parsed;
        } catch (ParseException | RuntimeException e) {
            notices.warn(r.line, r.ref + ": its raw SPICE model '" + type + " " + model + "' could not be read ("
                    + e.getMessage() + "); it is read as a generic part");
            return null;
        }
    }

    /** Keeps what KiCad knows about the component under {@code kicad.} keys, in the order the writer needs. */
    private static void properties(KicadComp r, Component.Builder b) {
        putIfPresent(b, KicadNetlistFormat.FOOTPRINT, r.footprint != null ? r.footprint : r.fields.get("Footprint"));
        putIfPresent(b, KicadNetlistFormat.DATASHEET, r.datasheet != null ? r.datasheet : r.fields.get("Datasheet"));
        putIfPresent(b, KicadNetlistFormat.DESCRIPTION, r.description != null ? r.description
                : r.fields.get("Description"));
        for (Map.Entry<String, String> f : r.fields.entrySet()) {
            if (!MANDATORY_FIELDS.contains(f.getKey()) && !f.getKey().equals(PART_FIELD)) {
                b.property(KicadNetlistFormat.FIELD + f.getKey(), f.getValue());
            }
        }
        if (r.part != null) {
            b.property(KicadNetlistFormat.LIBSOURCE, nz(r.lib) + ":" + r.part);
            if (r.libDescription != null) {
                b.property(KicadNetlistFormat.LIBSOURCE_DESCRIPTION, r.libDescription);
            }
        }
        for (Map.Entry<String, String> p : r.properties.entrySet()) {
            String name = p.getKey();
            String v = p.getValue();
            // KiCad writes every non-mandatory field a second time as a property; keep those once.
            if (v != null && v.equals(r.fields.get(name)) || name.equals(PART_FIELD)) {
                continue;
            }
            b.property(KicadNetlistFormat.PROPERTY + name, v == null ? "" : v);
        }
        putIfPresent(b, KicadNetlistFormat.SHEET_NAMES, r.sheetNames);
        putIfPresent(b, KicadNetlistFormat.SHEET_STAMPS, r.sheetStamps);
        putIfPresent(b, KicadNetlistFormat.TSTAMPS, r.tstamps);
    }

    private static void putIfPresent(Component.Builder b, String key, String value) {
        if (value != null && !value.isEmpty()) {
            b.property(key, value);
        }
    }

    /** Reports what was assumed while building components. */
    void report() {
        notPrimitive.report(notices, "components have a simulation model whose pins do not match that kind of "
                + "device and were read as generic parts", "check the symbols' pin names, or correct Sim.Device and "
                + "Sim.Pins in KiCad", true);
        symbolNotPrimitive.report(notices, "components have a symbol named like a primitive but with other pins and "
                + "were read as generic parts", null, false);
        nonNumeric.report(notices, "resistors, capacitors or inductors have values that are not numbers",
                "write values such as 4k7, 100n or 1M (M is mega in KiCad)", true);
        untranslatedSources.report(notices, "sources use a KiCad simulation type that is not translated to SPICE",
                "use DC, SIN, PULSE, EXP or PWL, or write the SPICE source in the value field", true);
    }
}
