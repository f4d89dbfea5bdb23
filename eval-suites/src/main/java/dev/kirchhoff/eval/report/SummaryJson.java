package dev.kirchhoff.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code summary.json}: pretty-printed, fields in the order of the records' declarations, so two
 * summaries of the same run are byte-identical. Thread-safe.
 */
public final class SummaryJson {

    /** The file name inside a run folder. */
    public static final String FILE = "summary.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // a newer Kirchhoff may add fields; an older one still reads what it knows
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One value per line in objects and arrays, "\n" on every platform, so the file diffs cleanly. */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SummaryJson() {
    }

    /** The summary as JSON text, ending in a newline. */
    public static String toJson(Summary summary) {
        try {
            return WRITER.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the summary as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a summary from JSON text; {@code where} names the source in the error message. */
    public static Summary fromJson(String json, String where) throws IOException {
        try {
            return MAPPER.readValue(json, Summary.class);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? where : where + ":" + e.getLocation().getLineNr();
            throw new IOException(at + ": not a valid summary (" + e.getOriginalMessage()
                    + "). Re-create it from the run's results with `kirchhoff eval report RUN_DIR`.", e);
        }
    }

    /** Reads {@code file}. */
    public static Summary read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist. Write it with `kirchhoff eval report RUN_DIR`, or check"
                    + " that the path is a run folder.");
        }
        return fromJson(Files.readString(file), file.toString());
    }

    /** Writes {@code file} atomically. */
    public static void write(Summary summary, Path file) throws IOException {
        AtomicFiles.write(file, toJson(summary));
    }
}
