package dev.kirchhoff.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where Kirchhoff keeps caches: {@code $KIRCHHOFF_CACHE}, else the {@code kirchhoff.cache} system property, else
 * {@code ~/.cache/kirchhoff}.
 */
public final class IndexCache {

    private IndexCache() {
    }

    /** The cache root. */
    public static Path root() {
        String env = System.getenv("KIRCHHOFF_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String prop = System.getProperty("kirchhoff.cache");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "kirchhoff");
    }

    /** The folder that holds the part indexes, one per data version. */
    public static Path indexes() {
        return root().resolve("index");
    }

    /** Deletes a folder tree, quietly skipping what is already gone. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
