package dev.kirchhoff.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * A way a part talks to its host.
 *
 * @param addresses      7-bit I2C addresses as {@code 0x76}
 * @param defaultAddress the address without any strap
 * @param addressSelect  how the address is chosen
 * @param mode           SPI mode 0-3
 * @param maxClock       hertz
 * @param baud           default UART baud rate
 * @param pins           names of the part's pins that carry the interface
 */
public record PartInterface(
        InterfaceKind kind,
        List<String> addresses,
        String defaultAddress,
        String addressSelect,
        Integer mode,
        Double maxClock,
        Integer baud,
        List<String> pins,
        String notes) {

    public PartInterface {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        pins = pins == null ? List.of() : List.copyOf(pins);
    }

    /** Whether this interface names {@code pin} among its pins (by the pin's number, name or alias). */
    public boolean uses(PartPin pin) {
        for (String name : pins) {
            if (pin.answersTo(name)) {
                return true;
            }
        }
        return false;
    }

    /** The I2C addresses as numbers. */
    public List<Integer> addressValues() {
        List<Integer> out = new ArrayList<>(addresses.size());
        for (String a : addresses) {
            out.add(Integer.parseInt(a.substring(2), 16));
        }
        return out;
    }
}
