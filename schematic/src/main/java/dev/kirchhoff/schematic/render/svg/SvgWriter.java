package dev.kirchhoff.schematic.render.svg;

import java.util.Locale;

/** Serialises a {@link Layout} as SVG text: white background, black symbols, green wires, 11-12 px sans-serif. */
final class SvgWriter {

    private static final String WIRE = "#1b7a3a";
    private static final String INK = "#202020";
    private static final String NET = "#8a1c1c";

    private SvgWriter() {
    }

    static String write(Layout layout) {
        Box b = layout.bounds();
        StringBuilder s = new StringBuilder(16_384);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%d %d %d %d\" "
                + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"%d\">\n", b.x(), b.y(), b.width(),
                b.height(), b.width(), b.height(), Metrics.FONT));
        s.append("<title>").append(escape(layout.title())).append("</title>\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
                b.x(), b.y(), b.width(), b.height()));
        s.append("<g id=\"wires\" stroke=\"").append(WIRE).append("\" stroke-width=\"1.5\" stroke-linecap=\"square\">\n");
        for (Wire w : layout.wires()) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", w.x1(), w.y1(),
                    w.x2(), w.y2()));
        }
        s.append("</g>\n<g id=\"junctions\" fill=\"").append(WIRE).append("\">\n");
        for (Junction j : layout.junctions()) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\"/>\n", j.x(), j.y()));
        }
        s.append("</g>\n<g id=\"symbols\" stroke=\"").append(INK)
                .append("\" stroke-width=\"1.5\" fill=\"none\" stroke-linejoin=\"round\">\n");
        for (PlacedSymbol p : layout.symbols()) {
            s.append("<g data-ref=\"").append(escape(p.ref())).append("\">");
            SymbolArt.draw(p, s);
            s.append("</g>\n");
        }
        s.append("</g>\n<g id=\"marks\" stroke=\"").append(NET).append("\" stroke-width=\"1.5\" fill=\"none\">\n");
        for (Mark m : layout.marks()) {
            Terminal t = m.terminal();
            Marks.Drawn d = Marks.of(m.kind(), t.x(), t.y(), t.facing(), t.net(), t.id());
            s.append("<path d=\"").append(d.path()).append('"');
            if (d.closed()) {
                s.append(" fill=\"#fff7e0\"");
            }
            s.append("/>\n");
        }
        s.append("</g>\n<g id=\"texts\" stroke=\"none\">\n");
        for (Text t : layout.texts()) {
            String fill = switch (t.role()) {
                case NET -> NET;
                case PIN_NUMBER -> "#606060";
                default -> INK;
            };
            String weight = t.role() == Text.Role.REF || t.role() == Text.Role.TITLE ? " font-weight=\"bold\"" : "";
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%s\"%s>",
                    t.box().x(), t.box().y() + Metrics.baseline(t.size()), t.size(), fill, weight));
            s.append(escape(t.text())).append("</text>\n");
        }
        s.append("</g>\n</svg>\n");
        return s.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
