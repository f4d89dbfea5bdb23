package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.model.Pin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A source of pins for library parts, so that a circuit file may name a part ({@code "part": "bme280-module"})
 * without listing its pins. The knowledge base registers one through {@link ServiceLoader}; the schematic room knows
 * only this interface. Implementations are thread-safe.
 */
public interface PartLibrary {

    /** The pins of part {@code id}, in the library's order; empty when this library does not know the part. */
    Optional<List<Pin>> pins(String id);

    /** The pins of {@code id} from the first registered library that knows it; empty when none does. */
    static Optional<List<Pin>> lookup(String id) {
        for (PartLibrary library : Registered.LIBRARIES) {
            Optional<List<Pin>> pins = library.pins(id);
            if (pins.isPresent()) {
                return pins;
            }
        }
        return Optional.empty();
    }

    /** The libraries found on the class path, loaded once. */
    final class Registered {
        static final List<PartLibrary> LIBRARIES;

        static {
            List<PartLibrary> found = new ArrayList<>();
            ServiceLoader.load(PartLibrary.class, PartLibrary.class.getClassLoader()).forEach(found::add);
            LIBRARIES = List.copyOf(found);
        }

        private Registered() {
        }
    }
}
