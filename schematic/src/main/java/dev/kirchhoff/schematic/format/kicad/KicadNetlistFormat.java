package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import java.io.IOException;
import java.util.List;

/**
 * The KiCad netlist ({@code .net}): the S-expression netlist KiCad's schematic editor exports for the board editor.
 * Reads KiCad 6, 7 and 8 files and KiCad 5's unquoted ones; writes KiCad 8's layout. Stateless and thread-safe.
 *
 * <p>Reading maps symbols to circuit primitives ({@code Device:R} is a resistor, {@code Sim.Device=NMOS} a MOSFET)
 * and everything else to a {@link dev.kirchhoff.schematic.model.ComponentKind#PART} named {@code kicad:LIB:PART}.
 * Values are read with {@link dev.kirchhoff.schematic.units.ValueSyntax#ENGINEERING} ({@code 4k7}, {@code 1M} is
 * mega). What KiCad knows beyond the circuit (footprint, fields, time stamps) is kept in
 * {@link dev.kirchhoff.schematic.model.Component#properties()} under the {@code kicad.} keys below, so a netlist
 * read and written again keeps it. Writing gives primitives from SPICE or Spectre a KiCad symbol and KiCad 7+
 * simulation fields; what a KiCad netlist cannot hold (model cards, directives) is reported to the notices.
 *
 * <pre>{@code
 * Circuit c = new KicadNetlistFormat().read(Source.read(Path.of("board.net")), notices);
 * c.component("R1").get().property(KicadNetlistFormat.FOOTPRINT);   // "Resistor_SMD:R_0603_1608Metric"
 * }</pre>
 */
public final class KicadNetlistFormat implements NetlistFormat {

    /** The footprint ({@code Resistor_SMD:R_0603_1608Metric}). */
    public static final String FOOTPRINT = "kicad.footprint";
    /** The datasheet link. */
    public static final String DATASHEET = "kicad.datasheet";
    /** The symbol instance's description (KiCad 8). */
    public static final String DESCRIPTION = "kicad.description";
    /** The library symbol, {@code LIB:PART} ({@code Device:R}). */
    public static final String LIBSOURCE = "kicad.libsource";
    /** The library symbol's description. */
    public static final String LIBSOURCE_DESCRIPTION = "kicad.libsource.description";
    /** Prefix of user and simulation fields: {@code kicad.field.MPN}, {@code kicad.field.Sim.Device}. */
    public static final String FIELD = "kicad.field.";
    /** Prefix of properties that are not fields: {@code kicad.property.Sheetname}, {@code kicad.property.dnp}. */
    public static final String PROPERTY = "kicad.property.";
    /** The sheet path by sheet names ({@code /}, {@code /power/}). */
    public static final String SHEET_NAMES = "kicad.sheetpath.names";
    /** The sheet path by sheet time stamps. */
    public static final String SHEET_STAMPS = "kicad.sheetpath.tstamps";
    /** The symbol's time stamps (UUIDs), space-separated when it has several units. */
    public static final String TSTAMPS = "kicad.tstamps";
    /** The value field as written in KiCad, when the circuit's value was derived from simulation fields instead. */
    public static final String VALUE = "kicad.value";
    /**
     * What the simulation fields described when read; while the component still matches it, KiCad's own
     * simulation fields are written back unchanged.
     */
    public static final String SIM_BASIS = "kicad.sim.basis";

    @Override
    public String name() {
        return "kicad";
    }

    @Override
    public String description() {
        return "KiCad netlist (.net, S-expression, KiCad 5 to 8)";
    }

    @Override
    public List<String> extensions() {
        return List.of(".net");
    }

    @Override
    public boolean hierarchical() {
        return false;
    }

    @Override
    public boolean transistorLevel() {
        return true;
    }

    @Override
    public int sniff(Source source) {
        String text = source.text();
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (!text.startsWith("(export", i)) {
            return 0;
        }
        int after = i + "(export".length();
        return after == n || Character.isWhitespace(text.charAt(after)) || text.charAt(after) == '(' ? 100 : 0;
    }

    @Override
    public Circuit read(Source source, Notices notices) throws ParseException {
        return new KicadReader(source, notices).read();
    }

    @Override
    public void write(Circuit circuit, Appendable out, Notices notices) throws IOException {
        new KicadWriter(notices).write(circuit, out);
    }
}
