package dev.kirchhoff.schematic.render.svg;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.Net;
import dev.kirchhoff.schematic.model.PinRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Places the components of a circuit and routes its nets into a {@link Layout}. Deterministic: the same circuit
 * gives the same layout. Not thread-safe; one instance per layout.
 *
 * <p>Placement: the component with the most pins (the board or main IC) goes in the middle; the others follow in
 * breadth-first order over the signal nets, each at the free grid spot nearest to where its pins would meet the
 * pins already placed on the same nets, in the orientation that keeps wires shortest and points ground pins down and
 * supply pins up. Every component reserves a footprint (body, texts, the marks its pins may carry, and a margin
 * that leaves wiring channels), and footprints never overlap.
 */
final class Layouter {

    static final int GRID = 10;
    private static final int MARGIN = 20;
    private static final int REACH = 60;
    private static final int EXTRA_RINGS = 8;

    private final Circuit circuit;
    private final Function<Component, Symbol> hints;
    private final NetStyles styles;
    private final List<Component> components;
    private final Shape[] shapes;
    private final Variant[] chosen;
    private final int[] ox;
    private final int[] oy;
    private final Map<String, List<int[]>> placedByNet = new HashMap<>();
    private final List<Box> footprints = new ArrayList<>();

    Layouter(Circuit circuit, Function<Component, Symbol> hints) {
        this.circuit = circuit;
        this.hints = hints;
        this.styles = new NetStyles(circuit);
        this.components = circuit.components();
        int n = components.size();
        this.shapes = new Shape[n];
        this.chosen = new Variant[n];
        this.ox = new int[n];
        this.oy = new int[n];
    }

    Layout run() {
        for (int i = 0; i < components.size(); i++) {
            shapes[i] = Shape.of(circuit, i, SymbolChoice.of(circuit, components.get(i), hints), styles);
        }
        for (int i : placementOrder()) {
            place(i);
        }
        List<PlacedSymbol> symbols = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            symbols.add(placedSymbol(i));
            for (Text t : chosen[i].texts()) {
                texts.add(new Text(t.text(), t.role(), t.owner(), t.box().shift(ox[i], oy[i]), t.size()));
            }
        }
        Router router = new Router(symbols, texts, styles);
        Router.Result routed = router.route();
        texts.addAll(routed.texts());
        Box content = null;
        for (PlacedSymbol s : routed.symbols()) {
            content = content == null ? s.body() : content.union(s.body());
        }
        for (Mark m : routed.marks()) {
            content = content == null ? m.box() : content.union(m.box());
        }
        for (Text t : texts) {
            content = content == null ? t.box() : content.union(t.box());
        }
        for (Wire w : routed.wires()) {
            Box b = Box.spanning(w.x1(), w.y1(), w.x2(), w.y2());
            content = content == null ? b : content.union(b);
        }
        if (content == null) {
            content = new Box(0, 0, 200, 40);
        }
        String title = circuit.title().isBlank() ? "Schematic" : circuit.title().strip();
        int tw = Metrics.width(title, Metrics.TITLE_FONT);
        int th = Metrics.height(Metrics.TITLE_FONT);
        Box titleBox = new Box(content.x(), content.y() - 20 - th, tw, th);
        texts.add(0, new Text(title, Text.Role.TITLE, "", titleBox, Metrics.TITLE_FONT));
        Box bounds = content.union(titleBox).inflate(20);
        return new Layout(title, bounds, routed.symbols(), routed.marks(), routed.wires(), routed.junctions(), texts);
    }

    private PlacedSymbol placedSymbol(int i) {
        Variant v = chosen[i];
        Component c = components.get(i);
        List<Terminal> terminals = new ArrayList<>();
        for (Shape.LocalPin p : v.pins()) {
            String net = circuit.netAt(i, p.index());
            String name = c.pins().get(p.index()).name();
            Attachment a = net == null ? Attachment.NONE : styles.style(net);
            terminals.add(new Terminal(c.ref(), c.pins().get(p.index()).number(), name, net, ox[i] + p.x(),
                    oy[i] + p.y(), p.facing(), a));
        }
        return new PlacedSymbol(c.ref(), shapes[i].symbol(), ox[i], oy[i], v.quarterTurns(), v.mirrored(),
                v.body().shift(ox[i], oy[i]), terminals);
    }

    // ---- placement order ------------------------------------------------------------------------------------

    private List<Integer> placementOrder() {
        int n = components.size();
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            neighbours.add(new ArrayList<>());
        }
        for (Net net : circuit.nets()) {
            if (!styles.isSignal(net.name())) {
                continue;
            }
            List<Integer> on = new ArrayList<>();
            for (PinRef p : net.pins()) {
                int c = circuit.indexOf(p.ref());
                if (c >= 0 && !on.contains(c)) {
                    on.add(c);
                }
            }
            for (int a : on) {
                for (int b : on) {
                    if (a != b && !neighbours.get(a).contains(b)) {
                        neighbours.get(a).add(b);
                    }
                }
            }
        }
        for (List<Integer> l : neighbours) {
            l.sort(null);
        }
        boolean[] seen = new boolean[n];
        List<Integer> order = new ArrayList<>();
        while (order.size() < n) {
            int seed = -1;
            for (int i = 0; i < n; i++) {
                if (!seen[i] && (seed < 0 || weight(i) > weight(seed))) {
                    seed = i;
                }
            }
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(seed);
            seen[seed] = true;
            while (!queue.isEmpty()) {
                int c = queue.poll();
                order.add(c);
                for (int nb : neighbours.get(c)) {
                    if (!seen[nb]) {
                        seen[nb] = true;
                        queue.add(nb);
                    }
                }
            }
        }
        return order;
    }

    // Boxes before symbols, then by connected pins: the board or main IC anchors the drawing.
    private int weight(int i) {
        int connected = 0;
        for (int p = 0; p < components.get(i).pins().size(); p++) {
            if (circuit.netAt(i, p) != null) {
                connected++;
            }
        }
        return (shapes[i].symbol() == Symbol.BOX ? 1000 : 0) + connected;
    }

    // ---- placing one component ------------------------------------------------------------------------------

    private void place(int i) {
        double bestCost = Double.MAX_VALUE;
        for (Variant v : variants(i)) {
            int[] ideal = ideal(i, v);
            for (int[] spot : freeSpots(v.footprint(), ideal[0], ideal[1])) {
                double cost = cost(i, v, spot[0], spot[1]) + 0.3 * (Math.abs(spot[0] - ideal[0])
                        + Math.abs(spot[1] - ideal[1]));
                if (cost < bestCost - 1e-9) {
                    bestCost = cost;
                    chosen[i] = v;
                    ox[i] = spot[0];
                    oy[i] = spot[1];
                }
            }
        }
        footprints.add(chosen[i].footprint().shift(ox[i], oy[i]));
        for (Shape.LocalPin p : chosen[i].pins()) {
            String net = circuit.netAt(i, p.index());
            if (net != null) {
                placedByNet.computeIfAbsent(net, k -> new ArrayList<>()).add(new int[] {ox[i] + p.x(),
                        oy[i] + p.y(), p.facing().dx(), p.facing().dy()});
            }
        }
    }

    /** Where the origin would put this variant's pins closest to the placed pins of their nets. */
    private int[] ideal(int i, Variant v) {
        long sx = 0;
        long sy = 0;
        int count = 0;
        for (boolean signalOnly : new boolean[] {true, false}) {
            for (Shape.LocalPin p : v.pins()) {
                String net = circuit.netAt(i, p.index());
                if (net == null || signalOnly != styles.isSignal(net)
                        || styles.style(net) == Attachment.GROUND) {
                    continue;
                }
                List<int[]> placed = placedByNet.get(net);
                if (placed == null) {
                    continue;
                }
                for (int[] t : placed) {
                    // a pin's partner sits out in front of it, where its wire leaves
                    sx += t[0] + t[2] * REACH - p.x();
                    sy += t[1] + t[3] * REACH - p.y();
                    count++;
                }
            }
            if (count > 0) {
                break;
            }
        }
        if (count == 0) {
            if (footprints.isEmpty()) {
                return new int[] {0, 0};
            }
            Box first = footprints.get(0);
            return new int[] {snap(first.x() + first.width() / 2), snap(first.y() + first.height() / 2)};
        }
        return new int[] {snap((int) Math.round((double) sx / count)), snap((int) Math.round((double) sy / count))};
    }

    private double cost(int i, Variant v, int x, int y) {
        double cost = 0;
        for (Shape.LocalPin p : v.pins()) {
            String net = circuit.netAt(i, p.index());
            if (net == null) {
                continue;
            }
            int px = x + p.x();
            int py = y + p.y();
            Attachment style = styles.style(net);
            if (style == Attachment.GROUND) {
                cost += p.facing() == Facing.DOWN ? 0 : p.facing() == Facing.UP ? 150 : 50;
            } else if (style == Attachment.SUPPLY) {
                cost += p.facing() == Facing.UP ? 0 : p.facing() == Facing.DOWN ? 150 : 50;
            }
            List<int[]> placed = placedByNet.get(net);
            if (placed == null || style != Attachment.WIRE) {
                continue;
            }
            int best = Integer.MAX_VALUE;
            int[] target = null;
            for (int[] t : placed) {
                int d = Math.abs(t[0] - px) + Math.abs(t[1] - py);
                if (d < best) {
                    best = d;
                    target = t;
                }
            }
            cost += best;
            // a pin pointing away from where its wire must go forces a detour around the symbol
            if ((target[0] - px) * p.facing().dx() + (target[1] - py) * p.facing().dy() < 0) {
                cost += 60;
            }
            // so does sitting behind the placed pin rather than in front of it
            if ((px - target[0]) * target[2] + (py - target[1]) * target[3] < 0) {
                cost += 80;
            }
            // pins that face each other join with a straight wire
            if (p.facing().dx() == -target[2] && p.facing().dy() == -target[3]) {
                cost -= 20;
            }
        }
        return cost;
    }

    /**
     * Free origins near ({@code x},{@code y}) on the grid, searching outwards ring by ring: the nearest free spot of
     * each ring from the first that has one, over a few more rings, so the cost can choose a spot in front of the pins
     * it connects to over one merely closest.
     */
    private List<int[]> freeSpots(Box footprint, int x, int y) {
        List<int[]> spots = new ArrayList<>();
        int firstFound = -1;
        for (int r = 0; firstFound < 0 || r <= firstFound + EXTRA_RINGS; r++) {
            int[] best = null;
            long bestD = Long.MAX_VALUE;
            for (int dx = -r; dx <= r; dx++) {
                for (int dy = -r; dy <= r; dy++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) != r) {
                        continue;
                    }
                    int cx = x + dx * GRID;
                    int cy = y + dy * GRID;
                    long d = (long) dx * dx + (long) dy * dy;
                    if (d < bestD && free(footprint.shift(cx, cy))) {
                        best = new int[] {cx, cy};
                        bestD = d;
                    }
                }
            }
            if (best != null) {
                spots.add(best);
                if (firstFound < 0) {
                    firstFound = r;
                }
            }
        }
        return spots;
    }

    private boolean free(Box b) {
        for (Box f : footprints) {
            if (f.overlaps(b)) {
                return false;
            }
        }
        return true;
    }

    private static int snap(int v) {
        return Math.floorDiv(v + GRID / 2, GRID) * GRID;
    }

    // ---- orientations ---------------------------------------------------------------------------------------

    private List<Variant> variants(int i) {
        Shape s = shapes[i];
        List<Variant> out = new ArrayList<>();
        if (!s.rotates()) {
            out.add(variant(i, 0, false));
            if (s.symbol() != Symbol.BOX) {
                out.add(variant(i, 0, true));
            }
            return out;
        }
        for (int t = 0; t < 4; t++) {
            out.add(variant(i, t, false));
            if (s.symbol() == Symbol.POTENTIOMETER) {
                out.add(variant(i, t, true));
            }
        }
        return out;
    }

    private Variant variant(int i, int turns, boolean mirror) {
        Shape s = shapes[i];
        Component c = components.get(i);
        List<Shape.LocalPin> pins = new ArrayList<>();
        for (Shape.LocalPin p : s.pins()) {
            int[] q = transform(p.x(), p.y(), turns, mirror);
            Facing f = mirror ? p.facing().mirrored() : p.facing();
            pins.add(new Shape.LocalPin(p.index(), q[0], q[1], f.turned(turns)));
        }
        int[] a = transform(s.body().x(), s.body().y(), turns, mirror);
        int[] b = transform(s.body().right(), s.body().bottom(), turns, mirror);
        Box body = Box.spanning(a[0], a[1], b[0], b[1]);
        List<Box> zones = new ArrayList<>();
        Box area = body;
        for (Shape.LocalPin p : pins) {
            String net = circuit.netAt(i, p.index());
            if (net == null) {
                zones.add(null);
                continue;
            }
            Attachment style = styles.style(net);
            Box z = Marks.of(style == Attachment.WIRE ? Attachment.LABEL : style, p.x(), p.y(), p.facing(), net, "")
                    .area();
            zones.add(z);
            area = area.union(z);
        }
        List<Text> texts = new ArrayList<>(s.texts());
        if (s.symbol() != Symbol.BOX) {
            texts.addAll(labels(c, body, zones));
        }
        for (Text t : texts) {
            area = area.union(t.box());
        }
        return new Variant(turns, mirror, pins, body, zones, texts, area.inflate(MARGIN));
    }

    static int[] transform(int x, int y, int turns, boolean mirror) {
        return Marks.turn(mirror ? -x : x, y, turns);
    }

    /** The reference and value beside a symbol, where they clear its lines and its pins' marks. */
    private List<Text> labels(Component c, Box body, List<Box> zones) {
        String value = value(c);
        int refW = Metrics.width(c.ref(), Metrics.REF_FONT);
        int refH = Metrics.height(Metrics.REF_FONT);
        int valW = value.isEmpty() ? 0 : Metrics.width(value, Metrics.FONT);
        int valH = value.isEmpty() ? 0 : Metrics.height(Metrics.FONT);
        int w = Math.max(refW, valW);
        int h = refH + valH;
        int gap = 6;
        int cy = body.y() + body.height() / 2;
        int cx = body.x() + body.width() / 2;
        int[][] spots = {
            {body.right() + gap, cy - h / 2}, {body.x() - gap - w, cy - h / 2},
            {body.right() + gap, body.y()}, {body.right() + gap, body.bottom() - h},
            {body.x() - gap - w, body.y()}, {body.x() - gap - w, body.bottom() - h},
            {cx - w / 2, body.y() - gap - h}, {cx - w / 2, body.bottom() + gap}};
        int[] at = null;
        for (int[] s : spots) {
            Box block = new Box(s[0], s[1], w, h).inflate(2);
            boolean clear = !block.overlaps(body);
            for (Box z : zones) {
                clear &= z == null || !block.overlaps(z);
            }
            if (clear) {
                at = s;
                break;
            }
        }
        if (at == null) {
            Box all = body;
            for (Box z : zones) {
                all = z == null ? all : all.union(z);
            }
            at = new int[] {all.right() + gap, cy - h / 2};
        }
        List<Text> out = new ArrayList<>();
        out.add(new Text(c.ref(), Text.Role.REF, c.ref(), new Box(at[0], at[1], refW, refH), Metrics.REF_FONT));
        if (!value.isEmpty()) {
            out.add(new Text(value, Text.Role.VALUE, c.ref(), new Box(at[0], at[1] + refH, valW, valH),
                    Metrics.FONT));
        }
        return out;
    }

    /** The value shown beside a symbol: the value, else the model, else the part. */
    static String value(Component c) {
        if (c.value() != null && !c.value().text().isBlank()) {
            return c.value().text();
        }
        if (c.model() != null && !c.model().isBlank()) {
            return c.model();
        }
        return c.part() == null ? "" : c.part();
    }
}
