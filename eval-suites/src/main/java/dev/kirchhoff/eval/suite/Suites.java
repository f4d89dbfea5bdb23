package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.SuiteLoader;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The suites Kirchhoff can run, by name: {@code mmcircuiteval}, {@code circuitsense}, {@code amsbench},
 * {@code design}. Immutable and thread-safe.
 */
public final class Suites {

    private static final List<SuiteLoader> ALL = List.of(new MmCircuitEvalLoader(), new CircuitSenseLoader(),
            new AmsBenchLoader(), new DesignSuiteLoader());

    private Suites() {
    }

    /** Every suite, in the order {@code kirchhoff eval suites} lists them. */
    public static List<SuiteLoader> all() {
        return ALL;
    }

    /** The suite names, in order. */
    public static List<String> names() {
        return ALL.stream().map(SuiteLoader::name).toList();
    }

    /**
     * The loader of a suite, by name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known suites when there is no such suite
     */
    public static SuiteLoader get(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(l -> l.name().equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Unknown suite '" + name + "'. Known suites: "
                        + ALL.stream().map(SuiteLoader::name).collect(Collectors.joining(", "))
                        + " (kirchhoff eval suites lists them)."));
    }
}
