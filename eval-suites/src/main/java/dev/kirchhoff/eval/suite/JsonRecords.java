package dev.kirchhoff.eval.suite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.Malformed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the JSON objects of a {@code .jsonl} file (one per line) or a {@code .json} file (one object, or an array of
 * them), each with the line it starts on. A bad line of a JSON Lines file is reported and the rest still read; in a
 * {@code .json} file everything before the first syntax error is kept. Stateless and thread-safe.
 */
final class JsonRecords {

    /** One object and where it starts; {@code index} counts objects in the file from 0. */
    record Entry(JsonNode node, int line, int index) {
    }

    /** The objects read and the problems met. */
    record Read(List<Entry> entries, List<Malformed> malformed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private JsonRecords() {
    }

    static boolean isJsonFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonl");
    }

    static Read read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") ? readLines(file) : readDocument(file);
    }

    private static Read readLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String text = lines.get(n).strip();
            if (text.isEmpty()) {
                continue;
            }
            ItemSource where = new ItemSource(file.toString(), n + 1);
            try {
                JsonNode node = JSON.readTree(text);
                if (!node.isObject()) {
                    malformed.add(new Malformed(where, "expected a JSON object {...} on the line, found "
                            + node.getNodeType().toString().toLowerCase(Locale.ROOT)
                            + "; write one JSON object per line"));
                } else {
                    entries.add(new Entry(node, n + 1, entries.size() + malformed.size()));
                }
            } catch (JsonProcessingException e) {
                malformed.add(new Malformed(where, "not valid JSON (" + e.getOriginalMessage()
                        + "); write one complete JSON object per line"));
            }
        }
        return new Read(entries, malformed);
    }

    private static Read readDocument(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            try {
                JsonToken first = p.nextToken();
                if (first == JsonToken.START_OBJECT) {
                    int line = p.currentTokenLocation().getLineNr();
                    entries.add(new Entry(p.readValueAsTree(), line, 0));
                } else if (first == JsonToken.START_ARRAY) {
                    int index = 0;
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                        int line = p.currentTokenLocation().getLineNr();
                        JsonNode node = p.readValueAsTree();
                        if (node.isObject()) {
                            entries.add(new Entry(node, line, index));
                        } else {
                            malformed.add(new Malformed(new ItemSource(file.toString(), line),
                                    "array element " + index + " is not a JSON object; every item is an object {...}"));
                        }
                        index++;
                    }
                } else {
                    malformed.add(new Malformed(new ItemSource(file.toString(), 1),
                            "expected a JSON object or an array of objects"));
                }
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                malformed.add(new Malformed(new ItemSource(file.toString(), line), "not valid JSON ("
                        + e.getOriginalMessage() + "); the rest of the file was not read, fix the syntax here"));
            }
        }
        return new Read(entries, malformed);
    }
}
