package dev.kirchhoff.generation;

import dev.kirchhoff.generation.model.OnnxLogitsModel;
import java.nio.file.Path;

/** The model tests run: the file named by {@code -Dmodel=PATH} (to try an export before bundling it), else the bundled one. */
public final class TestModels {

    private TestModels() {
    }

    /** Whether there is a model to test. */
    public static boolean available() {
        return System.getProperty("model") != null || OnnxLogitsModel.bundledExists();
    }

    public static OnnxLogitsModel open() {
        String path = System.getProperty("model");
        return path == null ? OnnxLogitsModel.bundled(256) : OnnxLogitsModel.load(Path.of(path), 256);
    }
}
