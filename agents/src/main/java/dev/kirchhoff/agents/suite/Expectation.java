package dev.kirchhoff.agents.suite;

import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One machine-checkable demand on a designed circuit, written against knowledge-base part ids, roles and kinds
 * rather than the reference designators an engine happens to choose. {@link #check} returns null when the demand is
 * met, else a one-line reason that starts with the expectation's {@link #name()}. Implementations are immutable.
 */
public sealed interface Expectation {

    /** A short name for reports ({@code parts bme280-module}, {@code connection bme280-module:SDA → board I2C_SDA}). */
    String name();

    /**
     * Checks the circuit.
     *
     * @return null when met, else {@code name: why}
     */
    String check(CircuitView v);

    /** At least {@code min} components that {@code select} picks. */
    record Parts(Selector select, int min) implements Expectation {
        @Override
        public String name() {
            return "parts " + select + (min > 1 ? " ×" + min : "");
        }

        @Override
        public String check(CircuitView v) {
            int n = v.select(select).size();
            return n >= min ? null : name() + ": found " + n + ", expected at least " + min;
        }
    }

    /** At least {@code min} components picked by any of the selectors together (an LM7805 or an LM2940-5). */
    record AnyOf(List<Selector> of, int min) implements Expectation {
        public AnyOf {
            of = List.copyOf(of);
        }

        @Override
        public String name() {
            return "anyOf [" + of.stream().map(Selector::text).collect(Collectors.joining(", ")) + "]"
                    + (min > 1 ? " ×" + min : "");
        }

        @Override
        public String check(CircuitView v) {
            int n = 0;
            for (int i = 0; i < v.size(); i++) {
                for (Selector s : of) {
                    if (s.matches(v.component(i), v.part(i))) {
                        n++;
                        break;
                    }
                }
            }
            return n >= min ? null : name() + ": found " + n + ", expected at least " + min;
        }
    }

    /**
     * A pin of every selected component (or of at least one, when {@code all} is false) is on a net that meets
     * {@code target}: a board pin with a function, another selected pin, ground, a voltage.
     */
    record Connection(PinSelector pin, NetTarget target, boolean all) implements Expectation {
        @Override
        public String name() {
            return "connection " + pin + " → " + target;
        }

        @Override
        public String check(CircuitView v) {
            return onNets(v, name(), pin, target, all);
        }
    }

    /** The net of a selected pin has a rail voltage in {@code [min, max]}, as the validator infers it. */
    record NetVoltage(PinSelector pin, NetTarget target, boolean all) implements Expectation {
        @Override
        public String name() {
            return "netVoltage " + pin + " at " + target;
        }

        @Override
        public String check(CircuitView v) {
            List<PinSelector.Hit> hits = pin.find(v);
            if (hits.isEmpty()) {
                return name() + ": no component matches " + pin.selector();
            }
            List<String> why = new ArrayList<>();
            int ok = 0;
            for (PinSelector.Hit h : hits) {
                String problem = h.pins().isEmpty() ? v.component(h.component()).ref() + " has no pin " + pin.pin() : null;
                for (int p : h.pins()) {
                    int net = v.net(h.component(), p);
                    Double volts = v.voltage(net);
                    if (net < 0) {
                        problem = v.label(h.component(), p) + ": the pin is unconnected";
                    } else if (volts == null) {
                        problem = v.label(h.component(), p) + ": net " + v.netName(net) + " has no known rail voltage";
                    } else if (target.minVolts() != null && volts < target.minVolts()
                            || target.maxVolts() != null && volts > target.maxVolts()) {
                        problem = v.label(h.component(), p) + ": net " + v.netName(net) + " is at " + NetTarget.fmt(volts)
                                + " V";
                    } else {
                        problem = null;
                        break;
                    }
                }
                if (problem == null) {
                    ok++;
                } else {
                    why.add(problem);
                }
            }
            return (all ? why.isEmpty() : ok > 0) ? null : name() + ": " + String.join("; ", why);
        }
    }

    private static String onNets(CircuitView v, String name, PinSelector pin, NetTarget target, boolean all) {
        List<PinSelector.Hit> hits = pin.find(v);
        if (hits.isEmpty()) {
            return name + ": no component matches " + pin.selector();
        }
        List<String> why = new ArrayList<>();
        int ok = 0;
        for (PinSelector.Hit h : hits) {
            String ref = v.component(h.component()).ref();
            if (h.pins().isEmpty()) {
                why.add(ref + " has no pin " + pin.pin());
                continue;
            }
            List<String> problems = new ArrayList<>();
            for (int p : h.pins()) {
                String problem = target.check(v, v.net(h.component(), p), h.component(), p);
                if (problem == null) {
                    problems.clear();
                    break;
                }
                problems.add(v.label(h.component(), p) + ": " + problem);
            }
            if (problems.isEmpty()) {
                ok++;
            } else {
                why.add(String.join("; ", problems));
            }
        }
        boolean met = all ? why.isEmpty() : ok > 0;
        return met ? null : name + ": " + String.join("; ", why);
    }

    /**
     * Every selected component (an LED) sits in a chain from a net meeting {@code from} to a net meeting {@code to}
     * (when given) with a {@code through} component (a resistor) valued in {@code [min, max]} in series on either
     * side. {@code end} names the terminal that faces {@code from} ({@code A} for an LED when omitted; for other
     * two-terminal parts both ways round are tried). When {@code optional} is true a direct connection counts too
     * (a gate driven straight from a pin or through a small resistor).
     */
    record Series(Selector select, String end, Selector through, Double min, Double max, boolean optional,
                  NetTarget from, NetTarget to) implements Expectation {
        @Override
        public String name() {
            StringBuilder sb = new StringBuilder("series ").append(select);
            if (end != null) {
                sb.append(':').append(end);
            }
            sb.append(" from ").append(from);
            if (to != null) {
                sb.append(" to ").append(to);
            }
            sb.append(optional ? " through an optional " : " through ").append(through);
            if (min != null || max != null) {
                sb.append(' ').append(Measure.si(min == null ? 0 : min)).append("Ω–")
                        .append(max == null ? "∞" : Measure.si(max) + "Ω");
            }
            return sb.toString();
        }

        @Override
        public String check(CircuitView v) {
            List<Integer> selected = v.select(select);
            if (selected.isEmpty()) {
                return name() + ": no component matches " + select;
            }
            List<String> why = new ArrayList<>();
            for (int i : selected) {
                String problem = checkOne(v, i);
                if (problem != null) {
                    why.add(v.component(i).ref() + " " + problem);
                }
            }
            return why.isEmpty() ? null : name() + ": " + String.join("; ", why);
        }

        /** How a side of the chain reaches its target: directly, through one fitting component, or not at all. */
        private enum Reach { DIRECT, THROUGH, NONE }

        private String checkOne(CircuitView v, int i) {
            int pins = v.component(i).pins().size();
            List<int[]> orientations = new ArrayList<>(); // {pin facing from, pin facing to or -1}
            String facing = end != null ? end : new Selector("led").matches(v.component(i), v.part(i)) ? "A" : null;
            if (facing != null) {
                int e = v.pinIndex(i, facing);
                if (e < 0) {
                    return "has no pin " + facing;
                }
                orientations.add(new int[] {e, pins == 2 ? 1 - e : -1});
            } else if (pins == 2) {
                orientations.add(new int[] {0, 1});
                orientations.add(new int[] {1, 0});
            } else {
                return "has " + pins + " pins; say which faces the source with end";
            }
            List<String> seen = new ArrayList<>();
            for (int[] o : orientations) {
                Reach a = reach(v, i, v.net(i, o[0]), from, seen);
                Reach b = to == null ? Reach.DIRECT : o[1] < 0 ? Reach.NONE : reach(v, i, v.net(i, o[1]), to, seen);
                if (a == Reach.NONE || b == Reach.NONE) {
                    continue;
                }
                if (a == Reach.THROUGH || b == Reach.THROUGH || optional) {
                    return null;
                }
                seen.add("connected without a " + through);
            }
            return seen.isEmpty() ? "is not between " + from + (to == null ? "" : " and " + to)
                    : "does not fit (" + String.join("; ", seen.stream().distinct().limit(4).toList()) + ")";
        }

        private Reach reach(CircuitView v, int self, int net, NetTarget target, List<String> seen) {
            if (net < 0) {
                return Reach.NONE;
            }
            if (target.check(v, net, self, -1) == null) {
                return Reach.DIRECT;
            }
            for (CircuitView.TwoTerminal t : v.twoTerminals(through)) {
                int other = t.other(net);
                if (other < 0 || t.component() == self) {
                    continue;
                }
                String problem = target.check(v, other, self, -1);
                if (problem != null) {
                    seen.add(v.describe(t.component()) + ": " + problem);
                    continue;
                }
                Double val = v.value(t.component());
                if ((min != null || max != null)
                        && (val == null || min != null && val < min * (1 - 1e-9) || max != null && val > max * (1 + 1e-9))) {
                    seen.add(v.describe(t.component()) + " out of range");
                    continue;
                }
                return Reach.THROUGH;
            }
            return Reach.NONE;
        }
    }

    /**
     * At least {@code count} selected two-terminal components (a capacitor, a flyback diode) sit between a net
     * meeting {@code a} and a net meeting {@code b}, with a value in {@code [min, max]} when given; when
     * {@code aPin} is given, that terminal ({@code K}) is the one on the {@code a} side.
     */
    record Between(Selector select, NetTarget a, NetTarget b, String aPin, Double min, Double max, int count)
            implements Expectation {
        @Override
        public String name() {
            return "between " + select + (aPin == null ? "" : " (" + aPin + " on the first side)") + " from " + a
                    + " to " + b + (min != null || max != null ? " valued " + Measure.si(min == null ? 0 : min) + "–"
                    + (max == null ? "∞" : Measure.si(max)) : "") + (count > 1 ? " ×" + count : "");
        }

        @Override
        public String check(CircuitView v) {
            int found = 0;
            List<String> near = new ArrayList<>();
            for (int i : v.select(select)) {
                int pins = v.component(i).pins().size();
                boolean fits = false;
                for (int p = 0; p < pins && !fits; p++) {
                    if (aPin != null && p != v.pinIndex(i, aPin)) {
                        continue;
                    }
                    for (int q = 0; q < pins && !fits; q++) {
                        if (q == p) {
                            continue;
                        }
                        int na = v.net(i, p);
                        int nb = v.net(i, q);
                        if (a.check(v, na, i, -1) == null && b.check(v, nb, i, -1) == null) {
                            Double val = v.value(i);
                            if (min != null || max != null) {
                                if (val == null || min != null && val < min * (1 - 1e-9)
                                        || max != null && val > max * (1 + 1e-9)) {
                                    near.add(v.describe(i) + " out of range");
                                    continue;
                                }
                            }
                            fits = true;
                        }
                    }
                }
                if (fits) {
                    found++;
                }
            }
            if (found >= count) {
                return null;
            }
            return name() + ": found " + found + (near.isEmpty() ? "" : " (" + String.join(", ", near) + ")");
        }
    }

    /**
     * A quantity read from the circuit ({@link Measure}) lies in {@code [min, max]} for at least one instance.
     *
     * @param select for {@link Measure#VALUE}: the components whose values count; null otherwise
     */
    record Value(Measure measure, Selector select, double min, double max) implements Expectation {
        @Override
        public String name() {
            return "value " + measure.key() + (select == null ? "" : " of " + select) + " in " + NetTarget.fmt(min)
                    + "–" + NetTarget.fmt(max) + (measure.unit().isEmpty() ? "" : " " + measure.unit());
        }

        @Override
        public String check(CircuitView v) {
            List<Measure.Found> found = measure.find(v, select);
            for (Measure.Found f : found) {
                if (f.value() >= min && f.value() <= max) {
                    return null;
                }
            }
            if (found.isEmpty()) {
                return name() + ": no " + measure.key() + " found in the circuit";
            }
            return name() + ": found " + found.stream().limit(4)
                    .map(f -> NetTarget.fmt(f.value()) + (measure.unit().isEmpty() ? "" : " " + measure.unit())
                            + " (" + f.where() + ")").collect(Collectors.joining(", "));
        }
    }

    /** None of these rules reports anything, of any severity. */
    record AbsentFindings(List<String> rules) implements Expectation {
        public AbsentFindings {
            rules = List.copyOf(rules);
        }

        @Override
        public String name() {
            return "absentFindings " + String.join(", ", rules);
        }

        @Override
        public String check(CircuitView v) {
            List<String> fired = new ArrayList<>();
            for (String r : rules) {
                for (Finding f : v.report().of(r)) {
                    fired.add(r + " (" + f.message() + ")");
                    break;
                }
            }
            return fired.isEmpty() ? null : name() + ": fired " + String.join("; ", fired);
        }
    }

    /** Validation reports no error. */
    record NoErrors() implements Expectation {
        @Override
        public String name() {
            return "noErrors";
        }

        @Override
        public String check(CircuitView v) {
            if (v.report().passed()) {
                return null;
            }
            List<String> errors = v.report().findings().stream().filter(f -> f.severity() == Severity.ERROR)
                    .map(f -> f.rule() + " (" + f.message() + ")").toList();
            return name() + ": " + errors.size() + " error(s): " + errors.stream().limit(3)
                    .collect(Collectors.joining("; ")) + (errors.size() > 3 ? "; …" : "");
        }
    }
}
