package dev.kirchhoff.schematic.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.testing.Netlists;
import dev.kirchhoff.schematic.testing.Ngspice;
import dev.kirchhoff.schematic.transform.Conversion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ngspice, the reference SPICE parser, loads every AnalogGenie circuit converted to ngspice with stub
 * models, and prints no error or warning line (ngspice exits non-zero when there is no analysis, so its output is
 * what is checked).
 */
class NgspiceLoadTest {

    @BeforeAll
    static void needsNgspice() {
        assumeTrue(Ngspice.available(), "ngspice not found: install it (Debian: apt-get install ngspice); "
                + ".ci/run does");
    }

    @Test
    void everyAnalogGenieCircuitLoadsInNgspice(@TempDir Path dir) throws Exception {
        List<AnalogGenieRoundTripTest.Item> items = AnalogGenieRoundTripTest.items();
        NetlistFormat ngspice = Netlists.format("ngspice");
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        for (AnalogGenieRoundTripTest.Item item : items) {
            jobs.add(pool.submit(() -> {
                String name = "ag" + item.id() + (item.hierarchical() ? "_full" : "") + ".cir";
                try {
                    Circuit c = Netlists.read("spectre", item.text());
                    Notices notices = new Notices();
                    Circuit stubbed = Conversion.prepare(c, ngspice, new Conversion.Options(false, true), notices);
                    Path deck = dir.resolve(name);
                    Files.writeString(deck, Netlists.write("ngspice", stubbed, notices));
                    List<String> problems = Ngspice.problems(deck);
                    if (!problems.isEmpty()) {
                        failures.add(name + ": " + problems);
                    }
                } catch (Exception e) {
                    failures.add(name + ": " + e);
                }
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        assertThat(items).hasSizeGreaterThan(3350);
        assertThat(failures).as(failures.size() + " circuits did not load cleanly").isEmpty();
    }

    @Test
    void aDeckWithAMissingModelIsCaughtByThisCheck(@TempDir Path dir) throws Exception {
        // guards the check itself: without --stub-models the same circuit must fail to load
        Circuit c = Netlists.read("spectre", "M0 (VOUT1 VIN1 VSS VSS) nmos4\nR0 (VDD VOUT1) resistor\n");
        Path deck = dir.resolve("bad.cir");
        Files.writeString(deck, Netlists.write("ngspice", c));
        assertThat(Ngspice.problems(deck)).anySatisfy(l -> assertThat(l).contains("can't find model 'nmos4'"));
    }
}
