package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.spice.SpiceDialect;
import dev.kirchhoff.schematic.format.spice.SpiceFormat;
import dev.kirchhoff.schematic.model.Circuit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources under {@code kicad/} and the read/write calls the KiCad tests share. */
final class KicadTestFiles {

    static final KicadNetlistFormat KICAD = new KicadNetlistFormat();
    static final SpiceFormat NGSPICE = new SpiceFormat(SpiceDialect.NGSPICE);

    private KicadTestFiles() {
    }

    static String text(String name) {
        try (InputStream in = KicadTestFiles.class.getResourceAsStream("/kicad/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource kicad/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Circuit readKicad(String name, String text) throws ParseException {
        return KICAD.read(Source.of(name, text), new Notices());
    }

    static Circuit readKicadResource(String name) throws ParseException {
        return readKicad(name, text(name));
    }

    static Circuit readSpice(String name, String text) throws ParseException {
        return NGSPICE.read(Source.of(name, text), new Notices());
    }

    static String writeKicad(Circuit circuit, Notices notices) {
        StringBuilder sb = new StringBuilder();
        try {
            KICAD.write(circuit, sb, notices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    static String writeKicad(Circuit circuit) {
        return writeKicad(circuit, new Notices());
    }

    static String writeSpice(Circuit circuit, Notices notices) {
        StringBuilder sb = new StringBuilder();
        try {
            NGSPICE.write(circuit, sb, notices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
