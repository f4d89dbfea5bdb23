package dev.kirchhoff.app.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process and captures what it prints. */
final class Cli {

    /** The outcome of one run. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    /**
     * The process environment without what would point a test at a language model: a developer's KIRCHHOFF_MODEL,
     * KIRCHHOFF_ENGINE or config file must not turn an offline test into a network call.
     */
    static Map<String, String> offlineEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("KIRCHHOFF_") && !k.equals("KIRCHHOFF_CACHE")
                && !k.equals("KIRCHHOFF_NGSPICE") || k.endsWith("_API_KEY") || k.endsWith("_BASE_URL"));
        env.put("KIRCHHOFF_CONFIG", Path.of(System.getProperty("java.io.tmpdir"), "no-kirchhoff-config.json")
                .toString());
        return env;
    }

    static Result runWithStdin(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // netlists written to standard output go through System.out; capture it too
        PrintStream original = System.out;
        ByteArrayOutputStream rawOut = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        int code;
        try {
            System.setOut(new PrintStream(rawOut, true, StandardCharsets.UTF_8));
            code = Environment.overridden()
                    ? Main.run(in, new PrintWriter(out, true), new PrintWriter(err, true), args)
                    : Environment.with(offlineEnvironment(),
                            () -> Main.run(in, new PrintWriter(out, true), new PrintWriter(err, true), args));
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return new Result(code, out + rawOut.toString(StandardCharsets.UTF_8), err.toString());
    }
}
