package dev.kirchhoff.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.Malformed;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's {@code results.jsonl}: one {@link ItemResult} as a JSON object per line, appended as items finish. A line
 * counts only once its {@code \n} is on disk, so a run killed mid-write leaves at most one torn last line, which
 * {@link #open} cuts off. Appending is thread-safe: each result goes out as one write of the whole line.
 *
 * <pre>{@code
 * try (ResultsFile file = ResultsFile.open(runDir.resolve("results.jsonl"))) {
 *     Set<String> done = file.loaded().byId().keySet();
 *     file.append(result);
 * }
 * }</pre>
 */
public final class ResultsFile implements Closeable {

    /** The file name inside a run folder. */
    public static final String NAME = "results.jsonl";

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * What was on disk. Immutable.
     *
     * @param results    the results in file order, one per id: a later line for an id replaces an earlier one
     * @param malformed  lines that are not a result, with their line numbers; skipped
     * @param torn       the unterminated last line (a run killed mid-write), or null
     * @param duplicates how many lines were replaced by a later line with the same id
     */
    public record Loaded(List<ItemResult> results, List<Malformed> malformed, Malformed torn, int duplicates) {
        public Loaded {
            results = List.copyOf(results);
            malformed = List.copyOf(malformed);
        }

        /** The results by id, in file order. */
        public Map<String, ItemResult> byId() {
            Map<String, ItemResult> map = new LinkedHashMap<>();
            results.forEach(r -> map.put(r.id(), r));
            return map;
        }

        /** One line per problem, for the console: corrupt lines, a torn last line, replaced duplicates. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            malformed.forEach(m -> out.add(m + "; the line was skipped"));
            if (torn != null) {
                out.add(torn + "; the unfinished line was dropped and its item will run again");
            }
            if (duplicates > 0) {
                out.add(duplicates + " result line(s) were replaced by a later line for the same id");
            }
            return out;
        }
    }

    private final Path path;
    private final Loaded loaded;
    private final FileChannel channel;
    private boolean closed;

    private ResultsFile(Path path, Loaded loaded, FileChannel channel) {
        this.path = path;
        this.loaded = loaded;
        this.channel = channel;
    }

    /**
     * Reads the file if it exists, cuts off a torn last line, and opens it for appending (creating it and its folder
     * if needed), holding an exclusive lock on it until {@link #close()}.
     *
     * @throws IllegalStateException when another run (in this or another process) has the file open
     */
    public static ResultsFile open(Path path) throws IOException {
        Objects.requireNonNull(path, "The parameter 'path' must not be null.");
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        // two runs appending to one file would interleave their lines: the second is refused. The lock goes with the
        // channel, so a killed run leaves none behind.
        java.nio.channels.FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException(path + " is being written by another eval run; wait for it to finish, "
                    + "or give this run another -o folder.");
        }
        Scan scan;
        try {
            scan = scan(path);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        try {
            if (scan.loaded.torn() != null) {
                channel.truncate(scan.completeBytes);
                channel.force(true);
            }
            channel.position(channel.size());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new ResultsFile(path, scan.loaded, channel);
    }

    /** Reads a results file without changing it; a missing file reads as empty. */
    public static Loaded read(Path path) throws IOException {
        return scan(path).loaded;
    }

    public Path path() {
        return path;
    }

    /** What was on disk when the file was opened. */
    public Loaded loaded() {
        return loaded;
    }

    /**
     * Appends one result as one line and hands it to the operating system in a single write.
     *
     * @throws IllegalStateException when the file is closed (a stopped run)
     */
    public void append(ItemResult result) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result of " + result.id() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The results file " + path + " is closed; the result of "
                        + result.id() + " was not written and the item will run on resume.");
            }
            try {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot append to " + path + ": " + e.getMessage()
                        + "; check free space and permissions, then resume the run.", e);
            }
        }
    }

    /** Forces everything written to disk and closes the file; later appends fail. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.force(true);
        } finally {
            channel.close();
        }
    }

    private record Scan(Loaded loaded, long completeBytes) {
    }

    private static Scan scan(Path path) throws IOException {
        if (!Files.exists(path)) {
            return new Scan(new Loaded(List.of(), List.of(), null, 0), 0);
        }
        Map<String, ItemResult> byId = new LinkedHashMap<>();
        List<Malformed> malformed = new ArrayList<>();
        int duplicates = 0;
        long complete = 0;
        long offset = 0;
        int lineNo = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        start = i + 1;
                        lineNo++;
                        offset += line.size() + 1;
                        complete = offset;
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        if (text.isBlank()) {
                            continue;
                        }
                        ItemResult r = parse(text, path, lineNo, malformed);
                        if (r != null && byId.remove(r.id()) != null) {
                            duplicates++;
                        }
                        if (r != null) {
                            byId.put(r.id(), r);   // re-inserted: file order is the order of the last line
                        }
                    }
                }
                line.write(buffer, start, n - start);
            }
        }
        Malformed torn = null;
        if (line.size() > 0) {
            torn = new Malformed(new ItemSource(path.toString(), lineNo + 1), "the last line is unfinished ("
                    + line.size() + " bytes without a newline; the run was stopped while writing it)");
        }
        return new Scan(new Loaded(new ArrayList<>(byId.values()), malformed, torn, duplicates), complete);
    }

    private static ItemResult parse(String text, Path path, int lineNo, List<Malformed> malformed) {
        try {
            ItemResult r = JSON.readValue(text, ItemResult.class);
            if (r == null || r.id() == null || r.id().isEmpty() || r.status() == null) {
                malformed.add(new Malformed(new ItemSource(path.toString(), lineNo),
                        "a result needs an 'id' and a 'status'"));
                return null;
            }
            return r;
        } catch (JsonProcessingException e) {
            malformed.add(new Malformed(new ItemSource(path.toString(), lineNo),
                    "not a result: " + e.getOriginalMessage()));
            return null;
        }
    }
}
