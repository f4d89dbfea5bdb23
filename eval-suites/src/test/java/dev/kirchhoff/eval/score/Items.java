package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.QuestionType;

import java.util.List;
import java.util.Map;

/** Small items for scorer tests. */
final class Items {

    private Items() {
    }

    static EvalItem item(QuestionType type, String reference) {
        return item(type, "What is it?", List.of(), reference);
    }

    static EvalItem item(QuestionType type, String question, List<String> options, String reference) {
        return new EvalItem("test", "t-1", type, "", question, options, reference, List.of(), "", Map.of(),
                new ItemSource("fixtures/test.jsonl", 3));
    }
}
