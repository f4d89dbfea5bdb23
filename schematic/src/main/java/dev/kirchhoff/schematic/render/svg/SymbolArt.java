package dev.kirchhoff.schematic.render.svg;

import java.util.Locale;

/**
 * The lines of each symbol, drawn upright around the origin with the first terminal at the top (0,-30) and the
 * last at the bottom (0,30); transistors have the control terminal on the left at (-30,0).
 */
final class SymbolArt {

    private SymbolArt() {
    }

    static void draw(PlacedSymbol p, StringBuilder s) {
        if (p.symbol() == Symbol.BOX) {
            box(p, s);
            return;
        }
        s.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,%d)", p.x(), p.y()));
        if (p.quarterTurns() != 0) {
            s.append(" rotate(").append(90 * p.quarterTurns()).append(')');
        }
        if (p.mirrored()) {
            s.append(" scale(-1,1)");
        }
        s.append("\">");
        s.append(art(p));
        s.append("</g>");
    }

    private static String art(PlacedSymbol p) {
        return switch (p.symbol()) {
            case RESISTOR -> path("M0,-30V-18L6,-15L-6,-9L6,-3L-6,3L6,9L-6,15L0,18V30");
            case CAPACITOR -> path("M0,-30V-4M-12,-4H12M-12,4H12M0,4V30");
            case POLARIZED_CAPACITOR -> path("M0,-30V-4M-12,-4H12M-12,7Q0,1 12,7M0,4V30M-13,-13H-7M-10,-16V-10");
            case INDUCTOR -> path("M0,-30V-16A4,4 0 0 1 0,-8A4,4 0 0 1 0,0A4,4 0 0 1 0,8A4,4 0 0 1 0,16V30");
            case DIODE -> diode();
            case LED -> diode() + path("M9,-4L17,-12M13,-12H17V-8M9,3L17,-5M13,-5H17V-1");
            case BATTERY -> path("M0,-30V-6M-12,-6H12M-6,-2H6M-12,2H12M-6,6H6M0,6V30M8,-16H14M11,-19V-13");
            case VOLTAGE_SOURCE -> "<circle r=\"14\"/>" + path("M0,-30V-14M0,14V30M-3,-7H3M0,-10V-4M-3,7H3");
            case CURRENT_SOURCE -> "<circle r=\"14\"/>" + path("M0,-30V-14M0,14V30M0,-8V8M-4,3L0,8L4,3");
            case BUTTON -> path("M0,-30V-12M0,12V30M-8,-14V14M-8,0H-16M-16,-5V5")
                    + "<circle cy=\"-10\" r=\"2\"/><circle cy=\"10\" r=\"2\"/>";
            case SWITCH -> path("M0,-30V-12M0,12V30M0,8L-11,-9")
                    + "<circle cy=\"-10\" r=\"2\"/><circle cy=\"10\" r=\"2\"/>";
            case POTENTIOMETER -> path("M0,-30V-18L6,-15L-6,-9L6,-3L-6,3L6,9L-6,15L0,18V30M30,0H9")
                    + "<path d=\"M9,0L15,-4L15,4Z\" fill=\"#202020\"/>";
            case NPN -> "<circle cx=\"2\" r=\"18\"/>" + path("M-30,0H-8M-8,-12V12M-8,-6L10,-16V-30M-8,6L10,16V30")
                    + "<path d=\"M8,15L1,15L4,9Z\" fill=\"#202020\"/>";
            case PNP -> "<circle cx=\"2\" r=\"18\"/>" + path("M-30,0H-8M-8,-12V12M-8,-6L10,-16V-30M-8,6L10,16V30")
                    + "<path d=\"M-3,-9L4,-9L1,-14Z\" fill=\"#202020\"/>";
            case NMOS -> mos(p, false);
            case PMOS -> mos(p, true);
            case BOX -> "";
        };
    }

    private static String diode() {
        return path("M0,-30V-6M0,6V30M-8,6H8") + "<path d=\"M-8,-6H8L0,6Z\" fill=\"#202020\"/>";
    }

    private static String mos(PlacedSymbol p, boolean pChannel) {
        boolean bulk = false;
        for (Terminal t : p.terminals()) {
            // the bulk has its own terminal only when it sits apart from the drain and source ends
            int[] local = local(p, t.x(), t.y());
            bulk |= local[0] == 30 && local[1] == 0;
        }
        String body = "M-30,0H-10M-10,-12V12M-4,-14V-6M-4,-4V4M-4,6V14M-4,-10H10V-30M-4,10H10V30M-4,0H10";
        String tie = bulk ? "M10,0H30" : pChannel ? "M10,0V-10" : "M10,0V10";
        String arrow = pChannel ? "<path d=\"M9,0L3,-3L3,3Z\" fill=\"#202020\"/>"
                : "<path d=\"M-3,0L3,-3L3,3Z\" fill=\"#202020\"/>";
        return path(body + tie) + arrow;
    }

    /** A drawing point back in the symbol's upright coordinates. */
    private static int[] local(PlacedSymbol p, int x, int y) {
        int[] q = Marks.turn(x - p.x(), y - p.y(), -p.quarterTurns());
        return p.mirrored() ? new int[] {-q[0], q[1]} : q;
    }

    private static String path(String d) {
        return "<path d=\"" + d + "\"/>";
    }

    private static void box(PlacedSymbol p, StringBuilder s) {
        Box body = p.body();
        int stub = Shape.STUB;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fffdf5\"/>",
                body.x() + stub, body.y() + stub, body.width() - 2 * stub, body.height() - 2 * stub));
        StringBuilder d = new StringBuilder();
        for (Terminal t : p.terminals()) {
            int ex = t.x() - t.facing().dx() * stub;
            int ey = t.y() - t.facing().dy() * stub;
            d.append(String.format(Locale.ROOT, "M%d,%dL%d,%d", t.x(), t.y(), ex, ey));
        }
        if (!d.isEmpty()) {
            s.append(path(d.toString()));
        }
    }
}
