package dev.kirchhoff.schematic.model;

import java.util.Objects;

/**
 * A netlist statement the model keeps verbatim because it is not part of the circuit's structure: analyses
 * ({@code .tran 1n 1u}), options, output requests, an ngspice {@code .control} block. Writers of the same language
 * emit it as written; writers of another language translate the ones they know and report the rest. Immutable.
 *
 * @param text the statement, continuation lines joined (multi-line blocks keep their line breaks)
 * @param language the netlist language it is written in
 * @param line the source line, 0 when not read from a file
 */
public record Directive(String text, Language language, int line) {

    /** The netlist language a directive is written in. */
    public enum Language { SPICE, SPECTRE }

    public Directive {
        Objects.requireNonNull(text, "The parameter 'text' must not be null.");
        Objects.requireNonNull(language, "The parameter 'language' must not be null.");
    }
}
