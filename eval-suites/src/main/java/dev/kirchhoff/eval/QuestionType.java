package dev.kirchhoff.eval;

import java.util.Locale;

/** How an item is answered and therefore how it is scored. */
public enum QuestionType {
    /** One option letter (MMCircuitEval {@code single}, AMSBench with options). */
    SINGLE,
    /** A set of option letters, scored as an exact set match (MMCircuitEval {@code multi}). */
    MULTI,
    /** A word, phrase or value filling a blank (MMCircuitEval {@code blank}). */
    BLANK,
    /** Free text judged against a reference (MMCircuitEval {@code open}, AMSBench without options). */
    OPEN,
    /** A number with a unit, compared within a tolerance (CircuitSense numeric items). */
    NUMERIC,
    /** An expression compared by value at seeded random points (CircuitSense derivations). */
    SYMBOLIC,
    /** A design prompt, scored by validation and the item's expectations (the design suite). */
    DESIGN;

    /** The lower-case key used in JSON, filters and reports ({@code single}, {@code symbolic}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a key as written in results and filters; case-insensitive. */
    public static QuestionType fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
