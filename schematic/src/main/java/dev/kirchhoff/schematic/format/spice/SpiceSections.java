package dev.kirchhoff.schematic.format.spice;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads SPICE statements embedded in another netlist language, such as Spectre's {@code simulator lang=spice}. */
public final class SpiceSections {

    private SpiceSections() {
    }

    /**
     * Reads the SPICE statements of {@code section} (no title line; its first line is line {@code firstLine} of
     * the file) into {@code target}. Names are matched exactly, as the surrounding Spectre is case-sensitive.
     *
     * @param models model names defined anywhere in the file, so device lines find their model
     * @param subcircuits subcircuit names and ports defined anywhere in the file
     */
    public static void read(Source section, int firstLine, Notices notices, Circuit.Builder target,
                            Set<String> models, Map<String, List<String>> subcircuits) throws ParseException {
        new SpiceReader(section, notices, target, models, subcircuits).readSection(section.text(), firstLine);
    }
}
