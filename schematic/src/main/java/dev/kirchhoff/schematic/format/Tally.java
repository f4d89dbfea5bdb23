package dev.kirchhoff.schematic.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts occurrences of one kind of problem and reports them as a single notice naming the first few, so a netlist
 * with ten thousand value-less resistors gets one line, not ten thousand. Not thread-safe.
 */
public final class Tally {

    private static final int SHOWN = 8;
    private final List<String> examples = new ArrayList<>();
    private int count;
    private int firstLine;

    /** Counts {@code name}, remembering its line if it is the first. */
    public void add(String name, int line) {
        if (count == 0) {
            firstLine = line;
        }
        count++;
        if (examples.size() < SHOWN) {
            examples.add(name);
        }
    }

    public int count() {
        return count;
    }

    /**
     * Reports the tally when anything was counted: {@code what} is the problem in plural ("components have no
     * value"), {@code advice} what to do, or {@code null}.
     */
    public void report(Notices notices, String what, String advice, boolean warning) {
        if (count == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(count).append(' ').append(what).append(" (").append(String.join(", ", examples));
        if (count > examples.size()) {
            sb.append(", …");
        }
        sb.append(')');
        if (advice != null) {
            sb.append("; ").append(advice);
        }
        int line = count == 1 ? firstLine : 0;
        if (warning) {
            notices.warn(line, sb.toString());
        } else {
            notices.info(line, sb.toString());
        }
    }
}
