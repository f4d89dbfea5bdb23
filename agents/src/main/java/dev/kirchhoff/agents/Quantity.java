package dev.kirchhoff.agents;

/** What a number in a prompt means. Values are held in SI base units. */
public enum Quantity {
    /** Voltage gain, V/V (a gain given in dB is converted). */
    GAIN,
    FREQUENCY,
    /** Cut-off or corner frequency of a filter. */
    CUTOFF,
    /** Duty cycle as a fraction 0-1. */
    DUTY_CYCLE,
    /** A pulse or delay length, seconds. */
    DURATION,
    CURRENT,
    /** The supply or input voltage. */
    INPUT_VOLTAGE,
    /** The output or target voltage (a regulator's, a divider's). */
    OUTPUT_VOLTAGE,
    /** A threshold or reference voltage (comparator). */
    THRESHOLD_VOLTAGE,
    RESISTANCE,
    CAPACITANCE,
    INDUCTANCE,
    /** Load power, watts. */
    POWER
}
