package dev.kirchhoff.knowledge;

/** What a part's simulation model describes. */
public enum ModelKind implements JsonEnum {
    RESISTOR, CAPACITOR, INDUCTOR, LED, DIODE, ZENER, SCHOTTKY, BJT, MOSFET, OPAMP, COMPARATOR, REGULATOR, TIMER,
    SOURCE, LOAD, SWITCH, CRYSTAL, TRANSFORMER, FUSE, MOTOR
}
