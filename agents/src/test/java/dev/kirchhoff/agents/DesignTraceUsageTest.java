package dev.kirchhoff.agents;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DesignTraceUsageTest {

    @Test
    void usageReadsAsCallsTokensToolsAndRepairs() {
        Map<String, Long> u = Map.of("inputTokens", 3214L, "outputTokens", 187L, "calls", 3L, "cachedCalls", 1L,
                "toolCalls", 1L, "repairs", 2L, "millis", 900L);
        assertThat(DesignTrace.usage(u)).isEqualTo("3 calls (1 cached), 3214 → 187 tokens, 1 tool call, 2 answers repaired");
        assertThat(DesignTrace.usageSuffix(Map.of("calls", 1L, "inputTokens", 10L, "outputTokens", 2L)))
                .isEqualTo(" [1 call, 10 → 2 tokens]");
    }

    @Test
    void aStageThatSpentNothingSaysNothing() {
        assertThat(DesignTrace.usage(null)).isEmpty();
        assertThat(DesignTrace.usage(Map.of("calls", 0L, "millis", 3L))).isEmpty();
        assertThat(DesignTrace.usageSuffix(Map.of())).isEmpty();
    }
}
