package dev.kirchhoff.agents;

/** An explicit wish in a prompt that changes how a design is wired. */
public enum Constraint {
    PULL_DOWN, PULL_UP, INTERNAL_PULL_UP,
    N_CHANNEL_MOSFET, P_CHANNEL_MOSFET, LOGIC_LEVEL_MOSFET, BJT, RELAY,
    VIA_I2C, VIA_SPI, VIA_UART,
    SINGLE_SUPPLY, SPLIT_SUPPLY,
    LOW_SIDE, HIGH_SIDE,
    LEVEL_SHIFTER, NO_BREADBOARD_MODULES,
    /** A comparator with hysteresis (Schmitt action). */
    HYSTERESIS
}
