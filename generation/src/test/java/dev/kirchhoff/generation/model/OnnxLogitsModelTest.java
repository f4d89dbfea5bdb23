package dev.kirchhoff.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirchhoff.generation.topology.TopologySequence;
import dev.kirchhoff.generation.topology.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxLogitsModelTest {

    private final Vocabulary v = Vocabulary.bundled();

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void theBundledModelScoresTheVocabularyAndHasLearntTheWalkSyntax() {
        assumeTrue(dev.kirchhoff.generation.TestModels.available(), "the bundled model is not built yet");
        try (OnnxLogitsModel m = dev.kirchhoff.generation.TestModels.open()) {
            assertThat(m.vocabularySize()).isEqualTo(v.size());
            int[] a = TopologySequence.ids("<Opamp>", v);
            int[] b = TopologySequence.ids("<LDO>", v);
            float[][] next = m.nextLogits(new int[][] {a, b}, 1);
            // every training sequence continues its type token with VSS
            assertThat(v.token(argmax(next[0]))).isEqualTo("VSS");
            assertThat(v.token(argmax(next[1]))).isEqualTo("VSS");
            // a row's logits do not depend on the rest of the batch
            float[][] alone = m.nextLogits(new int[][] {b}, 1);
            for (int i = 0; i < v.size(); i++) {
                assertThat(alone[0][i]).isCloseTo(next[1][i], org.assertj.core.data.Offset.offset(1e-4f));
            }
            // after a terminal token comes no type token: the model has learnt where types go
            float[][] mid = m.nextLogits(new int[][] {TopologySequence.ids("<Opamp> VSS NM1:S", v)}, 3);
            assertThat(v.kind(argmax(mid[0]))).isEqualTo(Vocabulary.Kind.TERMINAL);
        }
    }

    @Test
    void theKeyValueCacheGivesOnnxRuntimesLogits() {
        assumeTrue(dev.kirchhoff.generation.TestModels.available(), "the bundled model is not built yet");
        try (OnnxLogitsModel m = dev.kirchhoff.generation.TestModels.open()) {
            assertThat(m.cached()).as("cache problem: %s", m.cacheProblem()).isTrue();
            assertThat(m.withoutCache().cached()).isFalse();
            int[] a = TopologySequence.ids("<Opamp> VSS NM1:S NM1:D VOUT1 PM1:D PM1:S VDD PM1:B PM1:G VB1 VSS NM1:B "
                    + "NM1:G VIN1", v);
            int[] b = TopologySequence.ids("<LDO> VSS PM1:B PM1:S VDD PM1:D PM1:G N1 NM1:D NM1:B VSS NM1:S NM1:G "
                    + "N1 R1:1", v);
            LogitsModel.Session cached = m.session(2);
            LogitsModel.Session plain = m.withoutCache().session(2);
            for (int i = 0; i < a.length; i++) {
                cached.append(0, a[i]);
                cached.append(1, b[i]);
                plain.append(0, a[i]);
                plain.append(1, b[i]);
                if (i % 5 != 4 && i != a.length - 1) {
                    continue;
                }
                float[][] x = cached.logits(new int[] {0, 1}, 2);
                float[][] y = plain.logits(new int[] {0, 1}, 2);
                for (int r = 0; r < 2; r++) {
                    for (int k = 0; k < v.size(); k++) {
                        assertThat(x[r][k]).as("row %d token %d after %d tokens", r, k, i + 1)
                                .isCloseTo(y[r][k], org.assertj.core.data.Offset.offset(2e-3f * (1 + Math.abs(y[r][k]))));
                    }
                }
            }
        }
    }

    @Test
    void aMissingOrCorruptFileSaysHowToRebuild(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> OnnxLogitsModel.load(dir.resolve("x.onnx"), 256))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("run /usr/bin/python3 training/train.py (see training/README.md)");
        Path bad = dir.resolve("bad.onnx");
        Files.write(bad, new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> OnnxLogitsModel.load(bad, 256)).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("cannot be loaded").hasMessageContaining("training/train.py");
    }
}
