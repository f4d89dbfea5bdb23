package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.internal.StringIntMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Gives every name in one namespace of a target format a legal, unique spelling, deterministically, and reports
 * each change. Names that are already legal and unique keep their spelling, so a clean netlist converts without a
 * single rename. Not thread-safe: one per namespace per write.
 *
 * <pre>{@code
 * Names instances = new Names(true, c -> c > ' ' && c != '=' && c != '(' && c != ')');
 * instances.claim("0");                                   // reserved
 * String spice = instances.assign("I4", "XI4");           // wanted XI4 because SPICE needs X first
 * }</pre>
 */
public final class Names {

    private final boolean ignoreCase;
    private final IntPredicate legalChar;
    private final StringIntMap taken;
    private final Map<String, String> assigned = new HashMap<>();

    /**
     * @param ignoreCase whether the target treats names differing only in case as the same name
     * @param legalChar which characters may appear in a name; others become {@code _}
     */
    public Names(boolean ignoreCase, IntPredicate legalChar) {
        this.ignoreCase = ignoreCase;
        this.legalChar = legalChar;
        this.taken = new StringIntMap(64, ignoreCase);
    }

    /** Reserves {@code name} so nothing else is given it. */
    public void claim(String name) {
        taken.put(name, 0);
    }

    /** Whether {@code name} is taken. */
    public boolean isTaken(String name) {
        return taken.get(name) >= 0;
    }

    /**
     * The output name for {@code original}: {@code wanted} with illegal characters replaced, made unique with a
     * numeric suffix. Call it once per original; {@link #of} answers later.
     */
    public String assign(String original, String wanted) {
        String existing = assigned.get(original);
        if (existing != null) {
            return existing;
        }
        String legal = legalize(wanted);
        String name = legal;
        int k = 2;
        while (taken.get(name) >= 0) {
            name = legal + "_" + k++;
        }
        taken.put(name, 0);
        if (!name.equals(original)) {
            assigned.put(original, name);
        }
        return name;
    }

    /** Maps {@code original} to {@code name} as it is, for deliberate merges such as a ground alias onto 0. */
    public void alias(String original, String name) {
        assigned.put(original, name);
    }

    /** The name given to {@code original} so far, or {@code original} itself. */
    public String of(String original) {
        return assigned.getOrDefault(original, original);
    }

    private String legalize(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!legalChar.test(c)) {
                if (sb == null) {
                    sb = new StringBuilder(name.substring(0, i));
                }
                sb.append('_');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        String result = sb == null ? name : sb.toString();
        return result.isEmpty() ? "_" : result;
    }

    /** Whether the target ignores case. */
    public boolean ignoresCase() {
        return ignoreCase;
    }
}
