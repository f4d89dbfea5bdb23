package dev.kirchhoff.validation.simulation;

import dev.kirchhoff.schematic.format.WiringDefect;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import java.util.List;
import java.util.Objects;

/**
 * Exports a designed circuit as an ngspice deck that simulates, not only parses: an operating-point analysis
 * ({@code .op}) and a {@code .control} block that prints every node voltage and source current between
 * {@link OperatingPoint#BEGIN} and {@link OperatingPoint#END}.
 *
 * <p>Primitives are written as they are, devices with their part's model card ({@code part.model().spice()}: an LED
 * bound to {@code led-red} gets {@code LED_RED_KB}, a MOSFET bound to {@code irlz44n} becomes a call of its
 * subcircuit), devices with no model anywhere get a generic one, named in a comment. Each knowledge-base part becomes
 * a subcircuit ({@link PartModule}: the part's own {@code .subckt}, a device of its {@code .model}, or a behavioural
 * module built from its data). Ground nets (by name, or holding a part's ground pin) are node 0; each LED gets a 0 V
 * source in series that measures its current. The modelling decisions are listed in the deck's header comment and
 * in {@link SpiceDeck#notes()}. SPICE syntax is written by the schematic room's {@code SpiceFormat}.
 *
 * <p>A circuit with validation errors is refused unless {@code force} is given. Thread-safe.
 *
 * <pre>{@code
 * SpiceDeck deck = SpiceExport.bundled().export(circuit, "blink.json", List.of(), false);
 * Files.writeString(path, deck.text());
 * }</pre>
 */
public final class SpiceExport {

    /** Output resistance of a driven output pin, ohms (an AVR or ESP32 pin sags about 0.5 V at 20 mA). */
    public static final double OUTPUT_OHMS = 25;
    /** Resistance of an input pin to its part's ground, ohms. */
    public static final double INPUT_OHMS = 10e6;
    /** Resistance from every module pin to node 0, ohms: a DC path, so no node floats because of the model. */
    public static final double LEAK_OHMS = 1e9;
    /** The forward current rating of an LED whose part gives none ({@code ifMax}), amperes. */
    public static final double LED_RATING = 0.020;

    private final Validator validator;

    /** @param validator decides whether a circuit may be exported (its rules) and finds parts (its resolver) */
    public SpiceExport(Validator validator) {
        this.validator = Objects.requireNonNull(validator, "The parameter 'validator' must not be null.");
    }

    /** An exporter over the bundled knowledge base, refusing circuits that fail the static rules. */
    public static SpiceExport bundled() {
        return new SpiceExport(Validator.bundled());
    }

    /**
     * Exports {@code circuit}.
     *
     * @param subject what is exported (a file name), for the report
     * @param defects connections a lenient reader could not make; empty for strict reads
     * @param force export even when validation finds errors
     * @throws ExportRefusedException when validation finds errors and {@code force} is false
     */
    public SpiceDeck export(Circuit circuit, String subject, List<WiringDefect> defects, boolean force)
            throws ExportRefusedException {
        return export(new CircuitFacts(circuit, validator.resolver(), defects), subject, force);
    }

    /**
     * Exports the circuit of {@code facts}.
     *
     * @throws ExportRefusedException when validation finds errors and {@code force} is false
     */
    public SpiceDeck export(CircuitFacts facts, String subject, boolean force) throws ExportRefusedException {
        if (!force) {
            ValidationReport report = validator.validate(facts, subject);
            if (!report.passed()) {
                throw new ExportRefusedException(report);
            }
        }
        return deck(facts);
    }

    /** The deck of {@code facts}, without validating. */
    public SpiceDeck deck(CircuitFacts facts) {
        return new DeckBuilder(facts).build();
    }
}
