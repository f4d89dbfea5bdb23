package dev.kirchhoff.schematic.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Runs the real ngspice for tests that need the reference parser. */
public final class Ngspice {

    /** Lines of ngspice output that mean it did not take the deck as it is. */
    private static final Pattern PROBLEM = Pattern.compile(
            "(?i).*(error|warning|can't|cannot|unknown|could not|not found|fatal|singular|unrecognized|undefined).*");

    private Ngspice() {
    }

    /** Whether an ngspice binary is on the PATH. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("ngspice", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The lines of {@code ngspice -b deck} output that report a problem; empty when it loaded cleanly. */
    public static List<String> problems(Path deck) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ngspice", "-b", deck.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return List.of("ngspice did not finish within 60 s");
        }
        List<String> problems = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (PROBLEM.matcher(line).matches()) {
                problems.add(line.strip());
            }
        }
        return problems;
    }
}
