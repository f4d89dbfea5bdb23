package dev.kirchhoff.agents.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * A pin of the selected components, written {@code SELECTOR:PIN} ({@code bme280-module:SDA}, {@code led:A},
 * {@code mosfet:G}, {@code board:5V}). The pin is a knowledge-base pin number, name or alias, or a primitive's
 * terminal; {@code lm358:1OUT|2OUT} accepts either pin and {@code bridge-rectifier:*} any pin. Immutable.
 *
 * @param selector which components
 * @param pin      which of their pins
 */
public record PinSelector(Selector selector, String pin) {

    public PinSelector {
        if (selector == null) {
            throw new IllegalArgumentException("The parameter 'selector' must not be null.");
        }
        if (pin == null || pin.isBlank()) {
            throw new IllegalArgumentException("The parameter 'pin' must not be blank.");
        }
    }

    /**
     * Parses {@code SELECTOR:PIN}.
     *
     * @throws IllegalArgumentException when there is no colon or either side is empty
     */
    public static PinSelector parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not SELECTOR:PIN (for example bme280-module:SDA"
                    + " or led:A)");
        }
        return new PinSelector(new Selector(text.substring(0, colon)), text.substring(colon + 1).strip());
    }

    /** The pin names this selector accepts: one name, several separated by {@code |}, or {@code *} for any. */
    public List<String> alternatives() {
        return List.of(pin.split("\\|")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether any pin of the component will do. */
    public boolean anyPin() {
        return pin.equals("*");
    }

    /** A selected component and the indexes of its pins this selector names (empty when it has none of them). */
    public record Hit(int component, List<Integer> pins) {
        public Hit {
            pins = List.copyOf(pins);
        }
    }

    /** Every selected component with the indexes of the named pins on it. */
    public List<Hit> find(CircuitView v) {
        List<Hit> out = new ArrayList<>();
        for (int i : v.select(selector)) {
            List<Integer> pins = new ArrayList<>();
            if (anyPin()) {
                for (int p = 0; p < v.component(i).pins().size(); p++) {
                    pins.add(p);
                }
            } else {
                for (String name : alternatives()) {
                    int p = v.pinIndex(i, name);
                    if (p >= 0 && !pins.contains(p)) {
                        pins.add(p);
                    }
                }
            }
            out.add(new Hit(i, pins));
        }
        return out;
    }

    @Override
    public String toString() {
        return selector + ":" + pin;
    }
}
