package dev.kirchhoff.knowledge;

import java.util.List;

/**
 * What a module or board carries besides its main chip.
 *
 * @param pullUps       resistors already on the board
 * @param regulator     an on-board regulator
 * @param levelShifting signal pins are level shifted for 5 V and 3.3 V hosts
 * @param usbSerial     USB-to-serial chip
 * @param features      other features in words
 */
public record Onboard(List<PullUp> pullUps, Regulator regulator, Boolean levelShifting, String usbSerial,
                      List<String> features) {

    public Onboard {
        pullUps = pullUps == null ? List.of() : List.copyOf(pullUps);
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** True when a pull-up sits on the pin named {@code pin}. */
    public boolean pulledUp(String pin) {
        for (PullUp p : pullUps) {
            for (String name : p.pins()) {
                if (name.equalsIgnoreCase(pin)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A resistor on the board from the listed pins to a rail. */
    public record PullUp(List<String> pins, double ohms, String to) {
        public PullUp {
            pins = pins == null ? List.of() : List.copyOf(pins);
        }
    }

    /** An on-board regulator: output volts, amperes it can give, dropout and input limit in volts. */
    public record Regulator(String part, double output, Double maxCurrent, Double dropout, Double inputMax) {
    }
}
