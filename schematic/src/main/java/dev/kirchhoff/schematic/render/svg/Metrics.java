package dev.kirchhoff.schematic.render.svg;

/**
 * Estimates of text extents for a sans-serif font, erring wide (the widths of DejaVu Sans, the broadest common
 * default), so that boxes computed from them hold the text whatever font the browser picks.
 */
final class Metrics {

    static final int FONT = 11;
    static final int REF_FONT = 12;
    static final int TITLE_FONT = 15;

    private Metrics() {
    }

    /** The width of {@code text} at {@code size} px, rounded up. */
    static int width(String text, int size) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += advance(text.charAt(i));
        }
        return (int) Math.ceil(em * size) + 1;
    }

    /** The height of a line of text at {@code size} px: ascent plus descent. */
    static int height(int size) {
        return size + 3;
    }

    /** Where the baseline sits below the top of a line box of {@code size} px. */
    static int baseline(int size) {
        return size;
    }

    private static double advance(char c) {
        if ("MWmw@%".indexOf(c) >= 0) {
            return 1.0;
        }
        if ("iljI!.,:;|'".indexOf(c) >= 0) {
            return 0.34;
        }
        if ("frt()[]{}- /".indexOf(c) >= 0) {
            return 0.44;
        }
        if (Character.isUpperCase(c)) {
            return 0.78;
        }
        if (Character.isDigit(c)) {
            return 0.66;
        }
        return 0.64;
    }
}
