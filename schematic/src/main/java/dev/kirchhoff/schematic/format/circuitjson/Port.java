package dev.kirchhoff.schematic.format.circuitjson;

import java.util.List;

/**
 * One {@code source_port} as read: what identifies its pin. Immutable.
 *
 * @param name the port name ({@code pin1}, {@code drain}, {@code GND}); empty when absent
 * @param pinNumber the {@code pin_number}, or {@code null}
 * @param hints the {@code port_hints}
 * @param explicitPin the pin number from the {@code kirchhoff} extension, or {@code null}
 * @param explicitName the pin name from the {@code kirchhoff} extension, or {@code null}
 */
record Port(String name, Integer pinNumber, List<String> hints, String explicitPin, String explicitName) {

    Port {
        hints = List.copyOf(hints);
    }
}
