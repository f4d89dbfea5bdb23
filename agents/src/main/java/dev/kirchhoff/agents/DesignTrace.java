package dev.kirchhoff.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each stage of one design run was given, what it returned, which engine and model ran it and how long it took.
 * Written beside the outputs as {@code trace.json}. Not thread-safe: one trace per run. Never holds secrets: engines
 * record model names, never keys.
 */
public final class DesignTrace {

    /**
     * One stage execution.
     *
     * @param stage  {@code identify}, {@code retrieve}, {@code reason}, {@code synthesize}, {@code validate}
     * @param round  0 for the first pass, n for the n-th repair round
     * @param engine {@code offline} or {@code llm}
     * @param model  the model name, or null for the offline engine
     * @param micros wall time
     * @param input  what the stage was given
     * @param output what it returned (or the error)
     * @param usage  counters such as prompt and completion tokens; empty offline
     */
    public record Entry(String stage, int round, String engine, String model, long micros, JsonNode input,
                        JsonNode output, Map<String, Long> usage) {
        public Entry {
            usage = usage == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final List<Entry> entries = new ArrayList<>();

    /** Records a stage; input and output are converted to JSON trees now, so later edits do not change the trace. */
    public void record(String stage, int round, String engine, String model, long nanos, Object input, Object output,
                       Map<String, Long> usage) {
        entries.add(new Entry(stage, round, engine, model, nanos / 1000, tree(input), tree(output), usage));
    }

    /**
     * What a stage spent, in words for a progress line or a report: {@code 2 calls (1 cached), 3214 → 187 tokens,
     * 1 tool call, 1 repair}; empty for a stage that spent nothing.
     */
    public static String usage(Map<String, Long> usage) {
        if (usage == null || usage.getOrDefault("calls", 0L) == 0 && usage.getOrDefault("toolCalls", 0L) == 0) {
            return "";
        }
        long calls = usage.getOrDefault("calls", 0L);
        long cached = usage.getOrDefault("cachedCalls", 0L);
        StringBuilder sb = new StringBuilder();
        sb.append(calls).append(calls == 1 ? " call" : " calls");
        if (cached > 0) {
            sb.append(" (").append(cached).append(" cached)");
        }
        sb.append(", ").append(usage.getOrDefault("inputTokens", 0L)).append(" → ")
                .append(usage.getOrDefault("outputTokens", 0L)).append(" tokens");
        long tools = usage.getOrDefault("toolCalls", 0L);
        if (tools > 0) {
            sb.append(", ").append(tools).append(tools == 1 ? " tool call" : " tool calls");
        }
        long repairs = usage.getOrDefault("repairs", 0L);
        if (repairs > 0) {
            sb.append(", ").append(repairs).append(repairs == 1 ? " answer repaired" : " answers repaired");
        }
        return sb.toString();
    }

    /** {@link #usage(Map)} in brackets after a space, or empty. */
    static String usageSuffix(Map<String, Long> usage) {
        String u = usage(usage);
        return u.isEmpty() ? "" : " [" + u + "]";
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Total wall time of the recorded stages, microseconds. */
    public long totalMicros() {
        return entries.stream().mapToLong(Entry::micros).sum();
    }

    public JsonNode toJson() {
        return JSON.valueToTree(Map.of("entries", entries));
    }

    static JsonNode tree(Object o) {
        if (o == null) {
            return NullNode.getInstance();
        }
        if (o instanceof JsonNode n) {
            return n;
        }
        try {
            return JSON.valueToTree(o);
        } catch (IllegalArgumentException e) {
            return JSON.getNodeFactory().textNode(String.valueOf(o));
        }
    }
}
