package dev.kirchhoff.schematic.model;

import java.util.Objects;

/**
 * A reference to another file: {@code .include "models.lib"}, {@code .lib "pdk.lib" tt}, Spectre
 * {@code include "pdk.scs" section=tt}. Kept as a reference; the file is not read. Immutable.
 *
 * @param path the file as written
 * @param section the library section, or {@code null}
 * @param line the source line, 0 when not read from a file
 */
public record Include(String path, String section, int line) {

    public Include {
        Objects.requireNonNull(path, "The parameter 'path' must not be null.");
    }
}
