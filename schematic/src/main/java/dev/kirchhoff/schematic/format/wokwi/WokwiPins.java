package dev.kirchhoff.schematic.format.wokwi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pin names of each Wokwi part type ({@code wokwi-arduino-uno}: {@code A5.2 A4.2 AREF GND.1 13 …}), from the
 * table {@code wokwi-pins.txt} derived from the MIT-licensed wokwi-elements library (see the README beside it).
 * Loaded once; immutable and thread-safe.
 */
final class WokwiPins {

    private static final Map<String, List<String>> TABLE = load();

    private WokwiPins() {
    }

    /** Whether the table knows part type {@code type}. */
    static boolean isKnown(String type) {
        return TABLE.containsKey(type);
    }

    /**
     * The pins of a part of {@code type} with {@code attributes} (a 4-digit {@code wokwi-7segment} has other pins
     * than a 1-digit one), or {@code null} when the type is not in the table.
     */
    static List<String> pins(String type, Map<String, String> attributes) {
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            List<String> variant = TABLE.get(type + " " + a.getKey() + "=" + a.getValue());
            if (variant != null) {
                return variant;
            }
        }
        return TABLE.get(type);
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> table = new HashMap<>();
        try (InputStream in = WokwiPins.class.getResourceAsStream("wokwi-pins.txt")) {
            if (in == null) {
                throw new IllegalStateException("wokwi-pins.txt is missing from the classpath; rebuild the schematic "
                        + "module");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String key = tab < 0 ? line.strip() : line.substring(0, tab).strip();
                String pins = tab < 0 ? "" : line.substring(tab + 1).strip();
                table.put(key, pins.isEmpty() ? List.of() : List.of(pins.split(" +")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }

    /** For tests: the pins of {@code type} with no attributes. */
    static List<String> pins(String type) {
        return pins(type, Map.of());
    }
}
