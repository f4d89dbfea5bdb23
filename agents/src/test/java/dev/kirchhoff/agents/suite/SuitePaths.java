package dev.kirchhoff.agents.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the design suite file from wherever the tests run (the module folder or the repository root). */
public final class SuitePaths {

    private SuitePaths() {
    }

    public static Path suiteFile() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve(DesignSuite.DEFAULT_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + DesignSuite.DEFAULT_PATH + " above " + dir
                + "; run the tests from inside the repository.");
    }
}
