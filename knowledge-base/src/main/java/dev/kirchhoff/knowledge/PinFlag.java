package dev.kirchhoff.knowledge;

/** A trap or property of one pin that a pin-assignment solver and the validator must respect. */
public enum PinFlag implements JsonEnum {
    /** Can read but not drive (ESP32 GPIO34-39). */
    INPUT_ONLY,
    OUTPUT_ONLY,
    /** Sampled at reset; its level changes the boot mode. */
    STRAPPING,
    /** Wired to the on-board flash; using it crashes the board. */
    FLASH,
    /** Used by the board for something else (see the pin's notes). */
    RESERVED,
    /** Toggles or outputs a signal while the board boots. */
    BOOT_OUTPUT,
    /** Unusable while the radio is on (ESP32 ADC2). */
    WIFI_CONFLICT,
    FIVE_VOLT_TOLERANT,
    ONBOARD_LED,
    /** Has a pull-up the software can switch on (INPUT_PULLUP), and nothing on the board defeats it. */
    INTERNAL_PULLUP,
    /** Has a pull-down the software can switch on (INPUT_PULLDOWN), and nothing on the board defeats it. */
    INTERNAL_PULLDOWN,
    ACTIVE_LOW,
    /**
     * A power pin a working design may leave open: a jumper or another pin feeds it, or it only powers an extra
     * (backlight, touch wake).
     */
    OPTIONAL,
    /**
     * A board's power input that carries the USB supply (through the board's diode or pad) whenever USB powers the
     * board, so loads may hang on it: the ESP32 DevKit's and NodeMCU's VIN, the Pico's VSYS.
     */
    USB_SUPPLY,
    /**
     * An input the part does nothing without: it must be driven or tied to its working level, because open it
     * reads the level that stops the part (a DRV8825's RST and SLP, pulled down inside; an A4988 carrier's RESET,
     * which floats). The pin's notes say what to tie it to.
     */
    MUST_DRIVE
}
