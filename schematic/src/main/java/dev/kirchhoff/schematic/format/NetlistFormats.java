package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.format.circuitjson.CircuitJsonFormat;
import dev.kirchhoff.schematic.format.json.NativeJsonFormat;
import dev.kirchhoff.schematic.format.kicad.KicadNetlistFormat;
import dev.kirchhoff.schematic.format.spectre.SpectreFormat;
import dev.kirchhoff.schematic.format.spice.SpiceDialect;
import dev.kirchhoff.schematic.format.spice.SpiceFormat;
import dev.kirchhoff.schematic.format.wokwi.WokwiFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place formats are registered, looked up by name and detected from a file. Thread-safe.
 */
public final class NetlistFormats {

    private static final List<NetlistFormat> ALL = List.of(
            new SpiceFormat(SpiceDialect.NGSPICE),
            new SpiceFormat(SpiceDialect.LTSPICE),
            new SpiceFormat(SpiceDialect.HSPICE),
            new SpiceFormat(SpiceDialect.XYCE),
            new SpiceFormat(SpiceDialect.PSPICE),
            new SpectreFormat(),
            new KicadNetlistFormat(),
            new CircuitJsonFormat(),
            new WokwiFormat(),
            new NativeJsonFormat());

    private NetlistFormats() {
    }

    /** Every format, in the order {@code kirchhoff formats} lists them. */
    public static List<NetlistFormat> all() {
        return ALL;
    }

    /** The format called {@code name} ({@code ngspice}, {@code spectre}, …; {@code spice} means ngspice). */
    public static Optional<NetlistFormat> named(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        String canonical = switch (n) {
            case "spice" -> "ngspice";
            case "circuitjson", "tscircuit", "circuit_json" -> "circuit-json";
            case "native", "kirchhoff" -> "json";
            case "kicad-net", "kicad_netlist" -> "kicad";
            default -> n;
        };
        for (NetlistFormat f : ALL) {
            if (f.name().equals(canonical)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The names of all formats, comma-separated, for messages. */
    public static String names() {
        List<String> names = new ArrayList<>();
        for (NetlistFormat f : ALL) {
            names.add(f.name());
        }
        return String.join(", ", names);
    }

    /**
     * The format {@code source} is written in: among the formats that claim its file extension, the one whose
     * content check is most sure; without a telling extension, the most sure of all.
     *
     * @throws ParseException when the input is empty or nothing recognises it
     */
    public static NetlistFormat detect(Source source) throws ParseException {
        if (source.isBlank()) {
            throw new ParseException(source.name(), 0, 0, "the input is empty",
                    "give a netlist: SPICE, Spectre, KiCad .net, Circuit JSON, Wokwi diagram.json or Kirchhoff JSON");
        }
        String ext = source.extension();
        List<NetlistFormat> candidates = new ArrayList<>();
        for (NetlistFormat f : ALL) {
            if (!ext.isEmpty() && f.extensions().contains(ext)) {
                candidates.add(f);
            }
        }
        NetlistFormat best = null;
        int bestScore = 0;
        for (NetlistFormat f : candidates) {
            int s = f.sniff(source);
            if (s > bestScore) {
                best = f;
                bestScore = s;
            }
        }
        if (best != null && bestScore >= 20) {
            return best;
        }
        NetlistFormat any = null;
        int anyScore = 0;
        for (NetlistFormat f : ALL) {
            int s = f.sniff(source);
            if (s > anyScore) {
                any = f;
                anyScore = s;
            }
        }
        if (any != null && anyScore >= 20 && anyScore > bestScore) {
            return any;
        }
        if (best != null) {
            return best;
        }
        if (!candidates.isEmpty()) {
            return candidates.get(0);
        }
        if (any != null && anyScore > 0) {
            return any;
        }
        throw new ParseException(source.name(), 0, 0, "cannot tell which netlist format this is",
                "name it with --from (one of " + names() + ")");
    }
}
