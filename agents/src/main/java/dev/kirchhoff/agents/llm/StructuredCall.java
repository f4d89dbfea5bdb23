package dev.kirchhoff.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.util.List;
import java.util.Objects;

/**
 * One structured exchange with a model: instructions, the request, the JSON Schema the answer must follow, the tools
 * the model may call first, and a check of what the schema cannot say (a pin already used, a net with one pin).
 *
 * @param stage        the pipeline stage, for messages and the cache ({@code identify}, {@code components})
 * @param system       the system message: the stage's template filled in
 * @param user         the user message
 * @param schema       the JSON Schema of the answer, built for this request
 * @param tools        an object with LangChain4j {@code @Tool} methods, or null for none
 * @param check        problems with a parsed, schema-valid answer; empty when it is usable
 * @param maxToolCalls how many tool executions the model may ask for before it must answer
 * @param maxRepairs   how many times an unusable answer goes back with its problems
 */
public record StructuredCall(String stage, String system, String user, JsonSchema schema, Object tools,
                             AnswerCheck check, int maxToolCalls, int maxRepairs) {

    /** Semantic problems with an answer, each one sentence the model can act on. */
    @FunctionalInterface
    public interface AnswerCheck {
        List<String> problems(JsonNode answer);

        static AnswerCheck none() {
            return answer -> List.of();
        }
    }

    public StructuredCall {
        Objects.requireNonNull(stage, "The parameter 'stage' must not be null.");
        Objects.requireNonNull(system, "The parameter 'system' must not be null.");
        Objects.requireNonNull(user, "The parameter 'user' must not be null.");
        Objects.requireNonNull(schema, "The parameter 'schema' must not be null.");
        check = check == null ? AnswerCheck.none() : check;
        if (maxToolCalls < 0 || maxRepairs < 0) {
            throw new IllegalArgumentException("maxToolCalls and maxRepairs must not be negative.");
        }
    }

    /** A call with no tools, no semantic check, and one repair round. */
    public static StructuredCall of(String stage, String system, String user, JsonSchema schema) {
        return new StructuredCall(stage, system, user, schema, null, null, 0, 1);
    }

    public StructuredCall withTools(Object tools, int maxToolCalls) {
        return new StructuredCall(stage, system, user, schema, tools, check, maxToolCalls, maxRepairs);
    }

    public StructuredCall withCheck(AnswerCheck check) {
        return new StructuredCall(stage, system, user, schema, tools, check, maxToolCalls, maxRepairs);
    }

    public StructuredCall withMaxRepairs(int maxRepairs) {
        return new StructuredCall(stage, system, user, schema, tools, check, maxToolCalls, maxRepairs);
    }
}
