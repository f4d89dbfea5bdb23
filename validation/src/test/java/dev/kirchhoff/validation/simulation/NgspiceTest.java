package dev.kirchhoff.validation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgspiceTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static SpiceDeck deck(String text, Map<String, String> nodes) {
        return new SpiceDeck(text, nodes, Map.of(), List.of(), List.of(), List.of());
    }

    @Test
    void runsTheRealNgspiceAndReadsNodesWhateverTheirNames() throws NgspiceException {
        // ngspice prints a node whose name starts with a digit as v(5v)
        String text = String.join("\n", "divider", "V1 12v 0 12", "R1 12v 5v 7k", "R2 5v 0 5k", ".op", ".control",
                "run", "echo " + OperatingPoint.BEGIN, "print all", "echo " + OperatingPoint.END, "quit", ".endc",
                ".end", "");
        NgspiceRun run = Ngspice.locate().run(text);
        assertThat(run.exitCode()).isZero();
        OperatingPoint op = OperatingPoint.parse(deck(text, Map.of("+12V", "12v", "+5V", "5v", "GND", "0")), run);
        assertThat(op.converged()).isTrue();
        assertThat(op.voltage("+5V")).isEqualTo(5.0);
        assertThat(op.voltage("+12V")).isEqualTo(12.0);
        assertThat(op.voltage("GND")).isEqualTo(0.0);
        assertThat(op.voltage("NOWHERE")).isNull();
        assertThat(op.value("V1#branch")).isEqualTo(-0.001);
    }

    @Test
    void readsProblemLinesFromBothStreamsOnceEach() {
        String stdout = String.join("\n", "Circuit: t", "DC solution failed -", OperatingPoint.BEGIN,
                "a = nan", "v1#branch = -5.00000e-03", OperatingPoint.END, "ngspice-39 done");
        String stderr = String.join("\n", "Warning: singular matrix:  check node fl", "",
                "Trying gmin =   1.0000E-03 Note: One successful gmin step",
                "Warning: singular matrix:  check node fl", "Error: Transient op failed, timestep too small",
                "doAnalyses: OP:  Timestep too small; cause unrecorded.");
        OperatingPoint op = OperatingPoint.parse(deck("", Map.of("FL", "fl")),
                new NgspiceRun(stdout, stderr, 0, Duration.ZERO));
        assertThat(op.problems()).containsExactly("DC solution failed -", "Warning: singular matrix:  check node fl",
                "Error: Transient op failed, timestep too small",
                "doAnalyses: OP:  Timestep too small; cause unrecorded.");
        assertThat(op.problemNodes()).containsExactly("fl");
        assertThat(op.converged()).isFalse();
        assertThat(op.value("a")).isNaN();
        assertThat(op.value("V1#BRANCH")).isEqualTo(-0.005);
    }

    @Test
    void aRunThatPrintsNothingOrFailsIsNotAnOperatingPoint() {
        OperatingPoint silent = OperatingPoint.parse(deck("", Map.of()), new NgspiceRun("", "", 0, Duration.ZERO));
        assertThat(silent.problems()).containsExactly("ngspice printed no operating point");
        OperatingPoint failed = OperatingPoint.parse(deck("", Map.of()), new NgspiceRun(
                OperatingPoint.BEGIN + "\na = 1\n" + OperatingPoint.END, "", 1, Duration.ZERO));
        assertThat(failed.problems()).containsExactly("ngspice exited with status 1");
    }

    @Test
    void findsNgspiceOnThePathOrWhereTheEnvironmentSays() throws NgspiceException, IOException {
        Path real = Ngspice.locate().executable();
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Ngspice onPath = Ngspice.locate(Map.of("PATH", empty + ":" + real.getParent()), Duration.ofSeconds(3));
        assertThat(onPath.executable()).isEqualTo(real);
        assertThat(onPath.timeout()).isEqualTo(Duration.ofSeconds(3));
        Path fake = script("my-ngspice", "exit 0\n");
        assertThat(Ngspice.locate(Map.of(Ngspice.ENV, fake.toString(), "PATH", real.getParent().toString()),
                Ngspice.DEFAULT_TIMEOUT).executable()).isEqualTo(fake);
        assertThat(Ngspice.locate(Map.of(Ngspice.ENV, "my-ngspice", "PATH", dir.toString()),
                Ngspice.DEFAULT_TIMEOUT).executable()).isEqualTo(fake);
    }

    @Test
    void aMissingNgspiceSaysHowToInstallIt() throws IOException {
        String message = "ngspice not found: install it (Debian: apt-get install ngspice) or run validate without "
                + "--simulate";
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> Ngspice.locate(Map.of("PATH", empty.toString()), Ngspice.DEFAULT_TIMEOUT))
                .isInstanceOfSatisfying(NgspiceException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.kind()).isEqualTo(NgspiceException.Kind.NOT_FOUND);
                });
        assertThatThrownBy(() -> Ngspice.locate(Map.of(Ngspice.ENV, dir.resolve("no/ngspice").toString()),
                Ngspice.DEFAULT_TIMEOUT)).hasMessage(message);
        assertThatThrownBy(() -> new Ngspice(dir.resolve("ngspice"), Ngspice.DEFAULT_TIMEOUT).run("* deck\n.end\n"))
                .isInstanceOf(NgspiceException.class).hasMessage(message);
    }

    @Test
    void anNgspiceThatHangsIsStoppedWithEverythingItStarted() throws IOException {
        Path pidFile = dir.resolve("child.pid");
        Path hang = script("ngspice", "sleep 60 &\necho $! > " + pidFile + "\nwait\n");
        Ngspice ngspice = new Ngspice(hang, Duration.ofMillis(1500));
        long start = System.nanoTime();
        assertThatThrownBy(() -> ngspice.run("* deck\n.end\n"))
                .isInstanceOfSatisfying(NgspiceException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("ngspice did not finish within 1.5 s");
                    assertThat(e.kind()).isEqualTo(NgspiceException.Kind.TIMEOUT);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> handle = ProcessHandle.of(child);
        handle.ifPresent(h -> h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(ngspice.withTimeout(Duration.ofSeconds(2)).timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRunLeavesNoTemporaryFolderBehind() throws NgspiceException, IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countRunFolders(tmp);
        Ngspice.locate().run("* nothing\nR1 a 0 1k\n.end\n");
        assertThat(countRunFolders(tmp)).isEqualTo(before);
    }

    private static long countRunFolders(Path tmp) throws IOException {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("kirchhoff-ngspice-")).count();
        }
    }
}
