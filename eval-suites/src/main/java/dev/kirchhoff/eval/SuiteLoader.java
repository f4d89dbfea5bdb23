package dev.kirchhoff.eval;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one benchmark's published format. A malformed item is reported with its file and line and skipped; it
 * never stops the load. Implementations are stateless and thread-safe.
 */
public interface SuiteLoader {
    /** The suite's name on the command line ({@code mmcircuiteval}). */
    String name();

    /** One line for {@code kirchhoff eval suites}: what the suite is and which files it reads. */
    String description();

    /**
     * Reads a file or folder of the suite.
     *
     * @throws IOException when the path cannot be read at all (missing, unreadable); a bad item is not an error
     */
    LoadResult load(Path path) throws IOException;
}
