package dev.kirchhoff.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.KnowledgeBasePins;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.units.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How validation scales: generated board-level circuits of 10k, 100k and 1M components validated with every static
 * rule; prints the time (best of three after a warm-up) and heap per size, the 1M/100k time ratio and the slowest
 * rules, and writes the table to {@code target/validation-bench.md}. Targets from issue 4: 100k components under
 * 1 s, 1M/100k under 15. Runs only with {@code -Dbench=true}:
 * {@code mvn -B -q -o -pl validation test -Dtest=ValidationBenchmark -Dbench=true}.
 *
 * <p>The circuit repeats one unit of ten components, all real knowledge-base parts: an Arduino Nano whose 3.3 V
 * output feeds a BME280 module on I2C (A4/A5) with two 4.7 kΩ pull-ups, and three LEDs with 330 Ω resistors on
 * D11–D13. Every unit has its own 3V3, SDA, SCL and LED nets; GND is one net across the whole board, so rules that
 * walk a net's pins meet a net of hundreds of thousands of pins.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ValidationBenchmark {

    private static final int UNIT = 10;

    @Test
    void validationIsLinear() throws IOException {
        Validator validator = Validator.bundled();
        int[] sizes = {10_000, 100_000, 1_000_000};
        double[] seconds = new double[sizes.length];
        StringBuilder md = new StringBuilder("# Validation benchmark\n\n")
                .append("Generated boards (Arduino Nano + BME280 on I2C with pull-ups + 3 LEDs with resistors per ")
                .append("unit, one shared GND), all ").append(validator.rules().size())
                .append(" static rules, best of 3 after a warm-up; Java ").append(Runtime.version().feature())
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, max heap ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MB.\n\n")
                .append("| components | nets | pins on GND | findings | time (s) | circuit heap (MB) "
                        + "| heap with facts (MB) |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> slowest = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            Circuit circuit = board(sizes[s] / UNIT);
            long circuitHeap = usedAfterGc();
            validator.validate(circuit, "warm-up");
            double best = Double.MAX_VALUE;
            ValidationReport report = null;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                report = validator.validate(circuit, "bench");
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            seconds[s] = best;
            CircuitFacts facts = CircuitFacts.of(circuit, validator.resolver());
            validator.validate(facts, "bench");
            long factsHeap = usedAfterGc();
            int gnd = facts.netId("GND");
            String row = String.format("| %,d | %,d | %,d | %,d | %.3f | %d | %d |%n", circuit.components().size(),
                    facts.netCount(), facts.netSize(gnd), report.findings().size()
                            + report.dropped().values().stream().mapToInt(Integer::intValue).sum(),
                    best, circuitHeap >> 20, factsHeap >> 20);
            md.append(row);
            System.out.print(row);
            if (s == sizes.length - 1) {
                slowest = slowestRules(validator, circuit);
            }
        }
        double ratio = seconds[2] / seconds[1];
        md.append(String.format("%n1M/100k time ratio: %.1f (target under 15); 100k: %.3f s (target under 1 s).%n",
                ratio, seconds[1]));
        md.append("\nWhere the time goes on 1M components (one run, rules in order on shared facts):\n\n");
        slowest.forEach(line -> md.append("- ").append(line).append('\n'));
        System.out.print(md);
        Path out = Path.of("target/validation-bench.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        assertThat(seconds[1]).as("100k components").isLessThan(1.0);
        assertThat(ratio).as("1M/100k time ratio").isLessThan(15);
    }

    /**
     * The eight slowest rules over {@code circuit}, run in order on one set of facts as the validator runs them (the
     * first rule to use a shared structure pays for building it), and the time to build the facts.
     */
    private static List<String> slowestRules(Validator validator, Circuit circuit) {
        long t0 = System.nanoTime();
        CircuitFacts facts = CircuitFacts.of(circuit, validator.resolver());
        double factsTime = (System.nanoTime() - t0) / 1e9;
        List<Rule> rules = validator.rules();
        double[] times = new double[rules.size()];
        Integer[] order = new Integer[rules.size()];
        Findings out = new Findings();
        for (int r = 0; r < rules.size(); r++) {
            long start = System.nanoTime();
            rules.get(r).check(facts, out);
            times[r] = (System.nanoTime() - start) / 1e9;
            order[r] = r;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(times[b], times[a]));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("building the facts (net index, part binding, rails): %.3f s", factsTime));
        for (int k = 0; k < Math.min(8, order.length); k++) {
            lines.add(String.format("%s: %.3f s", rules.get(order[k]).id(), times[order[k]]));
        }
        return lines;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** {@code units} repetitions of the unit, {@code units × 10} components. */
    static Circuit board(int units) {
        KnowledgeBase kb = KnowledgeBase.bundled();
        List<Pin> nanoPins = List.copyOf(KnowledgeBasePins.pinsOf(kb.require("arduino-nano")));
        List<Pin> bmePins = List.copyOf(KnowledgeBasePins.pinsOf(kb.require("bme280-module")));
        Component nanoProto = Component.builder("U", ComponentKind.PART).part("arduino-nano").pins(nanoPins).build();
        Component bmeProto = Component.builder("S", ComponentKind.PART).part("bme280-module").pins(bmePins).build();
        Component pullUp = Component.builder("R", ComponentKind.RESISTOR).value(Value.parse("4.7k")).build();
        Component ledResistor = Component.builder("R", ComponentKind.RESISTOR).value(Value.parse("330")).build();
        Component led = Component.builder("D", ComponentKind.LED).part("led-5mm").build();
        int[] nanoAt = indexes(nanoProto, "GND.1", "GND.2", "3.3V", "A4", "A5", "11", "12", "13");
        int[] bmeAt = indexes(bmeProto, "VIN", "GND", "SCL", "SDA");
        int anode = led.terminalIndex("A");
        int cathode = led.terminalIndex("K");

        Circuit.Builder b = Circuit.builder(units * UNIT);
        b.title("benchmark board, " + units + " units");
        int gnd = b.netId("GND");
        for (int u = 0; u < units; u++) {
            int v33 = b.newNet("3V3_" + u);
            int sda = b.newNet("SDA_" + u);
            int scl = b.newNet("SCL_" + u);
            int[] nanoNets = unconnected(nanoPins.size());
            nanoNets[nanoAt[0]] = gnd;
            nanoNets[nanoAt[1]] = gnd;
            nanoNets[nanoAt[2]] = v33;
            nanoNets[nanoAt[3]] = sda;
            nanoNets[nanoAt[4]] = scl;
            int[] bmeNets = unconnected(bmePins.size());
            bmeNets[bmeAt[0]] = v33;
            bmeNets[bmeAt[1]] = gnd;
            bmeNets[bmeAt[2]] = scl;
            bmeNets[bmeAt[3]] = sda;
            int[] gpio = new int[3];
            for (int k = 0; k < 3; k++) {
                gpio[k] = b.newNet("IO" + (11 + k) + "_" + u);
                nanoNets[nanoAt[5 + k]] = gpio[k];
            }
            String n = Integer.toString(u);
            b.addUnique(nanoProto.withRef("U" + n), nanoNets);
            b.addUnique(bmeProto.withRef("S" + n), bmeNets);
            b.addUnique(pullUp.withRef("RA" + n), new int[] {v33, sda});
            b.addUnique(pullUp.withRef("RB" + n), new int[] {v33, scl});
            for (int k = 0; k < 3; k++) {
                int mid = b.newNet("LED" + k + "_" + u);
                b.addUnique(ledResistor.withRef("R" + k + "_" + n), new int[] {gpio[k], mid});
                int[] ledNets = new int[2];
                ledNets[anode] = mid;
                ledNets[cathode] = gnd;
                b.addUnique(led.withRef("D" + k + "_" + n), ledNets);
            }
        }
        return b.build();
    }

    private static int[] indexes(Component c, String... pins) {
        int[] at = new int[pins.length];
        for (int i = 0; i < pins.length; i++) {
            at[i] = c.pinIndex(pins[i]);
            if (at[i] < 0) {
                throw new IllegalStateException(c.part() + " has no pin " + pins[i]);
            }
        }
        return at;
    }

    private static int[] unconnected(int pins) {
        int[] nets = new int[pins];
        java.util.Arrays.fill(nets, -1);
        return nets;
    }
}
