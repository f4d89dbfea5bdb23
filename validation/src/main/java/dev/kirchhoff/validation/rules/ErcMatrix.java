package dev.kirchhoff.validation.rules;

import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.Severity;
import java.util.EnumMap;

/**
 * KiCad's default electrical-rules matrix ({@code ERC_SETTINGS::m_defaultPinMap} in eeschema's
 * {@code erc_settings.cpp}): for two pin types that share a net, whether that is fine, questionable (a warning) or an
 * error. Kept as data an engineer can review against KiCad's table, row by row:
 *
 * <pre>
 *          I   O   Bi  3S  Pas NIC UnS PwrI PwrO OC  OE  NC
 * I        .   .   .   .   .   .   W   .    .    .   .   E
 * O        .   E   .   W   .   .   W   .    E    E   E   E
 * Bi       .   .   .   .   .   .   W   .    W    .   W   E
 * 3S       .   W   .   .   .   .   W   W    E    W   W   E
 * Pas      .   .   .   .   .   .   W   .    .    .   .   E
 * NIC      .   .   .   .   .   .   .   .    .    .   .   E
 * UnS      W   W   W   W   W   .   W   W    W    W   W   E
 * PwrI     .   .   .   W   .   .   W   .    .    .   .   E
 * PwrO     .   E   W   E   .   .   W   .    E    E   E   E
 * OC       .   E   .   W   .   .   W   .    E    .   .   E
 * OE       .   E   W   W   .   .   W   .    E    .   .   E
 * NC       E   E   E   E   E   E   E   E    E    E   E   E
 * </pre>
 *
 * (I input, O output, Bi bidirectional, 3S tri_state, Pas passive, NIC free, UnS unspecified, PwrI power_in, PwrO
 * power_out, OC open_collector, OE open_emitter, NC no_connect.) Errors: two outputs, an output or tri-state output
 * on a power output, two power outputs, an open collector or emitter on an output or power output, and a no-connect
 * pin on any net. Warnings: an output with a tri-state output, a bidirectional pin on a power output or open emitter,
 * a tri-state output on a power input, open collector or open emitter, and an unspecified pin with anything but a
 * free one. Passive pins never make an error. The table is symmetric. Immutable and thread-safe.
 */
public final class ErcMatrix {

    /** The table above, one row per {@link PinType} in declaration order (which is KiCad's order). */
    private static final String[] ROWS = {
        ". . . . . . W . . . . E",
        ". E . W . . W . E E E E",
        ". . . . . . W . W . W E",
        ". W . . . . W W E W W E",
        ". . . . . . W . . . . E",
        ". . . . . . . . . . . E",
        "W W W W W . W W W W W E",
        ". . . W . . W . . . . E",
        ". E W E . . W . E E E E",
        ". E . W . . W . E . . E",
        ". E W W . . W . E . . E",
        "E E E E E E E E E E E E",
    };

    /** Row type, column type, rating; a missing entry is fine. Never changed after class initialisation. */
    private static final EnumMap<PinType, EnumMap<PinType, Severity>> TABLE = build();

    private ErcMatrix() {
    }

    private static EnumMap<PinType, EnumMap<PinType, Severity>> build() {
        PinType[] types = PinType.values();
        EnumMap<PinType, EnumMap<PinType, Severity>> table = new EnumMap<>(PinType.class);
        for (int r = 0; r < types.length; r++) {
            String[] cells = ROWS[r].split(" ");
            EnumMap<PinType, Severity> row = new EnumMap<>(PinType.class);
            for (int c = 0; c < types.length; c++) {
                switch (cells[c]) {
                    case "E" -> row.put(types[c], Severity.ERROR);
                    case "W" -> row.put(types[c], Severity.WARNING);
                    default -> {
                        // fine: no entry
                    }
                }
            }
            table.put(types[r], row);
        }
        for (PinType a : types) {
            for (PinType b : types) {
                if (table.get(a).get(b) != table.get(b).get(a)) {
                    throw new IllegalStateException("the ERC matrix is not symmetric at " + a + "/" + b);
                }
            }
        }
        return table;
    }

    /** How KiCad rates pins of types {@code a} and {@code b} on one net: error, warning, or {@code null} for fine. */
    public static Severity severity(PinType a, PinType b) {
        return TABLE.get(a).get(b);
    }
}
