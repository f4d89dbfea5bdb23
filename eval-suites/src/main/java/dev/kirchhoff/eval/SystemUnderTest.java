package dev.kirchhoff.eval;

/**
 * A model or agent being evaluated. {@link #answer} is called from several runner threads at once, so
 * implementations are thread-safe. Retries, timeouts and rate limits are the runner's job, not the system's.
 */
public interface SystemUnderTest {
    /** The name recorded with every result ({@code openai:gpt-4o-mini}, {@code kirchhoff-agent}). */
    String name();

    /**
     * Answers one item.
     *
     * @param item   the item, with its netlist, options and labels
     * @param prompt the suite's prompt for it
     * @return the answer, or {@link Response#skipped} with the reason when the system does not attempt it
     * @throws Exception a failure the runner records against the item (its class and message) and may retry
     */
    Response answer(EvalItem item, RenderedPrompt prompt) throws Exception;
}
