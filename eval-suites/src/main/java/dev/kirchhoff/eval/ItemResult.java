package dev.kirchhoff.eval;

import java.util.Map;

/**
 * One line of a run's {@code results.jsonl}: what happened to one item. Appended as soon as the item finishes, so
 * a killed run resumes from the lines on disk. Immutable.
 *
 * @param suite        the suite's name
 * @param id           the item's id
 * @param model        the system under test's name
 * @param status       {@code scored}, {@code skipped} (the system declined, reason in {@code detail}) or
 *                     {@code error} (every attempt failed; {@code error} says how)
 * @param type         the question type's key
 * @param labels       the item's breakdown labels
 * @param template     the prompt template id and version
 * @param response     the answer text (empty when skipped or failed)
 * @param score        0..1, 0 unless scored
 * @param correct      whether it counts towards accuracy
 * @param method       scoring method, empty unless scored
 * @param official     whether the scoring method is the suite's official one
 * @param detail       the scorer's one-line explanation, or the skip reason
 * @param error        failure class and message when status is {@code error}, else null
 * @param attempts     calls made, retries included
 * @param latencyMs    wall time of the successful attempt (or of the last one)
 * @param inputTokens  tokens sent
 * @param outputTokens tokens received
 * @param cached       whether the answer came from the response cache
 * @param finishedAt   ISO-8601 instant
 */
public record ItemResult(
        String suite,
        String id,
        String model,
        String status,
        String type,
        Map<String, String> labels,
        String template,
        String response,
        double score,
        boolean correct,
        String method,
        boolean official,
        String detail,
        ErrorInfo error,
        int attempts,
        long latencyMs,
        long inputTokens,
        long outputTokens,
        boolean cached,
        String finishedAt) {

    public static final String SCORED = "scored";
    public static final String SKIPPED = "skipped";
    public static final String ERROR = "error";

    public ItemResult {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        template = template == null ? "" : template;
        response = response == null ? "" : response;
        method = method == null ? "" : method;
        detail = detail == null ? "" : detail;
    }

    /** A label's value, or the empty string; {@code type} is the question type. */
    public String label(String key) {
        if ("type".equals(key)) {
            return type;
        }
        return labels.getOrDefault(key, "");
    }

    /** The failure recorded against an item: the exception's simple class name and its message. */
    public record ErrorInfo(String type, String message) {
    }
}
