package dev.kirchhoff.validation;

import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.Notice;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.WiringDefect;
import dev.kirchhoff.schematic.model.Circuit;
import java.util.List;

/**
 * A user's netlist read for validation: leniently, so that a connection the circuit cannot hold (a pin that does not
 * exist, a pin on two nets, a reference designator used twice) becomes a finding instead of stopping the read.
 * Syntax errors still stop it, with the file, line and what to do. Immutable.
 *
 * @param circuit what was read
 * @param format the format it was read as
 * @param defects the connections left out
 * @param notices what the reader noticed besides
 */
public record ValidationInput(Circuit circuit, NetlistFormat format, List<WiringDefect> defects,
                              List<Notice> notices) {

    public ValidationInput {
        defects = List.copyOf(defects);
        notices = List.copyOf(notices);
    }

    /**
     * Reads {@code source} as {@code format}, or the detected format when {@code null}.
     *
     * @throws ParseException when the text is not a netlist of that format
     */
    public static ValidationInput read(Source source, NetlistFormat format) throws ParseException {
        NetlistFormat f = format != null ? format : NetlistFormats.detect(source);
        Notices notices = Notices.lenient();
        Circuit circuit = f.read(source, notices);
        return new ValidationInput(circuit, f, notices.wiringDefects(), notices.all());
    }
}
