package dev.kirchhoff.eval;

import java.util.List;

/** What a loader read: the items in order, and the ones it skipped as malformed. Immutable. */
public record LoadResult(String suite, List<EvalItem> items, List<Malformed> malformed) {
    public LoadResult {
        items = List.copyOf(items);
        malformed = List.copyOf(malformed);
    }
}
