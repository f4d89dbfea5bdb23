package dev.kirchhoff.agents;

/** What a requested part is in a design; the reasoner uses it to decide how to wire it. */
public enum PartRole {
    /** The controller everything else hangs on (an Arduino, an ESP32 board, a Pico). */
    BOARD,
    /** A sensor, display, radio or other module talking to the board. */
    PERIPHERAL,
    /** Something driven with power: motor, fan, relay, solenoid, pump, buzzer, LED strip. */
    LOAD,
    /** Something a person operates: button, switch, potentiometer, keypad, encoder. */
    INPUT,
    /** An indicator LED. */
    INDICATOR,
    /** A source, regulator, charger or battery. */
    POWER,
    /** An IC or discrete part inside an analog building block (op-amp, 555, transistor). */
    ANALOG
}
