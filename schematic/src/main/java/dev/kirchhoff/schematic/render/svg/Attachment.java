package dev.kirchhoff.schematic.render.svg;

/** How a drawn pin shows the net it is on. */
public enum Attachment {
    /** A wire runs from the pin to the other pins of its net. */
    WIRE,
    /** A flag with the net name sits at the pin; pins with flags of the same name are connected. */
    LABEL,
    /** A ground symbol sits at the pin. */
    GROUND,
    /** A supply bar with the net name sits at the pin. */
    SUPPLY,
    /** The pin is on no net. */
    NONE
}
