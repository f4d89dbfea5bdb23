package dev.kirchhoff.eval;

/** Scores a response against an item's reference. Implementations are thread-safe. */
public interface Scorer {
    Score score(EvalItem item, Response response) throws Exception;
}
