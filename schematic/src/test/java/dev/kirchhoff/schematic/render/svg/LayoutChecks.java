package dev.kirchhoff.schematic.render.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Net;
import dev.kirchhoff.schematic.model.PinRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** The properties every rendered schematic must have, checked on its {@link Layout} and its SVG text. */
final class LayoutChecks {

    private LayoutChecks() {
    }

    /** A drawn area with the id of what it belongs to. */
    private record Shape(String id, Box box) {
    }

    /** Renders {@code circuit}, checks everything, and returns the layout. */
    static Layout checkAll(Circuit circuit, java.util.function.Function<dev.kirchhoff.schematic.model.Component,
            Symbol> hints) {
        Layout layout = SvgSchematic.layout(circuit, hints);
        String svg = SvgSchematic.write(layout);
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(SvgSchematic.render(circuit, hints)).as("same input, same bytes").isEqualTo(svg);
        noOverlaps(layout);
        wiresAreOrthogonalAndClear(layout);
        everyPinShowsItsNet(circuit, layout);
        wireEndsLandOnPinsOrWires(layout);
        insideBounds(layout);
        return layout;
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the SVG is not well-formed XML: " + e.getMessage(), e);
        }
    }

    static void noOverlaps(Layout layout) {
        List<Shape> shapes = new ArrayList<>();
        for (PlacedSymbol s : layout.symbols()) {
            shapes.add(new Shape(s.ref(), s.body()));
        }
        for (Mark m : layout.marks()) {
            shapes.add(new Shape(m.id(), m.box()));
        }
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                if (shapes.get(i).box().overlaps(shapes.get(j).box())) {
                    fail("%s %s overlaps %s %s", shapes.get(i).id(), shapes.get(i).box(), shapes.get(j).id(),
                            shapes.get(j).box());
                }
            }
        }
        List<Text> texts = layout.texts();
        for (int i = 0; i < texts.size(); i++) {
            Text t = texts.get(i);
            for (int j = i + 1; j < texts.size(); j++) {
                if (t.box().overlaps(texts.get(j).box())) {
                    fail("text '%s' %s overlaps text '%s' %s", t.text(), t.box(), texts.get(j).text(),
                            texts.get(j).box());
                }
            }
            for (Shape s : shapes) {
                boolean own = s.id().equals(t.owner()) && (t.role() != Text.Role.REF && t.role() != Text.Role.VALUE
                        || layout.symbols().stream().anyMatch(p -> p.ref().equals(s.id())
                        && p.symbol() == Symbol.BOX));
                if (!own && t.box().overlaps(s.box())) {
                    fail("text '%s' of %s %s overlaps %s %s", t.text(), t.owner(), t.box(), s.id(), s.box());
                }
            }
        }
    }

    static void wiresAreOrthogonalAndClear(Layout layout) {
        for (Wire w : layout.wires()) {
            assertThat(w.orthogonal()).as("wire %s is horizontal or vertical", w).isTrue();
            for (PlacedSymbol s : layout.symbols()) {
                assertThat(s.body().cutBy(w.x1(), w.y1(), w.x2(), w.y2()))
                        .as("wire %s runs through %s", w, s.ref()).isFalse();
            }
            for (Text t : layout.texts()) {
                if (t.role() != Text.Role.PIN_NAME && t.role() != Text.Role.PIN_NUMBER) {
                    assertThat(t.box().cutBy(w.x1(), w.y1(), w.x2(), w.y2()))
                            .as("wire %s runs through text '%s'", w, t.text()).isFalse();
                }
            }
        }
    }

    /** Every pin on a net is wired, labelled, or carries a ground or supply symbol of that net. */
    static void everyPinShowsItsNet(Circuit circuit, Layout layout) {
        Map<String, Terminal> byPin = new HashMap<>();
        for (Terminal t : layout.terminals()) {
            byPin.put(t.id(), t);
        }
        for (Net net : circuit.nets()) {
            List<Terminal> wired = new ArrayList<>();
            for (PinRef p : net.pins()) {
                Terminal t = byPin.get(p.toString());
                assertThat(t).as("pin %s is drawn", p).isNotNull();
                assertThat(t.net()).isEqualTo(net.name());
                switch (t.attachment()) {
                    case WIRE -> {
                        assertThat(layout.wires()).as("a wire of %s ends at %s", net.name(), p)
                                .anyMatch(w -> w.net().equals(net.name()) && (w.x1() == t.x() && w.y1() == t.y()
                                        || w.x2() == t.x() && w.y2() == t.y()));
                        wired.add(t);
                    }
                    case LABEL, GROUND, SUPPLY -> assertThat(layout.marks())
                            .as("a %s mark of %s sits at %s", t.attachment(), net.name(), p)
                            .anyMatch(m -> m.kind() == t.attachment() && m.terminal().net().equals(net.name())
                                    && m.terminal().x() == t.x() && m.terminal().y() == t.y());
                    default -> fail("pin %s on net %s is shown as %s", p, net.name(), t.attachment());
                }
            }
            if (wired.size() > 1) {
                assertThat(wired).as("wired pins of %s", net.name()).hasSize(net.pins().size());
                connected(net.name(), wired, layout.wires());
            }
        }
    }

    // The wires of one net join all its wired pins: a flood over wire pieces that share a point.
    private static void connected(String net, List<Terminal> pins, List<Wire> all) {
        List<Wire> wires = all.stream().filter(w -> w.net().equals(net)).toList();
        boolean[] reached = new boolean[wires.size()];
        List<Wire> frontier = new ArrayList<>();
        Terminal start = pins.get(0);
        for (int i = 0; i < wires.size(); i++) {
            if (wires.get(i).contains(start.x(), start.y())) {
                reached[i] = true;
                frontier.add(wires.get(i));
            }
        }
        while (!frontier.isEmpty()) {
            Wire w = frontier.remove(frontier.size() - 1);
            for (int i = 0; i < wires.size(); i++) {
                Wire o = wires.get(i);
                if (!reached[i] && (o.contains(w.x1(), w.y1()) || o.contains(w.x2(), w.y2())
                        || w.contains(o.x1(), o.y1()) || w.contains(o.x2(), o.y2()))) {
                    reached[i] = true;
                    frontier.add(o);
                }
            }
        }
        for (Terminal t : pins) {
            boolean ok = false;
            for (int i = 0; i < wires.size(); i++) {
                ok |= reached[i] && wires.get(i).contains(t.x(), t.y());
            }
            assertThat(ok).as("%s is wired to %s on net %s", t.id(), start.id(), net).isTrue();
        }
    }

    static void wireEndsLandOnPinsOrWires(Layout layout) {
        for (Wire w : layout.wires()) {
            for (int[] p : new int[][] {{w.x1(), w.y1()}, {w.x2(), w.y2()}}) {
                boolean onPin = layout.terminals().stream()
                        .anyMatch(t -> w.net().equals(t.net()) && t.x() == p[0] && t.y() == p[1]);
                boolean onWire = layout.wires().stream()
                        .anyMatch(o -> o != w && o.net().equals(w.net()) && o.contains(p[0], p[1]));
                assertThat(onPin || onWire).as("end (%d,%d) of %s lies on a pin or wire of its net", p[0], p[1], w)
                        .isTrue();
            }
        }
    }

    static void insideBounds(Layout layout) {
        Box b = layout.bounds();
        for (Text t : layout.texts()) {
            assertThat(b.union(t.box())).as("text '%s' inside the view box", t.text()).isEqualTo(b);
        }
        for (PlacedSymbol s : layout.symbols()) {
            assertThat(b.union(s.body())).isEqualTo(b);
        }
    }

    /** Writes a rendered sample for eyeballing to {@code target/render-samples/}. */
    static void sample(String name, String svg) {
        try {
            Path dir = Path.of("target", "render-samples");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".svg"), svg);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
