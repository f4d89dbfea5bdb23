package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.model.Circuit;
import java.io.IOException;
import java.util.List;

/**
 * A netlist format Kirchhoff reads and writes. Implementations are small adapters named after what they talk to
 * ({@code SpectreFormat}, {@code KicadNetlistFormat}); every one passes the shared round-trip contract test.
 * Implementations are stateless and thread-safe.
 */
public interface NetlistFormat {

    /** The name used on the command line ({@code ngspice}, {@code spectre}, {@code kicad}). */
    String name();

    /** One line for {@code kirchhoff formats}. */
    String description();

    /** File extensions, lower case with the dot, most typical first. */
    List<String> extensions();

    /** Whether the format can hold subcircuit definitions; writers of flat formats get flattened circuits. */
    boolean hierarchical();

    /** Whether the format can hold device-level analog circuits (MOSFETs, BJTs, sources). */
    boolean transistorLevel();

    /**
     * Whether every diode and transistor needs a named device model to be written (SPICE and Spectre do; KiCad,
     * Circuit JSON and Wokwi do not). Conversion gives devices without one a default model.
     */
    default boolean requiresDeviceModels() {
        return false;
    }

    /**
     * How sure this format is that {@code source} is written in it, from 0 (not at all) to 100 (certain), by
     * content alone. Used when the file extension does not decide.
     */
    int sniff(Source source);

    /**
     * Reads a circuit.
     *
     * @param notices receives renames and assumptions made while reading
     * @throws ParseException naming file, line and column, what is wrong and what was expected
     */
    Circuit read(Source source, Notices notices) throws ParseException;

    /**
     * Writes a circuit. Names the format cannot accept are renamed and constructs it cannot express are reported
     * to {@code notices}, never silently dropped.
     */
    void write(Circuit circuit, Appendable out, Notices notices) throws IOException;
}
