package dev.kirchhoff.app.cli;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The environment variables a command reads: the process environment, or, inside {@link #with}, a map given by a
 * test on this thread (so tests can set KIRCHHOFF_MODEL or a key without touching the real environment).
 */
final class Environment {

    private static final ThreadLocal<Map<String, String>> OVERRIDE = new ThreadLocal<>();

    private Environment() {
    }

    static Map<String, String> get() {
        Map<String, String> m = OVERRIDE.get();
        return m != null ? m : System.getenv();
    }

    /** Whether a map given to {@link #with} stands in for the environment on this thread. */
    static boolean overridden() {
        return OVERRIDE.get() != null;
    }

    /** Runs {@code body} with {@code env} standing in for the process environment on this thread. */
    static <T> T with(Map<String, String> env, Supplier<T> body) {
        Map<String, String> previous = OVERRIDE.get();
        OVERRIDE.set(Map.copyOf(env));
        try {
            return body.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }
}
