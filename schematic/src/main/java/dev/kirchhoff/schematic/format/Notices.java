package dev.kirchhoff.schematic.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the notices of one conversion, and the renames among them so that a caller can map names in the input
 * to names in the output. Not thread-safe: one per conversion.
 */
public final class Notices {

    private final List<Notice> notices = new ArrayList<>();
    private final Map<String, String> componentRenames = new LinkedHashMap<>();
    private final Map<String, String> netRenames = new LinkedHashMap<>();
    private final Map<String, String> componentOrigins = new HashMap<>();
    private final Map<String, String> netOrigins = new HashMap<>();
    private final boolean lenient;
    private final List<WiringDefect> wiringDefects = new ArrayList<>();

    /** Notices for a strict read: a connection the circuit cannot hold is a parse error. */
    public Notices() {
        this(false);
    }

    private Notices(boolean lenient) {
        this.lenient = lenient;
    }

    /**
     * Notices for a lenient read, as {@code validate} does: readers record connections the circuit cannot hold as
     * {@link WiringDefect}s and go on without them instead of stopping.
     */
    public static Notices lenient() {
        return new Notices(true);
    }

    /** Whether readers should record wiring defects instead of failing. */
    public boolean isLenient() {
        return lenient;
    }

    /** Records a connection that was left out; only lenient reads call this. */
    public void wiringDefect(WiringDefect defect) {
        wiringDefects.add(defect);
    }

    /** The connections a lenient read left out, in file order. */
    public List<WiringDefect> wiringDefects() {
        return Collections.unmodifiableList(wiringDefects);
    }

    public void info(int line, String message) {
        notices.add(new Notice(Notice.Severity.INFO, line, message));
    }

    public void warn(int line, String message) {
        notices.add(new Notice(Notice.Severity.WARNING, line, message));
    }

    /** Records that component {@code from} is called {@code to} from here on, and why. */
    public void renamedComponent(String from, String to, int line, String reason) {
        String original = componentOrigins.getOrDefault(from, from);
        componentRenames.put(original, to);
        componentOrigins.put(to, original);
        warn(line, "instance " + from + " renamed to " + to + " (" + reason + ")");
    }

    /**
     * Records that a second component called {@code from} is called {@code to} from here on because the name was
     * taken, and why ({@code the name is already used at line 4}). A lenient read also keeps it as a
     * {@link WiringDefect.Kind#DUPLICATE_REF}, which validation reports.
     */
    public void renamedDuplicate(String from, String to, int line, String reason) {
        renamedComponent(from, to, line, reason);
        if (lenient) {
            wiringDefect(new WiringDefect(WiringDefect.Kind.DUPLICATE_REF, from, to, "", null, line,
                    "two components are called " + from + "; the second is called " + to + " here"));
        }
    }

    /** Records that net {@code from} is called {@code to} from here on, and why. */
    public void renamedNet(String from, String to, String reason) {
        String original = netOrigins.getOrDefault(from, from);
        netRenames.put(original, to);
        netOrigins.put(to, original);
        warn(0, "net " + from + " renamed to " + to + " (" + reason + ")");
    }

    /** All notices in the order they were made. */
    public List<Notice> all() {
        return Collections.unmodifiableList(notices);
    }

    /** Component renames, from the name in the input to the name in the output. */
    public Map<String, String> componentRenames() {
        return Collections.unmodifiableMap(componentRenames);
    }

    /** Net renames, from the name in the input to the name in the output. */
    public Map<String, String> netRenames() {
        return Collections.unmodifiableMap(netRenames);
    }

    /** Whether any notice is a warning. */
    public boolean hasWarnings() {
        for (Notice n : notices) {
            if (n.severity() == Notice.Severity.WARNING) {
                return true;
            }
        }
        return false;
    }
}
