package dev.kirchhoff.schematic.units;

import java.util.Objects;

/**
 * A component or parameter value as written in a netlist, with its magnitude when it is a plain number.
 *
 * <p>Three forms exist: a {@link Form#NUMBER} ({@code 4.7k} is 4700 from the moment it is read, the text is kept
 * for display), an {@link Form#EXPRESSION} ({@code 2*rval}, kept verbatim without the dialect's delimiters such as
 * SPICE's braces) and {@link Form#TEXT} (anything else, for example a source specification {@code DC 5 AC 1} or a
 * part name {@code BC547}). Units are parsed once, at the boundary, by a {@link ValueSyntax}; from then on
 * {@link #magnitude()} is the truth and writers print it with their own suffix rules.
 *
 * <pre>{@code
 * Value v = Value.parse("4.7k");            // SPICE rules
 * v.magnitude();                            // 4700.0
 * ValueSyntax.SPECTRE.format(v);            // "4.7k"
 * ValueSyntax.SPECTRE.format(Value.parse("2M", ValueSyntax.SPECTRE)); // "2M"  (mega in Spectre)
 * ValueSyntax.SPICE.format(Value.parse("2M", ValueSyntax.SPECTRE));   // "2meg" (M is milli in SPICE)
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param text the value as written (expressions without their delimiters); never blank
 * @param magnitude the SI magnitude for numbers, {@code NaN} otherwise
 * @param form what kind of value this is
 * @param syntax the rules the text was written with; numeric literals inside an expression mean what they mean
 *     under these rules
 */
public record Value(String text, double magnitude, Form form, ValueSyntax syntax) {

    /** What kind of value this is. */
    public enum Form {
        /** A number with an optional scale suffix and unit, such as {@code 10k}, {@code 1e-9} or {@code 100nF}. */
        NUMBER,
        /** A parameter expression such as {@code 2*rval} or {@code w/2}; kept verbatim. */
        EXPRESSION,
        /** Anything else: a source specification, a model or part name, a string. */
        TEXT
    }

    public Value {
        Objects.requireNonNull(text, "The parameter 'text' must not be null.");
        Objects.requireNonNull(form, "The parameter 'form' must not be null.");
        Objects.requireNonNull(syntax, "The parameter 'syntax' must not be null.");
        if (text.isBlank()) {
            throw new IllegalArgumentException("The parameter 'text' must not be blank.");
        }
        if (form == Form.NUMBER && (Double.isNaN(magnitude) || Double.isInfinite(magnitude))) {
            throw new IllegalArgumentException("A NUMBER value needs a finite magnitude: " + text);
        }
        if (form != Form.NUMBER) {
            magnitude = Double.NaN;
        }
    }

    /** Parses {@code text} with SPICE rules ({@code M} is milli, {@code MEG} is mega, trailing units ignored). */
    public static Value parse(String text) {
        return ValueSyntax.SPICE.parse(text);
    }

    /** Parses {@code text} with the rules of {@code syntax}. */
    public static Value parse(String text, ValueSyntax syntax) {
        return syntax.parse(text);
    }

    /** A number with the given magnitude, written in engineering notation with SPICE suffixes. */
    public static Value of(double magnitude) {
        return new Value(ValueSyntax.SPICE.formatMagnitude(magnitude), magnitude, Form.NUMBER, ValueSyntax.SPICE);
    }

    /** A parameter expression written with {@code syntax}, kept verbatim (without braces or quotes). */
    public static Value expression(String expression, ValueSyntax syntax) {
        return new Value(expression.strip(), Double.NaN, Form.EXPRESSION, syntax);
    }

    /** Free text, kept verbatim. */
    public static Value text(String text) {
        return new Value(text.strip(), Double.NaN, Form.TEXT, ValueSyntax.SPICE);
    }

    public boolean isNumber() {
        return form == Form.NUMBER;
    }

    public boolean isExpression() {
        return form == Form.EXPRESSION;
    }

    @Override
    public String toString() {
        return text;
    }
}
