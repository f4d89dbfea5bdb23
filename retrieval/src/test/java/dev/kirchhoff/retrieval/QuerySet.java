package dev.kirchhoff.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The team's retrieval query set: queries.jsonl next to this class in the test resources. */
record QuerySet(List<Query> queries) {

    record Query(int line, String text, List<String> expected, String kind) {
    }

    static QuerySet load() {
        ObjectMapper m = new ObjectMapper();
        List<Query> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                QuerySet.class.getResourceAsStream("queries.jsonl"), StandardCharsets.UTF_8))) {
            int line = 0;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                JsonNode n = m.readTree(s);
                List<String> expected = new ArrayList<>();
                n.get("expected").forEach(e -> expected.add(e.asText()));
                out.add(new Query(line, n.get("query").asText(), List.copyOf(expected), n.get("kind").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QuerySet(List.copyOf(out));
    }
}
