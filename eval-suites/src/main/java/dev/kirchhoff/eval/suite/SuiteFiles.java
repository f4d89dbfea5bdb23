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

    /**
     * Writes image bytes embedded in a record (base64 text, as the hub's JSON export gives them, or a binary node) to a
     * file named by their SHA-256 under the temporary folder, and returns it; the same bytes give the same file, so
     * prompts and cached answers stay the same from run to run.
     *
     * @throws IllegalArgumentException when the text is not base64 or the bytes are no PNG, JPEG, GIF or WebP image
     */
    static Path imageFromBytes(com.fasterxml.jackson.databind.JsonNode node) throws IOException {
        byte[] bytes = node.isBinary() ? node.binaryValue()
                : java.util.Base64.getMimeDecoder().decode(node.asText());
        String ext = imageExtension(bytes);
        if (ext == null) {
            throw new IllegalArgumentException("not a PNG, JPEG, GIF or WebP image");
        }
        String name;
        try {
            name = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "kirchhoff-eval-images");
        Files.createDirectories(dir);
        Path target = dir.resolve(name + ext);
        if (!Files.isRegularFile(target)) {
            Path tmp = Files.createTempFile(dir, name, ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** The file extension for an image's magic bytes, or null when it is none of the four formats models take. */
    static String imageExtension(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return ".png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return ".jpg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return ".gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return ".webp";
        }
        return null;
    }

    /**
     * An image path written in a record, resolved against the record's folder or, failing that, one of its two parent
     * folders (datasets often keep their JSON in a subfolder and write image paths from the dataset's root); the first
     * candidate when none exists, for the message.
     */
    static Path resolveImage(Path file, String written) {
        Path folder = file.toAbsolutePath().getParent();
        Path first = folder.resolve(written).normalize();
        Path dir = folder;
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve(written).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return first;
    }
}
