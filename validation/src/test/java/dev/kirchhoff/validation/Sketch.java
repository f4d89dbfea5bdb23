package dev.kirchhoff.validation;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.KnowledgeBasePins;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.json.NativeJsonFormat;
import dev.kirchhoff.schematic.format.spice.SpiceFormat;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds test circuits in a few lines: knowledge-base parts with their real pins, primitives with values, and nets
 * of {@code REF:PIN} (number or name).
 *
 * <pre>{@code
 * ValidationReport r = Sketch.of()
 *         .part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
 *         .r("R1", "4.7k")
 *         .net("3V3", "esp:3V3", "bme:VIN", "R1:1")
 *         .net("SDA", "esp:D21", "bme:SDA", "R1:2")
 *         .validate();
 * }</pre>
 */
public final class Sketch {

    private final Circuit.Builder b = Circuit.builder();

    public static Sketch of() {
        return new Sketch();
    }

    /** A knowledge-base part with its pins. */
    public Sketch part(String ref, String id) {
        b.add(Component.builder(ref, ComponentKind.PART).part(id)
                .pins(KnowledgeBasePins.pinsOf(KnowledgeBase.bundled().require(id))).build());
        return this;
    }

    /** A primitive with a value ({@code "10k"}, {@code "100n"}, {@code "DC 5"}); {@code null} for none. */
    public Sketch prim(String ref, ComponentKind kind, String value) {
        Component.Builder c = Component.builder(ref, kind);
        if (value != null) {
            Value v = Value.parse(value);
            c.value(v.isNumber() ? v : Value.text(value));
        }
        b.add(c.build());
        return this;
    }

    /** A primitive with a model ({@code 2N2222}, {@code 1N4007}) and optionally a knowledge-base part. */
    public Sketch device(String ref, ComponentKind kind, String model, String part) {
        b.add(Component.builder(ref, kind).model(model).part(part).build());
        return this;
    }

    public Sketch r(String ref, String value) {
        return prim(ref, ComponentKind.RESISTOR, value);
    }

    public Sketch c(String ref, String value) {
        return prim(ref, ComponentKind.CAPACITOR, value);
    }

    public Sketch l(String ref, String value) {
        return prim(ref, ComponentKind.INDUCTOR, value);
    }

    public Sketch v(String ref, String value) {
        return prim(ref, ComponentKind.VOLTAGE_SOURCE, value);
    }

    public Sketch i(String ref, String value) {
        return prim(ref, ComponentKind.CURRENT_SOURCE, value);
    }

    /** An LED primitive (pins A, K), bound to the knowledge base's red 5 mm LED (Vf, rating). */
    public Sketch led(String ref) {
        return device(ref, ComponentKind.LED, null, "led-red");
    }

    /** Any component, for cases the shortcuts do not cover. */
    public Sketch add(Component c) {
        b.add(c);
        return this;
    }

    /** A net holding the pins given as {@code REF:PIN}. */
    public Sketch net(String name, String... pins) {
        b.net(name);
        for (String p : pins) {
            int colon = p.indexOf(':');
            b.connect(p.substring(0, colon), p.substring(colon + 1), name);
        }
        return this;
    }

    public Circuit build() {
        return b.build();
    }

    /** Validates with every static rule over the bundled knowledge base. */
    public ValidationReport validate() {
        return validator().validate(build(), "sketch");
    }

    /** One validator for all tests (the knowledge base and resolver are loaded once). */
    public static Validator validator() {
        return Holder.VALIDATOR;
    }

    /** Facts over the built circuit. */
    public CircuitFacts facts() {
        return CircuitFacts.of(build(), validator().resolver());
    }

    /** Reads a native circuit JSON text leniently and validates it, wiring defects included. */
    public static ValidationReport validateJson(String name, String json) {
        Notices notices = Notices.lenient();
        try {
            Circuit c = new NativeJsonFormat().read(Source.of(name, json), notices);
            return validator().validate(c, name, notices.wiringDefects());
        } catch (dev.kirchhoff.schematic.format.ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Reads a SPICE netlist text. */
    public static Circuit spice(String name, String deck) {
        try {
            return new SpiceFormat(dev.kirchhoff.schematic.format.spice.SpiceDialect.NGSPICE)
                    .read(Source.of(name, deck), new Notices());
        } catch (dev.kirchhoff.schematic.format.ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A test resource as text. */
    public static String resource(String path) {
        try (InputStream in = Sketch.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final Validator VALIDATOR = Validator.bundled();
    }
}
