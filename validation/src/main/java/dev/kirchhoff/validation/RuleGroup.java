package dev.kirchhoff.validation;

/**
 * The groups rules belong to. Structure rules judge library compliance and well-formed wiring and make up the
 * structural score; every other group makes up the electrical score.
 */
public enum RuleGroup {
    STRUCTURE("Structure", true),
    PIN_TYPES("Pin types", false),
    POWER("Power", false),
    INTERFACES("Interfaces", false),
    PARTS("Parts", false),
    ANALOG("Analog topology", false),
    SIMULATION("Simulation", false);

    private final String title;
    private final boolean structural;

    RuleGroup(String title, boolean structural) {
        this.title = title;
        this.structural = structural;
    }

    /** The heading used in reports and docs/rules.md. */
    public String title() {
        return title;
    }

    /** Whether findings of this group count towards the structural score (else the electrical one). */
    public boolean structural() {
        return structural;
    }
}
