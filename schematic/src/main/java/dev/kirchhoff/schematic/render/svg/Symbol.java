package dev.kirchhoff.schematic.render.svg;

import java.util.List;

/**
 * The drawing used for a component: a standard schematic symbol, or {@link #BOX} (a rectangle with named pins on
 * its sides) for modules, ICs and anything without a standard symbol. Each symbol names its terminals; a
 * component's pins are matched to them by name.
 */
public enum Symbol {
    RESISTOR("1", "2"),
    CAPACITOR("1", "2"),
    POLARIZED_CAPACITOR("+", "-"),
    INDUCTOR("1", "2"),
    DIODE("A", "K"),
    LED("A", "K"),
    NPN("C", "B", "E"),
    PNP("E", "B", "C"),
    NMOS("D", "G", "S", "B"),
    PMOS("S", "G", "D", "B"),
    BUTTON("1", "2"),
    SWITCH("1", "2"),
    POTENTIOMETER("1", "W", "3"),
    BATTERY("+", "-"),
    VOLTAGE_SOURCE("+", "-"),
    CURRENT_SOURCE("+", "-"),
    BOX;

    private final List<String> terminals;

    Symbol(String... terminals) {
        this.terminals = List.of(terminals);
    }

    /**
     * The terminal names, in drawing order: the first is at the top of the upright symbol. Empty for
     * {@link #BOX}, whose pins come from the component.
     */
    public List<String> terminals() {
        return terminals;
    }
}
