package dev.kirchhoff.knowledge;

/**
 * What a part is for. Curated parts take one of the first seventeen; the KiCad tier also uses {@link #CONNECTOR}
 * and {@link #OTHER} for libraries that fit none of them.
 */
public enum Category implements JsonEnum {
    BOARD, SENSOR, DISPLAY, ACTUATOR, DRIVER, POWER, COMMUNICATION, LOGIC, ANALOG, SEMICONDUCTOR, PASSIVE, INPUT,
    STORAGE, TIMING, MAINS, AUDIO, LIGHT, CONNECTOR, OTHER
}
