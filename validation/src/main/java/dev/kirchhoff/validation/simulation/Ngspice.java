package dev.kirchhoff.validation.simulation;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The ngspice executable, run in batch mode ({@code ngspice -b deck.cir}) in a fresh temporary folder with a
 * timeout. A run that does not finish in time is stopped, with every process it started. Immutable and
 * thread-safe; each run has its own folder.
 *
 * <pre>{@code
 * NgspiceRun run = Ngspice.locate().run(deck.text());
 * }</pre>
 */
public final class Ngspice {

    /** The environment variable that names the executable, overriding the search of {@code PATH}. */
    public static final String ENV = "KIRCHHOFF_NGSPICE";
    /** How long a run may take unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The message when there is no ngspice to run. */
    public static final String NOT_FOUND =
            "ngspice not found: install it (Debian: apt-get install ngspice) or run validate without --simulate";

    private final Path executable;
    private final Duration timeout;

    /**
     * @param executable the ngspice program
     * @param timeout how long a run may take before it is stopped
     */
    public Ngspice(Path executable, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "The parameter 'executable' must not be null.");
        this.timeout = Objects.requireNonNull(timeout, "The parameter 'timeout' must not be null.");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The parameter 'timeout' must be positive.");
        }
    }

    /**
     * The ngspice named by {@value #ENV}, else the first {@code ngspice} on {@code PATH}, with the default timeout.
     *
     * @throws NgspiceException {@link NgspiceException.Kind#NOT_FOUND} when there is none
     */
    public static Ngspice locate() throws NgspiceException {
        return locate(System.getenv(), DEFAULT_TIMEOUT);
    }

    /**
     * The ngspice named by {@value #ENV} in {@code env} (a path, or a name looked up on {@code PATH}), else the first
     * {@code ngspice} on {@code env}'s {@code PATH}.
     *
     * @throws NgspiceException {@link NgspiceException.Kind#NOT_FOUND} when there is none
     */
    public static Ngspice locate(Map<String, String> env, Duration timeout) throws NgspiceException {
        String override = env.get(ENV);
        String wanted = override == null || override.isBlank() ? "ngspice" : override.strip();
        Path found = null;
        if (wanted.contains(File.separator)) {
            Path p = Path.of(wanted);
            found = Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        } else {
            String path = env.getOrDefault("PATH", "");
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, wanted);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    found = p;
                    break;
                }
            }
        }
        if (found == null) {
            throw new NgspiceException(NgspiceException.Kind.NOT_FOUND, NOT_FOUND);
        }
        return new Ngspice(found, timeout);
    }

    /** The program this runs. */
    public Path executable() {
        return executable;
    }

    /** How long a run may take before it is stopped. */
    public Duration timeout() {
        return timeout;
    }

    /** This ngspice with another timeout. */
    public Ngspice withTimeout(Duration newTimeout) {
        return new Ngspice(executable, newTimeout);
    }

    /**
     * Runs {@code ngspice -b} on {@code deck} and returns what it printed. The temporary folder is deleted afterwards.
     *
     * @throws NgspiceException when the executable is missing, does not finish within the timeout (the message is
     *     {@code ngspice did not finish within N s}), or cannot be started
     */
    public NgspiceRun run(String deck) throws NgspiceException {
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new NgspiceException(NgspiceException.Kind.NOT_FOUND, NOT_FOUND);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kirchhoff-ngspice-");
            Files.writeString(dir.resolve("deck.cir"), deck, StandardCharsets.UTF_8);
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(executable.toString(), "-b", "deck.cir").directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new NgspiceException(NgspiceException.Kind.TIMEOUT,
                        "ngspice did not finish within " + seconds(timeout) + " s");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new NgspiceRun(Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1), process.exitValue(), elapsed);
        } catch (IOException e) {
            throw new NgspiceException(NgspiceException.Kind.FAILED, "ngspice (" + executable + ") could not be run: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NgspiceException(NgspiceException.Kind.FAILED, "interrupted while ngspice was running", e);
        } finally {
            delete(dir);
        }
    }

    /**
     * Stops {@code process} and everything it started. The descendants are listed before the parent is killed
     * (afterwards they are no longer its descendants) and killed after it, so it cannot start new ones meanwhile.
     */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join();
        }
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the run's result matters more
        }
    }
}
