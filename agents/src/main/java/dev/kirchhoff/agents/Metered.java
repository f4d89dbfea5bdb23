package dev.kirchhoff.agents;

import java.util.Map;

/**
 * A stage that spends something worth recording per run, such as language-model tokens. After each stage call the
 * pipeline takes what the calling thread spent and writes it into the {@link DesignTrace} entry of that stage.
 */
public interface Metered {

    /** The counters spent by the calling thread since the last call, then reset; empty when nothing was spent. */
    Map<String, Long> takeUsage();
}
