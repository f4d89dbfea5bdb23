package dev.kirchhoff.eval.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the team's fixtures ({@code eval-suites/fixtures}) from the module folder or the repository root. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            for (Path candidate : new Path[] {p.resolve("fixtures"), p.resolve("eval-suites/fixtures")}) {
                if (Files.isRegularFile(candidate.resolve("README.md"))) {
                    return candidate.resolve(relative).toAbsolutePath().normalize();
                }
            }
        }
        throw new IllegalStateException("No eval-suites/fixtures above " + dir + "; run the tests inside the repository");
    }

    static Path repositoryFile(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException("No " + relative + " above the working folder");
    }
}
