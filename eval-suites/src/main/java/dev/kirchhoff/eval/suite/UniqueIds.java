package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.Malformed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps the first item of each id and reports the later ones, so results stay keyed by one item each. */
final class UniqueIds {

    private UniqueIds() {
    }

    static List<EvalItem> keepFirst(List<EvalItem> items, List<Malformed> malformed, String fix) {
        Map<String, ItemSource> seen = new HashMap<>();
        List<EvalItem> out = new ArrayList<>();
        for (EvalItem i : items) {
            ItemSource first = seen.putIfAbsent(i.id(), i.source());
            if (first == null) {
                out.add(i);
            } else {
                malformed.add(new Malformed(i.source(), "the id '" + i.id() + "' is already used by the item at "
                        + first + "; " + fix));
            }
        }
        return out;
    }
}
