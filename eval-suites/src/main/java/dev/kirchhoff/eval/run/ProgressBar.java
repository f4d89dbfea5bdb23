package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.ItemResult;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link ProgressListener} that shows {@code [#########.........] 412/1000 41% 3.2 it/s ETA 3m04s errors 2}: on a
 * terminal as one line redrawn in place (at most ten times a second), elsewhere (a log, CI) as a plain line at every
 * further 10% and at least every 10 s. The rate counts the items run now, not those resumed from disk. Thread-safe.
 */
public final class ProgressBar implements ProgressListener {

    static final int WIDTH = 18;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long PLAIN_EVERY_NANOS = 10_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private int total;
    private int done;
    private int runNow;
    private int errors;
    private long startNanos;
    private long lastPrint;
    private int lastDecile;

    /**
     * @param out      where to draw (stderr)
     * @param terminal redraw one line with {@code \r} (a terminal) rather than print plain lines
     * @param nanoTime the clock ({@code System::nanoTime})
     */
    public ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this(new PrintWriter(out, true), terminal, nanoTime);
    }

    /** A progress bar written to {@code out}, flushed after every line. */
    public ProgressBar(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.out = Objects.requireNonNull(out, "The parameter 'out' must not be null.");
        this.terminal = terminal;
        this.nanoTime = Objects.requireNonNull(nanoTime, "The parameter 'nanoTime' must not be null.");
    }

    /** A bar on stderr, redrawn in place when the JVM has a console. */
    public static ProgressBar onStderr() {
        return new ProgressBar(System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void started(int selected, int alreadyDone) {
        total = selected;
        done = alreadyDone;
        startNanos = nanoTime.getAsLong();
        lastPrint = startNanos;
        lastDecile = decile(done, total);
        if (alreadyDone > 0) {
            out.println("Resuming: " + alreadyDone + " of " + selected + " items already have a result.");
            out.flush();
        }
        print(startNanos);
    }

    @Override
    public synchronized void warning(String message) {
        if (terminal && total > 0) {
            out.println();
        }
        out.println("Warning: " + message);
        out.flush();
    }

    @Override
    public synchronized void itemFinished(ItemResult result) {
        done++;
        runNow++;
        if (ItemResult.ERROR.equals(result.status())) {
            errors++;
        }
        long now = nanoTime.getAsLong();
        if (terminal) {
            if (now - lastPrint >= REDRAW_NANOS || done == total) {
                print(now);
            }
        } else {
            int d = decile(done, total);
            if (d > lastDecile || now - lastPrint >= PLAIN_EVERY_NANOS || done == total) {
                lastDecile = d;
                print(now);
            }
        }
    }

    @Override
    public synchronized void finished(RunOutcome outcome) {
        // a plain log already has the last line unless the run stopped early; a terminal redraws it with the final rate
        if (terminal || done != total) {
            print(nanoTime.getAsLong());
        }
        if (terminal) {
            out.println();
        }
        if (outcome.stopped()) {
            out.println("Stopped: " + outcome.remaining() + " items have no result yet; run the same command again "
                    + "to resume.");
        }
        out.flush();
    }

    private void print(long now) {
        lastPrint = now;
        String text = line(done, total, runNow, now - startNanos, errors);
        if (terminal) {
            out.print("\r" + text);
            out.flush();
        } else {
            out.println(text);
            out.flush();
        }
    }

    private static int decile(int done, int total) {
        return total == 0 ? 10 : (int) (10L * done / total);
    }

    /** {@code [#########.........] 412/1000 41% 3.2 it/s ETA 3m04s errors 2}. */
    public static String line(int done, int total, int runNow, long elapsedNanos, int errors) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? runNow / seconds : 0;
        String eta = rate > 0 ? duration(Math.round((total - done) / rate)) : "--";
        return bar(done, total, WIDTH) + " " + done + "/" + total + " " + percent(done, total) + "% "
                + String.format(Locale.ROOT, "%.1f", rate) + " it/s ETA " + eta + " errors " + errors;
    }

    /** A bar of {@code width} cells, {@code #} for the done part and {@code .} for the rest. */
    public static String bar(int done, int total, int width) {
        int filled = total == 0 ? width : (int) Math.min(width, (long) width * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** Whole percent done, rounded down (100 only when everything is done). */
    public static int percent(int done, int total) {
        return total == 0 ? 100 : (int) (100L * done / total);
    }

    /** {@code 45s}, {@code 3m04s}, {@code 2h05m}. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
