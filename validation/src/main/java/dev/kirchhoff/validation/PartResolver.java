package dev.kirchhoff.validation;

import dev.kirchhoff.knowledge.Exports;
import dev.kirchhoff.knowledge.KicadTier;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the knowledge-base part behind each component, however the file named it: a curated id or alias
 * ({@code bme280-module}, {@code BME280}), a Wokwi type ({@code wokwi:wokwi-arduino-uno}), a KiCad symbol
 * ({@code kicad:Sensor:BME280}, curated first, then the KiCad tier), or a primitive's model ({@code D1 … 1N4007}).
 * Pins are matched through the part's Wokwi or KiCad export map where the file used those names. Thread-safe;
 * results are cached per distinct part name, so a netlist of a million resistors resolves one.
 */
public final class PartResolver {

    private final KnowledgeBase kb;
    private final Supplier<KicadTier> kicad;
    private volatile KicadTier.Lookup byKicadTier;
    private final Map<String, Part> byWokwiType = new HashMap<>();
    private final Map<String, Part> byKicadSymbol = new HashMap<>();
    private final Map<String, Part> cache = new ConcurrentHashMap<>();
    private static final Part NONE = KicadTier.part("-", null, null, null, null, null, null, null, List.of());

    /**
     * @param kb the curated parts
     * @param kicad the KiCad tier, asked for only when a {@code kicad:} part is not curated; may return {@code null}
     */
    public PartResolver(KnowledgeBase kb, Supplier<KicadTier> kicad) {
        this.kb = kb;
        this.kicad = kicad;
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        for (Part p : kb.parts()) {
            Exports e = p.exports();
            if (e != null && e.wokwi() != null && e.wokwi().type() != null) {
                byWokwiType.putIfAbsent(e.wokwi().type(), p);
            }
            if (e != null && e.kicad() != null && e.kicad().symbol() != null) {
                Part first = byKicadSymbol.putIfAbsent(e.kicad().symbol(), p);
                if (first != null && !samePins(first, p)) {
                    ambiguous.add(e.kicad().symbol());
                }
            }
        }
        // a symbol several different parts export (Connector_Generic:Conn_01x04 for 25 modules) names none of them
        byKicadSymbol.keySet().removeAll(ambiguous);
    }

    /** Whether two parts have the same pins, by number and name (the colours of one LED family do). */
    private static boolean samePins(Part a, Part b) {
        if (a.pins().size() != b.pins().size()) {
            return false;
        }
        for (int k = 0; k < a.pins().size(); k++) {
            PartPin x = a.pins().get(k);
            PartPin y = b.pins().get(k);
            if (!x.number().equals(y.number()) || !x.name().equals(y.name())) {
                return false;
            }
        }
        return true;
    }

    /** A resolver over the bundled knowledge base and KiCad tier. */
    public static PartResolver bundled() {
        return new PartResolver(KnowledgeBase.bundled(), KicadTier::bundled);
    }

    /** The knowledge base this resolver reads. */
    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** Resolves one component of {@code circuit}. */
    public Binding bind(Circuit circuit, Component c) {
        ComponentKind kind = c.kind();
        if (kind.isPrimitive()) {
            Part part = null;
            String via = "";
            if (c.part() != null) {
                // a primitive from a KiCad netlist (kicad:Device:R) gains nothing from the KiCad tier, which has no
                // ratings; only a curated part is worth loading 22,000 symbols for
                part = c.part().regionMatches(true, 0, "kicad:", 0, 6)
                        ? byKicadSymbol.get(c.part().substring(6)) : lookup(c.part());
                via = part == null ? "" : "part " + c.part();
            }
            if (part == null && c.model() != null && kind.needsModel()) {
                Part byModel = lookup(c.model());
                if (byModel != null && byModel.model() != null && fits(kind, byModel.model().kind())) {
                    part = byModel;
                    via = "model " + c.model();
                }
            }
            return new Binding(Binding.Status.PRIMITIVE, part, via, part == null ? List.of() : pins(c, part, null));
        }
        String name = c.part();
        if (kind == ComponentKind.SUBCIRCUIT) {
            String model = c.model();
            if (model != null && (circuit.subcircuit(model).isPresent() || !circuit.includes().isEmpty())) {
                return new Binding(Binding.Status.SUBCIRCUIT, null, "subcircuit " + model, List.of());
            }
            name = name != null ? name : model;
        }
        if (name == null) {
            return new Binding(Binding.Status.UNRESOLVED, null, "", List.of());
        }
        Part part = lookup(name);
        if (part == null) {
            return new Binding(Binding.Status.UNRESOLVED, null, "", List.of());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String scheme = lower.startsWith("wokwi:") ? "wokwi" : lower.startsWith("kicad:") ? "kicad" : null;
        String via = scheme == null ? "id " + part.id() : scheme + " " + name.substring(scheme.length() + 1);
        return new Binding(Binding.Status.PART, part, via, pins(c, part, scheme));
    }

    /** The part a component's {@code part} or model text names, or {@code null}. Cached. */
    public Part lookup(String name) {
        Part p = cache.computeIfAbsent(name, n -> {
            Part found = find(n);
            return found == null ? NONE : found;
        });
        return p == NONE ? null : p;
    }

    private Part find(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("wokwi:")) {
            String type = name.substring(6);
            Part p = byWokwiType.get(type);
            return p != null ? p : kb.find(type.startsWith("wokwi-") ? type.substring(6) : type).orElse(null);
        }
        if (lower.startsWith("kicad:")) {
            String symbol = name.substring(6);
            Part p = byKicadSymbol.get(symbol);
            if (p != null) {
                return p;
            }
            KicadTier.Lookup tier = kicadTier();
            return tier == null ? null : tier.part(symbol).orElse(null);
        }
        return kb.find(name).orElse(null);
    }

    private KicadTier.Lookup kicadTier() {
        KicadTier.Lookup m = byKicadTier;
        if (m == null) {
            synchronized (this) {
                m = byKicadTier;
                if (m == null) {
                    KicadTier tier = kicad == null ? null : kicad.get();
                    byKicadTier = m = tier == null ? null : tier.lookup();
                }
            }
        }
        return m;
    }

    private static boolean fits(ComponentKind kind, ModelKind model) {
        return switch (kind) {
            case DIODE -> model == ModelKind.DIODE || model == ModelKind.ZENER || model == ModelKind.SCHOTTKY
                    || model == ModelKind.LED;
            case LED -> model == ModelKind.LED;
            case BJT -> model == ModelKind.BJT;
            case MOSFET -> model == ModelKind.MOSFET;
            default -> false;
        };
    }

    /** The part pin behind each component pin, through the export map of {@code scheme} when given. */
    private static List<PartPin> pins(Component c, Part part, String scheme) {
        Map<String, String> exported = new HashMap<>();
        if (scheme != null && part.exports() != null) {
            Map<String, String> map = scheme.equals("wokwi")
                    ? part.exports().wokwi() == null ? Map.of() : part.exports().wokwi().pins()
                    : part.exports().kicad() == null ? Map.of() : part.exports().kicad().pins();
            map.forEach((partKey, toolName) -> exported.put(toolName, partKey));
        }
        List<PartPin> out = new ArrayList<>(c.pins().size());
        for (Pin pin : c.pins()) {
            PartPin found = null;
            String key = exported.get(pin.number());
            if (key == null && !pin.name().isEmpty()) {
                key = exported.get(pin.name());
            }
            if (key != null) {
                found = part.pin(key).orElse(null);
            }
            if (found == null && c.kind().isPrimitive()) {
                found = terminal(c, pin, part);
            }
            if (found == null) {
                found = part.pin(pin.number()).orElse(null);
            }
            if (found == null && !pin.name().isEmpty()) {
                found = part.pin(pin.name()).orElse(null);
            }
            if (found == null && scheme != null && pin.number().contains(".")) {
                // Wokwi numbers repeated pins GND.1, GND.2; the part may list one GND
                found = part.pin(pin.number().substring(0, pin.number().indexOf('.'))).orElse(null);
            }
            out.add(found);
        }
        return out;
    }

    /** For a primitive bound to a part, the part pin playing the same terminal (anode, collector, gate). */
    private static PartPin terminal(Component c, Pin pin, Part part) {
        for (String t : c.kind().terminalOrder()) {
            if (c.pinIndex(t) >= 0 && c.pins().get(c.pinIndex(t)) == pin) {
                for (PartPin pp : part.pins()) {
                    if (c.kind().isTerminal(t, pp.name()) || pp.name().equalsIgnoreCase(t)) {
                        return pp;
                    }
                }
            }
        }
        return null;
    }
}
