package dev.kirchhoff.agents;

/**
 * How a design is powered.
 *
 * @param kind   the source
 * @param volts  its voltage when the prompt gave one or the kind implies one (USB 5 V), else null
 * @param phrase the words it came from
 */
public record Supply(Kind kind, Double volts, String phrase) {

    /** Sources a prompt can name. */
    public enum Kind { UNSPECIFIED, USB, BATTERY, LIION_CELL, ADAPTER, BENCH, MAINS }

    public Supply {
        kind = kind == null ? Kind.UNSPECIFIED : kind;
        phrase = phrase == null ? "" : phrase;
    }

    public static Supply unspecified() {
        return new Supply(Kind.UNSPECIFIED, null, "");
    }

    public boolean isSpecified() {
        return kind != Kind.UNSPECIFIED || volts != null;
    }
}
