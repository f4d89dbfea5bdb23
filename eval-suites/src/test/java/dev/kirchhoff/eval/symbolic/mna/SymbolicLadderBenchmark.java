package dev.kirchhoff.eval.symbolic.mna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Time to derive V(n_N)/V1 of an N-node RC ladder (V1 - R - C - R - C ...): uniform symbols (one R, one C), distinct
 * symbols R1..RN, C1..CN, and numeric values with only s symbolic. Median of 5 runs after 2 warm-ups; a variant stops
 * at the first size whose single run exceeds the time cap. Runs only with {@code -Dbench=true}.
 */
class SymbolicLadderBenchmark {

    private static final long CAP_SECONDS = 20;

    enum Variant { UNIFORM, DISTINCT, NUMERIC }

    static String ladder(int n, Variant v) {
        StringBuilder sb = new StringBuilder("RC ladder\nV1 in 0 AC 1\n");
        String prev = "in";
        for (int k = 1; k <= n; k++) {
            String r = switch (v) {
                case UNIFORM -> "R";
                case DISTINCT -> "";
                case NUMERIC -> "1k";
            };
            String c = switch (v) {
                case UNIFORM -> "C";
                case DISTINCT -> "";
                case NUMERIC -> "1n";
            };
            sb.append("R").append(k).append(' ').append(prev).append(" n").append(k).append(' ').append(r).append('\n');
            sb.append("C").append(k).append(" n").append(k).append(" 0 ").append(c).append('\n');
            prev = "n" + k;
        }
        return sb.toString();
    }

    private static RationalFunction solve(int n, Variant v) {
        LinearCircuit c = LinearCircuit.parse(ladder(n, v));
        return MnaSolver.transfer(v == Variant.NUMERIC ? c.withNumericValues() : c, "V1", "n" + n);
    }

    @Test
    void ladders() throws Exception {
        assumeTrue(Boolean.getBoolean("bench"), "benchmarks run with -Dbench=true");
        List<String> rows = new ArrayList<>();
        rows.add(String.format("| %5s | %-8s | %12s | %9s | %9s |", "nodes", "variant", "time ms", "num terms",
                "den terms"));
        rows.add("|------:|----------|-------------:|----------:|----------:|");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (Variant v : Variant.values()) {
                int[] sizes = v == Variant.DISTINCT ? new int[] {5, 8, 10, 12, 14, 16, 20, 40} : new int[] {5, 10, 20, 40};
                for (int n : sizes) {
                    long[] ms = new long[7];
                    RationalFunction h = null;
                    boolean capped = false;
                    for (int run = 0; run < ms.length; run++) {
                        long t0 = System.nanoTime();
                        Future<RationalFunction> f = pool.submit(() -> solve(n, v));
                        try {
                            h = f.get(CAP_SECONDS, TimeUnit.SECONDS);
                        } catch (TimeoutException e) {
                            f.cancel(true);
                            capped = true;
                            break;
                        } catch (ExecutionException e) {
                            if (e.getCause() instanceof OutOfMemoryError) {
                                capped = true;
                                break;
                            }
                            throw e;
                        }
                        ms[run] = (System.nanoTime() - t0) / 1_000_000;
                        if (run == 0 && ms[run] > CAP_SECONDS * 1000 / 4) {
                            // too slow to repeat 7 times within reason: report the single run
                            ms = new long[] {ms[0], ms[0], ms[0]};
                            break;
                        }
                    }
                    if (capped) {
                        rows.add(String.format("| %5d | %-8s | %12s | %9s | %9s |", n, v.name().toLowerCase(),
                                "> " + CAP_SECONDS * 1000, "-", "-"));
                        break;
                    }
                    long[] measured = Arrays.copyOfRange(ms, 2, ms.length);
                    Arrays.sort(measured);
                    long median = measured[measured.length / 2];
                    // the ladder's gain at DC is exactly 1
                    assertThat(h.numerator().constantTerm()).isEqualTo(h.denominator().constantTerm());
                    assertThat(h.denominator().degree("s")).isEqualTo(n);
                    rows.add(String.format("| %5d | %-8s | %12d | %9d | %9d |", n, v.name().toLowerCase(), median,
                            h.numerator().size(), h.denominator().size()));
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(CAP_SECONDS, TimeUnit.SECONDS);
        }
        System.out.println(String.join("\n", rows));
    }
}
