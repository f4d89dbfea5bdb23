package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a repair round changes, read from the validator's findings: board pins to move off, nets that need a pull-up,
 * device pins that need a divider, and switches for decoupling, external pull-ups, a multiplexer or an external
 * supply. The designer re-plans with these instead of repeating the plan. Immutable after construction.
 */
final class Hints {

    final Set<String> avoidPins = new HashSet<>();
    final Set<String> pullUpNets = new HashSet<>();
    final Set<String> dividePins = new HashSet<>();
    boolean decoupleAll;
    boolean externalPullUps;
    boolean forceMux;
    boolean externalSupply;
    final List<String> notes = new ArrayList<>();

    static Hints from(Feedback feedback, String boardRef) {
        Hints h = new Hints();
        if (feedback == null || feedback.isEmpty()) {
            return h;
        }
        String prefix = boardRef + ":";
        for (Finding f : feedback.findings()) {
            if (f.severity() == Severity.INFO) {
                continue;
            }
            String what;
            switch (f.rule()) {
                case "interface.strapping-pin", "interface.flash-pin", "interface.input-only", "interface.adc-pin",
                     "interface.pwm-pin", "interface.i2c-pins", "interface.uart-crossed", "part.gpio-current" -> {
                    for (String p : f.pins()) {
                        if (p.startsWith(prefix)) {
                            h.avoidPins.add(p.substring(prefix.length()).toUpperCase(Locale.ROOT));
                        }
                    }
                    what = "moved off board pin(s) " + f.pins();
                }
                case "interface.i2c-pullup-missing", "interface.one-wire-pullup" -> {
                    h.pullUpNets.addAll(f.nets());
                    what = "added pull-ups on " + f.nets();
                }
                case "power.logic-level" -> {
                    h.dividePins.addAll(f.pins());
                    h.pullUpNets.removeAll(f.nets());
                    what = "level-shifted " + f.pins();
                }
                case "part.decoupling" -> {
                    h.decoupleAll = true;
                    what = "added decoupling capacitors";
                }
                case "part.floating-input" -> {
                    h.externalPullUps = true;
                    what = "fitted external pull-up resistors";
                }
                case "interface.i2c-address" -> {
                    h.forceMux = true;
                    what = "put colliding I2C devices behind a TCA9548A";
                }
                case "power.current-budget" -> {
                    h.externalSupply = true;
                    what = "moved loads to an external supply";
                }
                case "part.mosfet-gate" -> {
                    what = "kept gate pull-downs";
                }
                default -> what = null;
            }
            if (what != null) {
                h.notes.add("repair round " + feedback.round() + ": " + f.rule() + " (" + f.message() + ") → " + what);
            }
        }
        return h;
    }
}
