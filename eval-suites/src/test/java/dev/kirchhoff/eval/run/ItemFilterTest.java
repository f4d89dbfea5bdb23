package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.EvalItem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kirchhoff.eval.run.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemFilterTest {

    private final List<EvalItem> items = List.of(
            item("g-easy", "A", Map.of("split", "general", "difficulty", "easy")),
            item("g-hard", "A", Map.of("split", "general", "difficulty", "hard")),
            item("s-easy", "A", Map.of("split", "spec", "difficulty", "Easy")),
            item("f-med", "A", Map.of("split", "frontend", "difficulty", "medium")));

    private List<String> ids(ItemFilter f) {
        return items.stream().filter(f::test).map(EvalItem::id).toList();
    }

    @Test
    void valuesOfOneKeyAreAlternatives() {
        assertThat(ids(ItemFilter.parse(List.of("split=general,spec")))).containsExactly("g-easy", "g-hard", "s-easy");
    }

    @Test
    void differentKeysMustAllHold() {
        assertThat(ids(ItemFilter.parse(List.of("split=general,spec", "difficulty=easy"))))
                .containsExactly("g-easy", "s-easy");
    }

    @Test
    void valuesAndKeysCompareCaseInsensitively() {
        assertThat(ids(ItemFilter.parse(List.of("Difficulty=EASY")))).containsExactly("g-easy", "s-easy");
    }

    @Test
    void repeatingAKeyAddsValues() {
        assertThat(ids(ItemFilter.parse(List.of("split=general", "split=frontend"))))
                .containsExactly("g-easy", "g-hard", "f-med");
    }

    @Test
    void typeIsTheQuestionTypeKey() {
        assertThat(ids(ItemFilter.parse(List.of("type=single")))).hasSize(4);
        assertThat(ids(ItemFilter.parse(List.of("type=multi")))).isEmpty();
    }

    @Test
    void unknownKeyListsTheKeysTheItemsHave() {
        ItemFilter typo = ItemFilter.parse(List.of("dificulty=easy"));
        assertThatThrownBy(() -> typo.requireKnownKeys(items))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No item carries the label 'dificulty' used in --filter dificulty=...; the items have the "
                        + "labels difficulty, split, type.");
    }

    @Test
    void malformedFilterTextSaysTheForm() {
        for (String bad : List.of("split", "=general", "split=", "split=,")) {
            assertThatThrownBy(() -> ItemFilter.parse(List.of(bad))).as(bad)
                    .hasMessageStartingWith("The filter '" + bad + "' is not of the form key=value[,value2]");
        }
    }

    @Test
    void selectionFiltersThenShardsThenLimitsWithinTheShard() {
        List<EvalItem> many = Fixtures.items(200);   // split alternates general/spec
        Shard shard = new Shard(2, 3);
        RunOptions options = RunOptions.defaults().withFilter(ItemFilter.parse(List.of("split=general")))
                .withShard(shard).withLimit(5);
        List<String> expected = many.stream()
                .filter(i -> i.label("split").equals("general"))
                .filter(i -> shard.contains(i.id()))
                .limit(5).map(EvalItem::id).toList();
        List<EvalItem> selected = options.select(many);
        assertThat(selected).extracting(EvalItem::id).containsExactlyElementsOf(expected).hasSize(5);
        assertThat(selected).allSatisfy(i -> {
            assertThat(i.label("split")).isEqualTo("general");
            assertThat(shard.contains(i.id())).isTrue();
        });
    }

    @Test
    void textsRoundTripThroughParse() {
        ItemFilter f = ItemFilter.parse(List.of("split=spec,general", "level=l1"));
        assertThat(f.texts()).containsExactly("split=general,spec", "level=l1");
        assertThat(ItemFilter.parse(f.texts())).isEqualTo(f);
    }
}
