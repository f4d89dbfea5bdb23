package dev.kirchhoff.schematic.render.svg;

import java.util.Locale;

/**
 * The geometry of net marks at a pin end: a ground symbol, a supply bar with the net name, or a label flag
 * holding the net name. Each points the way the pin faces.
 */
final class Marks {

    static final int LEAD = 10;

    private Marks() {
    }

    /**
     * A mark's lines and text.
     *
     * @param lines the area of the lines
     * @param text the net name, or {@code null} for a plain ground symbol
     * @param path the SVG path data of the lines
     * @param closed whether the path is a flag outline (drawn filled)
     */
    record Drawn(Box lines, Text text, String path, boolean closed) {

        /** Everything the mark covers. */
        Box area() {
            return text == null ? lines : lines.union(text.box());
        }
    }

    static Drawn of(Attachment kind, int x, int y, Facing f, String net, String owner) {
        return switch (kind) {
            case GROUND -> ground(x, y, f);
            case SUPPLY -> supply(x, y, f, net, owner);
            case LABEL -> flag(x, y, f, net, owner);
            default -> throw new IllegalArgumentException("no mark for " + kind);
        };
    }

    private static Drawn ground(int x, int y, Facing f) {
        // upright: lead down, then three bars getting shorter
        int[][] segs = {{0, 0, 0, LEAD}, {-9, LEAD, 9, LEAD}, {-6, LEAD + 4, 6, LEAD + 4}, {-3, LEAD + 8, 3, LEAD + 8}};
        int turns = switch (f) {
            case DOWN -> 0;
            case LEFT -> 1;
            case UP -> 2;
            case RIGHT -> 3;
        };
        StringBuilder path = new StringBuilder();
        Box box = null;
        for (int[] s : segs) {
            int[] a = turn(s[0], s[1], turns);
            int[] b = turn(s[2], s[3], turns);
            path.append(String.format(Locale.ROOT, "M%d,%dL%d,%d", x + a[0], y + a[1], x + b[0], y + b[1]));
            Box seg = Box.spanning(x + a[0], y + a[1], x + b[0], y + b[1]);
            box = box == null ? seg : box.union(seg);
        }
        return new Drawn(box, null, path.toString(), false);
    }

    private static Drawn supply(int x, int y, Facing f, String net, String owner) {
        int w = Metrics.width(net, Metrics.FONT);
        int h = Metrics.height(Metrics.FONT);
        int ex = x + f.dx() * LEAD;
        int ey = y + f.dy() * LEAD;
        String path;
        Box lines;
        Box text;
        if (f.horizontal()) {
            path = String.format(Locale.ROOT, "M%d,%dL%d,%dM%d,%dL%d,%d", x, y, ex, ey, ex, ey - 8, ex, ey + 8);
            lines = Box.spanning(x, y - 8, ex, ey + 8);
            text = new Box(f == Facing.RIGHT ? ex + 4 : ex - 4 - w, ey - h / 2, w, h);
        } else {
            path = String.format(Locale.ROOT, "M%d,%dL%d,%dM%d,%dL%d,%d", x, y, ex, ey, ex - 8, ey, ex + 8, ey);
            lines = Box.spanning(x - 8, y, ex + 8, ey);
            text = new Box(ex - w / 2, f == Facing.UP ? ey - 3 - h : ey + 3, w, h);
        }
        return new Drawn(lines, new Text(net, Text.Role.NET, owner, text, Metrics.FONT), path, false);
    }

    private static Drawn flag(int x, int y, Facing f, String net, String owner) {
        int w = Metrics.width(net, Metrics.FONT);
        int h = Metrics.height(Metrics.FONT);
        String path;
        Box text;
        if (f.horizontal()) {
            int s = f.dx();
            int tip = x;
            int base = x + s * 7;
            int end = base + s * (w + 6);
            path = String.format(Locale.ROOT, "M%d,%dL%d,%dL%d,%dL%d,%dL%d,%dZ", tip, y, base, y - 9, end, y - 9,
                    end, y + 9, base, y + 9);
            text = new Box(s > 0 ? base + 3 : end + 3, y - h / 2, w, h);
            return new Drawn(Box.spanning(tip, y - 9, end, y + 9), new Text(net, Text.Role.NET, owner, text,
                    Metrics.FONT), path, true);
        }
        int s = f.dy();
        int near = y + s * 6;
        int far = near + s * (h + 4);
        int half = w / 2 + 4;
        path = String.format(Locale.ROOT, "M%d,%dL%d,%dM%d,%dL%d,%dL%d,%dL%d,%dZ", x, y, x, near,
                x - half, near, x + half, near, x + half, far, x - half, far);
        text = new Box(x - w / 2, Math.min(near, far) + 2, w, h);
        return new Drawn(Box.spanning(x - half, y, x + half, far), new Text(net, Text.Role.NET, owner, text,
                Metrics.FONT), path, true);
    }

    static int[] turn(int x, int y, int turns) {
        int[] p = {x, y};
        for (int i = 0; i < Math.floorMod(turns, 4); i++) {
            p = new int[] {-p[1], p[0]};
        }
        return p;
    }
}
