package dev.kirchhoff.schematic.testing;

import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: read and write netlists in one line. */
public final class Netlists {

    private Netlists() {
    }

    /** Reads {@code text} as {@code format}, failing the test on a parse error. */
    public static Circuit read(String format, String text) {
        return read(format, text, new Notices());
    }

    public static Circuit read(String format, String text, Notices notices) {
        try {
            return format(format).read(Source.of("test." + format, text), notices);
        } catch (ParseException e) {
            throw new AssertionError("unexpected parse error: " + e.getMessage(), e);
        }
    }

    /** Writes {@code circuit} as {@code format}. */
    public static String write(String format, Circuit circuit) {
        return write(format, circuit, new Notices());
    }

    public static String write(String format, Circuit circuit, Notices notices) {
        StringWriter out = new StringWriter();
        try {
            format(format).write(circuit, out, notices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static NetlistFormat format(String name) {
        return NetlistFormats.named(name).orElseThrow(() -> new AssertionError("no format " + name));
    }

    /** The parse error reading {@code text} as {@code format} gives; fails when it reads fine. */
    public static ParseException error(String format, String name, String text) {
        try {
            format(format).read(Source.of(name, text), new Notices());
        } catch (ParseException e) {
            return e;
        }
        throw new AssertionError("expected a parse error for:\n" + text);
    }

    /** The repository root (the folder holding data/). */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("cannot find the repository's data/ folder from " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
