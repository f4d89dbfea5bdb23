package dev.kirchhoff.schematic.render.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides how each net is shown and draws its wires.
 *
 * <p>The heuristic: the main ground net gets a ground symbol at every pin, supply nets a bar with the net name.
 * A signal net with one pin, or with more than {@value #MAX_WIRED_PINS} pins, gets a label flag at every pin. Other
 * signal nets are wired as a tree grown from one pin, nearest pin first; each pin joins the tree by the cheapest
 * path on the 10 px grid ({@link Maze}: length, plus a price per bend and per crossing) that leaves the pin in the
 * direction it points, avoids every symbol, text and the mark area of other nets' pins, never runs along or
 * touches another net's wire and crosses one only straight through. A path must stay short (at most twice the
 * Manhattan distance to the tree plus 200 px, never over {@value #MAX_LENGTH} px) and cross at most
 * {@value #MAX_CROSSINGS} other wires. If any pin fails, the whole net is drawn with label flags instead, so a net is
 * either fully wired or fully labelled. Nets are routed fewest pins and shortest span first, so local connections
 * get the wires.
 */
final class Router {

    static final int MAX_WIRED_PINS = 6;
    static final int MAX_CROSSINGS = 2;
    static final int MAX_LENGTH = 900;
    private static final int GUARD = 15;

    /** What routing produced. */
    record Result(List<PlacedSymbol> symbols, List<Mark> marks, List<Wire> wires, List<Junction> junctions,
                  List<Text> texts) {
    }

    private final List<PlacedSymbol> symbols;
    private final NetStyles styles;
    private final Maze maze;
    private final Map<String, Integer> netIds = new LinkedHashMap<>();
    private final List<Wire> wires = new ArrayList<>();
    private final Map<String, Attachment> attachments = new LinkedHashMap<>();

    Router(List<PlacedSymbol> symbols, List<Text> texts, NetStyles styles) {
        this.symbols = symbols;
        this.styles = styles;
        Box area = null;
        for (PlacedSymbol s : symbols) {
            area = area == null ? s.body() : area.union(s.body());
            for (Terminal t : s.terminals()) {
                if (t.net() != null) {
                    netIds.putIfAbsent(t.net(), netIds.size());
                    area = area.union(zone(t));
                }
            }
        }
        for (Text t : texts) {
            area = area == null ? t.box() : area.union(t.box());
        }
        maze = new Maze((area == null ? new Box(0, 0, 10, 10) : area).inflate(200));
        for (PlacedSymbol s : symbols) {
            maze.block(s.body(), -1);
        }
        for (Text t : texts) {
            if (t.role() == Text.Role.REF || t.role() == Text.Role.VALUE) {
                maze.block(t.box().inflate(2), -1);
            }
        }
        for (PlacedSymbol s : symbols) {
            for (Terminal t : s.terminals()) {
                int net = t.net() == null ? -1 : netIds.get(t.net());
                // keeps other nets' wires off the pin end and out of line with its lead
                int gx = t.x() + t.facing().dx() * GUARD;
                int gy = t.y() + t.facing().dy() * GUARD;
                maze.block(Box.spanning(t.x(), t.y(), gx, gy).inflate(3), net);
                if (t.net() != null) {
                    // a little air around marks, so a passing wire does not seem to end on one
                    maze.block(zone(t).inflate(3), net);
                }
            }
        }
    }

    /** The area the pin's net mark takes, or would take if its net ends up labelled. */
    private Box zone(Terminal t) {
        Attachment style = styles.style(t.net());
        return Marks.of(style == Attachment.WIRE ? Attachment.LABEL : style, t.x(), t.y(), t.facing(), t.net(), "")
                .area();
    }

    Result route() {
        Map<String, List<Terminal>> signalNets = new LinkedHashMap<>();
        for (PlacedSymbol s : symbols) {
            for (Terminal t : s.terminals()) {
                if (t.net() == null) {
                    attachments.put(t.id(), Attachment.NONE);
                } else if (styles.isSignal(t.net())) {
                    signalNets.computeIfAbsent(t.net(), k -> new ArrayList<>()).add(t);
                } else {
                    attachments.put(t.id(), styles.style(t.net()));
                }
            }
        }
        List<Map.Entry<String, List<Terminal>>> order = new ArrayList<>(signalNets.entrySet());
        order.sort(Comparator.<Map.Entry<String, List<Terminal>>>comparingInt(e -> e.getValue().size())
                .thenComparingInt(e -> span(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, List<Terminal>> e : order) {
            List<Terminal> pins = e.getValue();
            List<Wire> tree = pins.size() < 2 || pins.size() > MAX_WIRED_PINS ? null : tree(e.getKey(), pins);
            Attachment a = tree == null || tree.isEmpty() ? Attachment.LABEL : Attachment.WIRE;
            if (a == Attachment.WIRE) {
                for (Wire w : splitAtPins(tree, pins)) {
                    wires.add(w);
                    maze.occupy(w, netIds.get(e.getKey()));
                }
            }
            for (Terminal t : pins) {
                attachments.put(t.id(), a);
            }
        }
        return assemble();
    }

    private Result assemble() {
        List<PlacedSymbol> placed = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        Set<String> marked = new LinkedHashSet<>();
        for (PlacedSymbol s : symbols) {
            List<Terminal> terminals = new ArrayList<>();
            for (Terminal t : s.terminals()) {
                Attachment a = attachments.get(t.id());
                Terminal done = t.with(a);
                terminals.add(done);
                if (a == Attachment.GROUND || a == Attachment.SUPPLY || a == Attachment.LABEL) {
                    // pins drawn at one point (a MOSFET's bulk tied to its source) share one mark
                    if (marked.add(t.x() + "," + t.y())) {
                        Marks.Drawn d = Marks.of(a, t.x(), t.y(), t.facing(), t.net(), t.id());
                        marks.add(new Mark(done, a, d.lines()));
                        if (d.text() != null) {
                            texts.add(d.text());
                        }
                    }
                }
            }
            placed.add(new PlacedSymbol(s.ref(), s.symbol(), s.x(), s.y(), s.quarterTurns(), s.mirrored(), s.body(),
                    terminals));
        }
        return new Result(placed, marks, List.copyOf(wires), junctions(), texts);
    }

    // ---- one net ---------------------------------------------------------------------------------------------

    /** The wires of a tree over {@code pins}, or {@code null} when some pin cannot be reached well. */
    private List<Wire> tree(String net, List<Terminal> pins) {
        int id = netIds.get(net);
        List<Wire> out = new ArrayList<>();
        List<Terminal> in = new ArrayList<>();
        List<Terminal> rest = new ArrayList<>(pins);
        int[] targets = maze.noTargets();
        Terminal root = rest.remove(0);
        in.add(root);
        maze.target(targets, root.x(), root.y(), (root.facing().ordinal() + 2) % 4);
        while (!rest.isEmpty()) {
            // the pin nearest to the tree joins next
            Terminal next = null;
            int nextD = Integer.MAX_VALUE;
            for (Terminal r : rest) {
                for (Terminal t : in) {
                    int d = distance(r, t);
                    if (d < nextD) {
                        nextD = d;
                        next = r;
                    }
                }
            }
            rest.remove(next);
            in.add(next);
            if (onTree(next, in, out)) {
                continue;
            }
            int limit = Math.min(MAX_LENGTH, 2 * nextD + 200);
            Maze.Path path = maze.route(id, next.x(), next.y(), next.facing().ordinal(), targets, limit + 400);
            if (path == null || path.length() > limit || path.crossings() > MAX_CROSSINGS) {
                return null;
            }
            List<int[]> points = path.points();
            for (int i = 1; i < points.size(); i++) {
                int[] p = points.get(i - 1);
                int[] q = points.get(i);
                out.add(new Wire(net, p[0], p[1], q[0], q[1]));
                int steps = (Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1])) / Layouter.GRID;
                for (int k = 0; k <= steps; k++) {
                    maze.target(targets, p[0] + Integer.signum(q[0] - p[0]) * k * Layouter.GRID,
                            p[1] + Integer.signum(q[1] - p[1]) * k * Layouter.GRID, -1);
                }
            }
            maze.target(targets, next.x(), next.y(), -1);
        }
        return out;
    }

    // A pin drawn where the tree already is (a MOSFET's bulk on its source's end, a wire passing its end).
    private static boolean onTree(Terminal t, List<Terminal> in, List<Wire> tree) {
        for (Terminal o : in) {
            if (o != t && o.x() == t.x() && o.y() == t.y()) {
                return true;
            }
        }
        for (Wire w : tree) {
            if (w.contains(t.x(), t.y())) {
                return true;
            }
        }
        return false;
    }

    /** The wires with every wire that passes over a pin end cut in two there, so each pin is a wire end. */
    private static List<Wire> splitAtPins(List<Wire> tree, List<Terminal> pins) {
        List<Wire> out = new ArrayList<>(tree);
        for (Terminal t : pins) {
            for (int i = 0; i < out.size(); i++) {
                Wire w = out.get(i);
                boolean end = w.x1() == t.x() && w.y1() == t.y() || w.x2() == t.x() && w.y2() == t.y();
                if (!end && w.contains(t.x(), t.y())) {
                    out.set(i, new Wire(w.net(), w.x1(), w.y1(), t.x(), t.y()));
                    out.add(new Wire(w.net(), t.x(), t.y(), w.x2(), w.y2()));
                }
            }
        }
        return out;
    }

    private static int distance(Terminal a, Terminal b) {
        return Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y());
    }

    private static int span(List<Terminal> pins) {
        int minX = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (Terminal t : pins) {
            minX = Math.min(minX, t.x());
            maxX = Math.max(maxX, t.x());
            minY = Math.min(minY, t.y());
            maxY = Math.max(maxY, t.y());
        }
        return maxX - minX + maxY - minY;
    }

    // ---- junction dots ---------------------------------------------------------------------------------------

    private List<Junction> junctions() {
        Map<String, List<Wire>> byNet = new LinkedHashMap<>();
        for (Wire w : wires) {
            byNet.computeIfAbsent(w.net(), k -> new ArrayList<>()).add(w);
        }
        Set<String> pinEnds = new LinkedHashSet<>();
        for (PlacedSymbol s : symbols) {
            for (Terminal t : s.terminals()) {
                if (t.net() != null && attachments.get(t.id()) == Attachment.WIRE) {
                    pinEnds.add(t.net() + "@" + t.x() + "," + t.y());
                }
            }
        }
        List<Junction> out = new ArrayList<>();
        for (Map.Entry<String, List<Wire>> e : byNet.entrySet()) {
            Set<String> done = new LinkedHashSet<>();
            Set<String> unique = new LinkedHashSet<>();
            List<Wire> ws = new ArrayList<>();
            for (Wire w : e.getValue()) {
                String k1 = w.x1() + "," + w.y1() + "," + w.x2() + "," + w.y2();
                String k2 = w.x2() + "," + w.y2() + "," + w.x1() + "," + w.y1();
                if (!unique.contains(k1) && !unique.contains(k2)) {
                    unique.add(k1);
                    ws.add(w);
                }
            }
            for (Wire w : ws) {
                for (int[] p : new int[][] {{w.x1(), w.y1()}, {w.x2(), w.y2()}}) {
                    if (!done.add(p[0] + "," + p[1])) {
                        continue;
                    }
                    // a pin ending here is one more arm
                    int arms = pinEnds.contains(e.getKey() + "@" + p[0] + "," + p[1]) ? 1 : 0;
                    for (Wire o : ws) {
                        if ((o.x1() == p[0] && o.y1() == p[1]) || (o.x2() == p[0] && o.y2() == p[1])) {
                            arms += o.length() == 0 ? 0 : 1;
                        } else if (o.contains(p[0], p[1])) {
                            arms += 2;
                        }
                    }
                    if (arms >= 3) {
                        out.add(new Junction(e.getKey(), p[0], p[1]));
                    }
                }
            }
        }
        return out;
    }
}
