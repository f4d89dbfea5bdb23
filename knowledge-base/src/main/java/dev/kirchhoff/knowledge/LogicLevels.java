package dev.kirchhoff.knowledge;

/** Input and output thresholds of a part's digital I/O, in volts. */
public record LogicLevels(Double level, Double vih, Double vil, Double voh, Double vol, Boolean fiveVoltTolerant) {

    public boolean isFiveVoltTolerant() {
        return Boolean.TRUE.equals(fiveVoltTolerant);
    }
}
