package dev.kirchhoff.eval.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File-system helpers the loaders share: existence checks with messages that say what to do, sorted listings. */
final class SuiteFiles {

    static final String PARQUET_HINT = "Kirchhoff does not read parquet (no Java reader without a Hadoop stack);"
            + " convert it to JSON Lines first, without the images e.g. python3 -c \"import pandas as p;"
            + " d=p.read_parquet('general.parquet'); d['images']=[[]]*len(d);"
            + " d.to_json('general.jsonl', orient='records', lines=True)\""
            + " or in DuckDB: COPY (SELECT * EXCLUDE (images), [] AS images FROM 'general.parquet')"
            + " TO 'general.jsonl' (FORMAT JSON); docs/eval-datasets.md shows how to keep the images";

    private SuiteFiles() {
    }

    /** Throws a clear {@link NoSuchFileException} when {@code path} does not exist. */
    static void requireExists(Path path, String suite, String expected) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder; give the " + suite
                    + " path (" + expected + "); docs/eval-datasets.md says how to download it");
        }
    }

    static boolean isParquet(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** Regular files under {@code dir} (any depth) that match, in path order so ids and counts are stable. */
    static List<Path> files(Path dir, Predicate<Path> keep) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(keep).sorted().toList();
        }
    }

    /** The file name without its last extension ({@code general.jsonl} is {@code general}). */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
