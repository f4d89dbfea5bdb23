package dev.kirchhoff.schematic.render.svg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The routing grid: 10 px cells over the drawing, which unit edges symbols, texts and pin marks block (and for
 * which net a pin's own mark area is open), and which edges committed wires hold. Finds the cheapest orthogonal
 * path for a net from a pin to its growing tree: length, plus a price per bend and per crossing, never along or
 * onto another net's wire, crossing one only straight through. Not thread-safe.
 */
final class Maze {

    static final int FREE = -2;
    static final int BLOCKED = -1;
    private static final int BEND = 20;
    private static final int CROSSING = 80;
    // directions: 0 up, 1 right, 2 down, 3 left (Facing order)
    private static final int[] DX = {0, 1, 0, -1};
    private static final int[] DY = {-1, 0, 1, 0};

    private final int x0;
    private final int y0;
    private final int w;
    private final int h;
    /** Blocking of the edge from (i,j) to (i+1,j): FREE, BLOCKED, or the net whose pin mark area it crosses. */
    private final int[] hBlock;
    private final int[] vBlock;
    /** The net of the wire on the edge, or -1. */
    private final int[] hWire;
    private final int[] vWire;
    private final int[] cost;
    private final int[] parent;
    private final int[] stamp;
    private int epoch;
    private int routing;

    /**
     * A path found by {@link #route}.
     *
     * @param points the corner points, from the start pin to the point where it joins the tree
     * @param length the length in px
     * @param crossings how many other nets' wires it crosses
     */
    record Path(List<int[]> points, int length, int crossings) {
    }

    Maze(Box area) {
        x0 = Math.floorDiv(area.x(), Layouter.GRID) * Layouter.GRID;
        y0 = Math.floorDiv(area.y(), Layouter.GRID) * Layouter.GRID;
        w = (area.right() - x0) / Layouter.GRID + 2;
        h = (area.bottom() - y0) / Layouter.GRID + 2;
        hBlock = new int[w * h];
        vBlock = new int[w * h];
        hWire = new int[w * h];
        vWire = new int[w * h];
        Arrays.fill(hBlock, FREE);
        Arrays.fill(vBlock, FREE);
        Arrays.fill(hWire, -1);
        Arrays.fill(vWire, -1);
        cost = new int[w * h * 4];
        parent = new int[w * h * 4];
        stamp = new int[w * h * 4];
    }

    /** Blocks every grid edge passing through the interior of {@code b}, except for net {@code net} (-1: all). */
    void block(Box b, int net) {
        int i0 = Math.max(0, (b.x() - x0) / Layouter.GRID - 1);
        int i1 = Math.min(w - 1, (b.right() - x0) / Layouter.GRID + 1);
        int j0 = Math.max(0, (b.y() - y0) / Layouter.GRID - 1);
        int j1 = Math.min(h - 1, (b.bottom() - y0) / Layouter.GRID + 1);
        for (int j = j0; j <= j1; j++) {
            int y = y0 + j * Layouter.GRID;
            for (int i = i0; i <= i1; i++) {
                int x = x0 + i * Layouter.GRID;
                if (i + 1 < w && b.cutBy(x, y, x + Layouter.GRID, y)) {
                    hBlock[j * w + i] = merge(hBlock[j * w + i], net);
                }
                if (j + 1 < h && b.cutBy(x, y, x, y + Layouter.GRID)) {
                    vBlock[j * w + i] = merge(vBlock[j * w + i], net);
                }
            }
        }
    }

    private static int merge(int old, int net) {
        if (old == FREE) {
            return net < 0 ? BLOCKED : net;
        }
        return old == net ? old : BLOCKED;
    }

    /** Records a committed wire of net {@code net} so that later nets keep off it. */
    void occupy(Wire wire, int net) {
        int ax = (Math.min(wire.x1(), wire.x2()) - x0) / Layouter.GRID;
        int bx = (Math.max(wire.x1(), wire.x2()) - x0) / Layouter.GRID;
        int ay = (Math.min(wire.y1(), wire.y2()) - y0) / Layouter.GRID;
        int by = (Math.max(wire.y1(), wire.y2()) - y0) / Layouter.GRID;
        if (ay == by) {
            for (int i = ax; i < bx; i++) {
                hWire[ay * w + i] = net;
            }
        } else {
            for (int j = ay; j < by; j++) {
                vWire[j * w + ax] = net;
            }
        }
    }

    boolean contains(int x, int y) {
        int i = (x - x0) / Layouter.GRID;
        int j = (y - y0) / Layouter.GRID;
        return x >= x0 && y >= y0 && i < w && j < h && (x - x0) % Layouter.GRID == 0 && (y - y0) % Layouter.GRID == 0;
    }

    /**
     * The cheapest path for net {@code net} from the pin end ({@code sx},{@code sy}), leaving in direction
     * {@code startDir}, to a target: {@code targets} maps grid cells to the direction a path must arrive in (-1 for
     * any). Gives up beyond {@code budget} cost; {@code null} when nothing is reachable.
     */
    Path route(int net, int sx, int sy, int startDir, int[] targets, int budget) {
        epoch++;
        routing = net;
        int si = (sx - x0) / Layouter.GRID;
        int sj = (sy - y0) / Layouter.GRID;
        int[] box = targetBounds(targets);
        PriorityQueue<long[]> open = new PriorityQueue<>((p, q) -> p[0] != q[0] ? Long.compare(p[0], q[0])
                : Long.compare(p[1], q[1]));
        int start = ((sj * w) + si) * 4 + startDir;
        stamp[start] = epoch;
        cost[start] = 0;
        parent[start] = -1;
        open.add(new long[] {heuristic(si, sj, box), start});
        boolean first = true;
        while (!open.isEmpty()) {
            long[] top = open.poll();
            int state = (int) top[1];
            int g = cost[state];
            if (top[0] - heuristic(state / 4 % w, state / 4 / w, box) > g) {
                continue;
            }
            int cell = state / 4;
            int dir = state % 4;
            int ci = cell % w;
            int cj = cell / w;
            if (!first) {
                int need = targets[cell];
                if (need != Integer.MIN_VALUE && (need == -1 || need == dir)) {
                    return path(state);
                }
            }
            boolean crossingHere = !first && crossedAt(ci, cj, dir, net);
            for (int nd = 0; nd < 4; nd++) {
                if (first && nd != startDir || nd == (dir + 2) % 4 || crossingHere && nd != dir) {
                    continue;
                }
                int ni = ci + DX[nd];
                int nj = cj + DY[nd];
                if (ni < 0 || nj < 0 || ni >= w || nj >= h || !passable(ci, cj, nd, net)) {
                    continue;
                }
                int extra = 0;
                int ncell = nj * w + ni;
                int across = acrossAt(ni, nj, nd, net);
                if (across < 0) {
                    continue;
                }
                if (across > 0) {
                    if (targets[ncell] != Integer.MIN_VALUE) {
                        continue;
                    }
                    extra += CROSSING;
                }
                int ng = g + Layouter.GRID + extra + (nd != dir && !first ? BEND : 0);
                if (ng > budget) {
                    continue;
                }
                int ns = ncell * 4 + nd;
                if (stamp[ns] != epoch || ng < cost[ns]) {
                    stamp[ns] = epoch;
                    cost[ns] = ng;
                    parent[ns] = state;
                    open.add(new long[] {ng + heuristic(ni, nj, box), ns});
                }
            }
            first = false;
        }
        return null;
    }

    private boolean passable(int i, int j, int d, int net) {
        int block;
        int wire;
        switch (d) {
            case 0 -> {
                block = vBlock[(j - 1) * w + i];
                wire = vWire[(j - 1) * w + i];
            }
            case 1 -> {
                block = hBlock[j * w + i];
                wire = hWire[j * w + i];
            }
            case 2 -> {
                block = vBlock[j * w + i];
                wire = vWire[j * w + i];
            }
            default -> {
                block = hBlock[j * w + i - 1];
                wire = hWire[j * w + i - 1];
            }
        }
        return (block == FREE || block == net) && (wire == -1 || wire == net);
    }

    /**
     * At cell (i,j), entered moving in {@code d}: 0 when no other net's wire runs across, 1 when one passes straight
     * across (a clean crossing), -1 when another net's wire turns or ends there.
     */
    private int acrossAt(int i, int j, int d, int net) {
        int a;
        int b;
        if (d == 1 || d == 3) {
            a = j > 0 ? vWire[(j - 1) * w + i] : -1;
            b = vWire[j * w + i];
        } else {
            a = i > 0 ? hWire[j * w + i - 1] : -1;
            b = hWire[j * w + i];
        }
        a = a == net ? -1 : a;
        b = b == net ? -1 : b;
        if (a == -1 && b == -1) {
            return 0;
        }
        return a == b ? 1 : -1;
    }

    private boolean crossedAt(int i, int j, int d, int net) {
        return acrossAt(i, j, d, net) > 0;
    }

    private Path path(int state) {
        List<int[]> cells = new ArrayList<>();
        int crossings = 0;
        for (int s = state; s >= 0; s = parent[s]) {
            int cell = s / 4;
            cells.add(new int[] {x0 + cell % w * Layouter.GRID, y0 + cell / w * Layouter.GRID, s % 4});
        }
        List<int[]> points = new ArrayList<>();
        int length = 0;
        for (int k = cells.size() - 1; k >= 0; k--) {
            int[] c = cells.get(k);
            if (k < cells.size() - 1) {
                length += Layouter.GRID;
                int ci = (c[0] - x0) / Layouter.GRID;
                int cj = (c[1] - y0) / Layouter.GRID;
                if (k > 0 && acrossAt(ci, cj, c[2], routing) > 0) {
                    crossings++;
                }
            }
            // keep only the corners: a point where the direction changes, and both ends
            if (k == cells.size() - 1 || k == 0 || cells.get(k - 1)[2] != c[2]) {
                points.add(new int[] {c[0], c[1]});
            }
        }
        return new Path(points, length, crossings);
    }

    /** A fresh target table: every cell says "not a target". */
    int[] noTargets() {
        int[] t = new int[w * h];
        Arrays.fill(t, Integer.MIN_VALUE);
        return t;
    }

    /** Marks ({@code x},{@code y}) a target reached moving in {@code dir} (-1: any direction). */
    void target(int[] targets, int x, int y, int dir) {
        if (contains(x, y)) {
            targets[(y - y0) / Layouter.GRID * w + (x - x0) / Layouter.GRID] = dir;
        }
    }

    private int[] targetBounds(int[] targets) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int c = 0; c < targets.length; c++) {
            if (targets[c] != Integer.MIN_VALUE) {
                b[0] = Math.min(b[0], c % w);
                b[1] = Math.min(b[1], c / w);
                b[2] = Math.max(b[2], c % w);
                b[3] = Math.max(b[3], c / w);
            }
        }
        return b;
    }

    private static long heuristic(int i, int j, int[] box) {
        int dx = i < box[0] ? box[0] - i : i > box[2] ? i - box[2] : 0;
        int dy = j < box[1] ? box[1] - j : j > box[3] ? j - box[3] : 0;
        return (long) (dx + dy) * Layouter.GRID;
    }
}
