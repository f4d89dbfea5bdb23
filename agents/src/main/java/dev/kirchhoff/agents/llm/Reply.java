package dev.kirchhoff.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A usable answer to a {@link StructuredCall}.
 *
 * @param answer         the parsed JSON, valid against the call's schema and passing its check
 * @param toolCalls      the tools the model called, in order, with their arguments and a short result
 * @param repairs        how many times an answer went back with its problems
 * @param schemaEnforced true when the server was sent the schema as a response format; false when it was given in
 *                       the prompt only
 * @param usage          what this call cost
 */
public record Reply(JsonNode answer, List<ToolCall> toolCalls, int repairs, boolean schemaEnforced, Usage usage) {

    /** One tool execution. */
    public record ToolCall(String name, String arguments, String result) {
    }

    public Reply {
        toolCalls = List.copyOf(toolCalls);
    }
}
