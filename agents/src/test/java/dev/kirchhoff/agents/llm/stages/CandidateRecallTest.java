package dev.kirchhoff.agents.llm.stages;

import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.retrieval.PartSearch;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identify stage can only name what its candidates offer: for everyday prompts (no part numbers, often nothing
 * the offline reading understands) the parts such a design needs must be among them. Measured on the team's table of
 * prompts and needs; the bar is 90 % of needs.
 */
class CandidateRecallTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static PartSearch search;

    @BeforeAll
    static void open() {
        search = PartSearch.open(msg -> { });
    }

    @AfterAll
    static void close() {
        search.close();
    }

    /** Never asked: candidates are computed before any model call. */
    private static final ChatModel UNUSED = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            throw new AssertionError("no model call expected");
        }
    };

    @Test
    void theCandidatesOfferWhatEverydayPromptsNeed() throws IOException {
        LlmIdentifier identifier = new LlmIdentifier(KB, search, new LlmClient(UNUSED, "none"));
        int needs = 0;
        int met = 0;
        List<String> misses = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String line : lines()) {
            String[] cells = line.split("\\s*\\|\\s*");
            String prompt = cells[0];
            List<Part> candidates = identifier.candidates(prompt, identifier.offlineReadingFor(prompt));
            Set<String> ids = candidates.stream().map(Part::id).collect(Collectors.toSet());
            sizes.add(candidates.size());
            assertThat(candidates).hasSizeLessThanOrEqualTo(LlmIdentifier.MAX_CANDIDATES);
            for (int i = 1; i < cells.length; i++) {
                needs++;
                List<String> anyOf = Arrays.asList(cells[i].split("/"));
                anyOf.forEach(id -> assertThat(KB.part(id)).as("a real part id: " + id).isPresent());
                if (anyOf.stream().anyMatch(ids::contains)) {
                    met++;
                } else {
                    misses.add(prompt + " → none of " + anyOf);
                }
            }
        }
        double recall = (double) met / needs;
        String summary = String.format(Locale.ROOT, "%d of %d needs met (%.1f %%), %d prompts, candidates %d-%d; "
                + "misses:%n%s", met, needs, recall * 100, sizes.size(), sizes.stream().mapToInt(i -> i).min()
                .orElse(0), sizes.stream().mapToInt(i -> i).max().orElse(0), String.join("\n", misses));
        System.out.println(summary);
        assertThat(needs).isGreaterThanOrEqualTo(45);
        assertThat(recall).as(summary).isGreaterThanOrEqualTo(0.90);
    }

    private static List<String> lines() throws IOException {
        try (InputStream in = CandidateRecallTest.class.getResourceAsStream(
                "/dev/kirchhoff/agents/llm/candidate-needs.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
