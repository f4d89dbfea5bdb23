package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.SuiteLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every registered loader promises, checked on its fixture. */
class SuiteLoaderContractTest {

    static Stream<Arguments> loaders() {
        return Stream.of(
                Arguments.of("mmcircuiteval", Fixtures.path("mmcircuiteval"), 24),
                Arguments.of("circuitsense", Fixtures.path("circuitsense"), 13),
                Arguments.of("amsbench", Fixtures.path("amsbench"), 10),
                Arguments.of("design", Fixtures.repositoryFile("eval-suites/design/design-suite.jsonl"), 120));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loaders")
    void itemsAreWellFormedAndRenderable(String name, Path path, int count) throws IOException {
        SuiteLoader loader = Suites.get(name);
        LoadResult r = loader.load(path);
        assertThat(r.suite()).isEqualTo(name);
        assertThat(r.malformed()).isEmpty();
        assertThat(r.items()).hasSize(count);
        assertThat(r.items()).extracting(EvalItem::id).doesNotHaveDuplicates();
        EvalPrompts prompts = new EvalPrompts();
        assertThat(r.items()).allSatisfy(i -> {
            assertThat(i.suite()).isEqualTo(name);
            assertThat(i.question()).isNotBlank();
            assertThat(Path.of(i.source().file())).isRegularFile();
            assertThat(i.images()).allSatisfy(p -> assertThat(p).isAbsolute().isRegularFile());
            assertThat(i.labels().keySet()).allSatisfy(k -> assertThat(k).isLowerCase());
            assertThat(prompts.render(i).user()).contains(i.question());
        });
        // loading twice gives the same ids in the same order, so runs resume and compare
        assertThat(loader.load(path).items()).extracting(EvalItem::id)
                .containsExactlyElementsOf(r.items().stream().map(EvalItem::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loaders")
    void aMissingPathIsAnIoExceptionSayingWhatToGive(String name, Path ignored, int count, @TempDir Path tmp) {
        Path missing = tmp.resolve("not-there");
        assertThatThrownBy(() -> Suites.get(name).load(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("give the " + name + " path")
                .hasMessageContaining("docs/eval-datasets.md");
        assertThat(Files.exists(missing)).isFalse();
    }
}
