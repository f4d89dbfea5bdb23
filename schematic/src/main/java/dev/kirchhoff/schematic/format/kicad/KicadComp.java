package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.model.Pin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code (comp …)} of a KiCad netlist reduced to what the circuit needs: its fields and properties as written,
 * its library symbol, and (once the nets are read) its pins. Filled in by {@link KicadReader}; not thread-safe.
 */
final class KicadComp {

    String ref;
    String value;
    String footprint;
    String datasheet;
    String description;
    String lib;
    String part;
    String libDescription;
    String sheetNames;
    String sheetStamps;
    String tstamps;
    final Map<String, String> fields = new LinkedHashMap<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    int line;
    PinTable libpart;
    List<Pin> extras;
    Map<String, Integer> extraIndex;
    List<Pin> pins;

    String sim(String name) {
        String v = fields.get(name);
        if (v == null) {
            v = properties.get(name);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    boolean hasSimulationFields() {
        for (String k : fields.keySet()) {
            if (k.startsWith("Sim.") || k.startsWith("Spice_")) {
                return true;
            }
        }
        for (String k : properties.keySet()) {
            if (k.startsWith("Sim.") || k.startsWith("Spice_")) {
                return true;
            }
        }
        return false;
    }

    Integer pinIndex(String number) {
        Integer i = libpart == null ? null : libpart.index().get(number);
        if (i == null && extraIndex != null) {
            i = extraIndex.get(number);
        }
        return i;
    }

    /** A library part's pins and their positions by number, shared by every component of that part. */
    record PinTable(List<Pin> pins, Map<String, Integer> index) {
    }
}
