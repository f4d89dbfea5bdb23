package dev.kirchhoff.app.io;

import java.io.OutputStreamWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same directory and moves it into place, so a failed or interrupted
 * run never leaves a half-written output and an existing file is replaced only by a complete one.
 */
public final class AtomicOutput {

    /** Writes content to a {@link Writer}. */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * Writes {@code target} with {@code body}.
     *
     * @throws IOException when the directory is missing or not writable, or the body fails; {@code target} is then
     *     untouched
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
        boolean moved = false;
        try {
            try (Writer out = new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 18),
                    StandardCharsets.UTF_8)) {
                body.write(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
