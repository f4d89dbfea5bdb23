package dev.kirchhoff.knowledge;

/** The physical form of a part, which decides how it is wired and exported. */
public enum Form implements JsonEnum {
    /** A development board with headers (Arduino, ESP32 DevKit, Pico). */
    BOARD,
    /** A breakout or ready-made module around a chip. */
    MODULE,
    /** A bare integrated circuit. */
    IC,
    /** A transistor, diode or LED. */
    DISCRETE,
    /** A resistor, capacitor, inductor, switch or crystal. */
    PASSIVE,
    /** An off-board device: motor, battery, mains source, pump. */
    DEVICE
}
