package dev.kirchhoff.agents.llm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What language-model calls cost: tokens, calls, cache hits and wall time. Immutable; add with {@link #plus(Usage)}.
 *
 * @param inputTokens  prompt tokens the provider reported
 * @param outputTokens completion tokens the provider reported
 * @param calls        requests answered (from the provider or the cache)
 * @param cachedCalls  of those, answered from the response cache
 * @param toolCalls    tool executions the model asked for
 * @param repairs      answers sent back because they were not valid JSON, broke the schema or named what does not
 *                     exist
 * @param millis       wall time spent waiting for answers
 */
public record Usage(long inputTokens, long outputTokens, long calls, long cachedCalls, long toolCalls, long repairs,
                    long millis) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0, 0);

    public Usage plus(Usage o) {
        return new Usage(inputTokens + o.inputTokens, outputTokens + o.outputTokens, calls + o.calls,
                cachedCalls + o.cachedCalls, toolCalls + o.toolCalls, repairs + o.repairs, millis + o.millis);
    }

    public boolean isEmpty() {
        return calls == 0 && toolCalls == 0 && repairs == 0;
    }

    /** The counters as the trace stores them. */
    public Map<String, Long> toMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("inputTokens", inputTokens);
        m.put("outputTokens", outputTokens);
        m.put("calls", calls);
        m.put("cachedCalls", cachedCalls);
        m.put("toolCalls", toolCalls);
        m.put("repairs", repairs);
        m.put("millis", millis);
        return m;
    }
}
