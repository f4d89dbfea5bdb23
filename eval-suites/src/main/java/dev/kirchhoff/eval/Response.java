package dev.kirchhoff.eval;

import dev.kirchhoff.agents.DesignResult;

/**
 * What a system under test gave back for one item. Immutable.
 *
 * @param text          the answer text as received (scored by the item's scorer)
 * @param inputTokens   tokens sent, 0 when unknown or not a model
 * @param outputTokens  tokens received
 * @param cached        whether every model call was answered from the on-disk response cache
 * @param skippedReason non-empty when the system did not attempt the item (an image for a text-only model, an
 *                      item outside the agent's tools); a skipped item is counted apart, not as wrong
 * @param design        the design result for design items, else null
 */
public record Response(String text, long inputTokens, long outputTokens, boolean cached, String skippedReason,
                       DesignResult design) {
    public Response {
        text = text == null ? "" : text;
        skippedReason = skippedReason == null ? "" : skippedReason;
    }

    /** A plain text answer. */
    public static Response text(String text) {
        return new Response(text, 0, 0, false, "", null);
    }

    /** The system declined the item, for this reason. */
    public static Response skipped(String reason) {
        return new Response("", 0, 0, false, reason, null);
    }

    public boolean isSkipped() {
        return !skippedReason.isEmpty();
    }
}
