package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Supply;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives the numbers of one prompt their meaning from the words around them: a voltage after "from" or before
 * "battery" is the input, after "to" or before "output" the output, after "reference" or "above" a threshold; a
 * frequency near "cutoff" (or in a filter) is a cut-off; a percentage near "duty" a duty cycle; "every 10 s" a
 * frequency. Voltages the words leave open are settled by the building block (a regulator's larger voltage is its
 * input). One instance per prompt; not thread-safe.
 */
final class ValueMeanings {

    static final Set<String> THRESHOLD_CUES = Set.of("threshold", "trip", "trips", "tripping", "reference", "ref",
            "vref", "above", "below", "exceeds", "exceed", "crosses", "cross", "crossing", "passes", "pass",
            "passing", "reaches", "reach", "than", "compare", "compares", "comparing", "against", "setpoint");
    static final Set<String> OUTPUT_CUES = Set.of("output", "out", "to", "into", "produce", "produces",
            "gives", "give", "get", "regulate", "regulated", "regulates", "target", "down", "provide", "provides",
            "deliver", "delivers", "generate", "generates", "outputs", "make", "makes", "giving", "yielding",
            "providing", "supplying");
    static final Set<String> INPUT_CUES = Set.of("from", "supply", "supplied", "input", "in", "battery",
            "adapter", "powered", "source", "on", "by", "using", "with", "runs", "run", "cell", "rail", "rails",
            "vin", "vcc", "bench", "psu", "mains", "wall", "dc", "ac", "off");
    static final Set<String> INPUT_NEXT = Set.of("battery", "batteries", "supply", "adapter", "input",
            "source", "cell", "wall", "bench", "lab", "psu", "dc", "ac", "mains", "in", "power", "lipo", "li");
    static final Set<String> OUTPUT_NEXT = Set.of("output", "out", "outputs", "rail", "result");
    static final Set<RecipeKind> STEP_DOWN = EnumSet.of(RecipeKind.VOLTAGE_DIVIDER, RecipeKind.LINEAR_REGULATOR,
            RecipeKind.ZENER_REGULATOR, RecipeKind.BUCK_CONVERTER);
    static final Set<String> RESOLUTION_NEXT = Set.of("video", "videos", "camera", "cameras", "display", "screen",
            "tv", "monitor", "resolution", "stream", "streaming", "recording", "footage", "image", "images");
    static final Set<String> CUTOFF_CUES = Set.of("cutoff", "cut", "corner", "break", "3db", "knee");
    static final Set<RecipeKind> FILTERS = EnumSet.of(RecipeKind.RC_LOW_PASS, RecipeKind.RC_HIGH_PASS,
            RecipeKind.RL_LOW_PASS, RecipeKind.RL_HIGH_PASS);
    static final Set<RecipeKind> CONVERTERS = EnumSet.of(RecipeKind.LINEAR_REGULATOR,
            RecipeKind.BUCK_CONVERTER, RecipeKind.VOLTAGE_DIVIDER, RecipeKind.REGULATED_DC_SUPPLY,
            RecipeKind.ZENER_REGULATOR);

    private final List<Token> tokens;
    private final int n;
    private final boolean[] valueToken;
    private final boolean[] partToken;
    private final String[] ownerId;
    private final String flat;
    private final List<String> notes;

    /**
     * @param valueToken tokens that are part of a number with its unit
     * @param partToken  tokens of a requested part's phrase
     * @param ownerId    the part id each token was linked to, or null
     * @param flat       the prompt as one lower-case line
     * @param notes      where to say what was left out
     */
    ValueMeanings(List<Token> tokens, boolean[] valueToken, boolean[] partToken, String[] ownerId, String flat,
                  List<String> notes) {
        this.tokens = tokens;
        this.n = tokens.size();
        this.valueToken = valueToken;
        this.partToken = partToken;
        this.ownerId = ownerId;
        this.flat = flat;
        this.notes = notes;
    }

    /** The values in SI units with their meaning, in the order the prompt gives them. */
    List<DesignValue> meanings(List<ValueReader.Reading> readings, RecipeKind recipe, Supply supply,
                               boolean boardNamed) {
        List<DesignValue> out = new ArrayList<>();
        List<ValueReader.Reading> defaults = new ArrayList<>();
        for (ValueReader.Reading r : readings) {
            boolean inPart = false;
            for (int k = r.from(); k < r.to(); k++) {
                inPart |= partToken[k];
            }
            switch (r.kind()) {
                case "GAIN" -> out.add(new DesignValue(Quantity.GAIN, r.value(), r.phrase()));
                case "DB" -> {
                    if (!near(r, 2, 2, Set.of("point", "cutoff", "down", "corner", "attenuation"))) {
                        out.add(new DesignValue(Quantity.GAIN, Math.pow(10, r.value() / 20), r.phrase()));
                    }
                }
                case "AMP" -> {
                    if (!inPart) {
                        out.add(new DesignValue(Quantity.CURRENT, r.value(), r.phrase()));
                    }
                }
                case "HZ" -> {
                    if (!inPart) {
                        boolean cutoff = near(r, 4, 0, CUTOFF_CUES) || recipe != null && FILTERS.contains(recipe)
                                && !near(r, 3, 0, Set.of("signal", "input", "sine", "noise"));
                        out.add(new DesignValue(cutoff ? Quantity.CUTOFF : Quantity.FREQUENCY, r.value(),
                                r.phrase()));
                    }
                }
                case "OHM" -> {
                    // "4K video", "8K display": a resolution, not 4 kilohms
                    boolean resolution = r.to() < n && RESOLUTION_NEXT.contains(tokens.get(r.to()).text());
                    if (!inPart && !resolution) {
                        out.add(new DesignValue(Quantity.RESISTANCE, r.value(), r.phrase()));
                    }
                }
                case "FARAD" -> {
                    if (!inPart) {
                        out.add(new DesignValue(Quantity.CAPACITANCE, r.value(), r.phrase()));
                    }
                }
                case "HENRY" -> {
                    if (!inPart) {
                        out.add(new DesignValue(Quantity.INDUCTANCE, r.value(), r.phrase()));
                    }
                }
                case "SECOND" -> {
                    if (!inPart && !near(r, 0, 1, Set.of("lipo", "li", "lithium", "battery", "pack", "cell",
                            "cells", "18650"))) {
                        if (near(r, 1, 0, Set.of("every")) && r.value() > 0) {
                            if (boardNamed) {
                                notes.add("\"every " + r.phrase() + "\" is left to the firmware");
                            } else {
                                out.add(new DesignValue(Quantity.FREQUENCY, 1 / r.value(), r.phrase()));
                            }
                        } else {
                            out.add(new DesignValue(Quantity.DURATION, r.value(), r.phrase()));
                        }
                    }
                }
                case "PERCENT" -> {
                    if (near(r, 3, 2, Set.of("duty", "cycle")) || recipe == RecipeKind.ASTABLE_555) {
                        out.add(new DesignValue(Quantity.DUTY_CYCLE, r.value(), r.phrase()));
                    }
                }
                case "WATT" -> {
                    if (!inPart) {
                        out.add(new DesignValue(Quantity.POWER, r.value(), r.phrase()));
                    }
                }
                case "VOLT" -> {
                    Quantity q = voltage(r);
                    if (q == null) {
                        defaults.add(r);
                    } else {
                        out.add(new DesignValue(q, r.value(), phraseWithCue(r, q)));
                    }
                }
                default -> {
                }
            }
        }
        resolveVoltages(defaults, out, recipe, supply);
        if (recipe != null && STEP_DOWN.contains(recipe)) {
            stepDown(out, recipe);
        }
        out.sort((a, b) -> Integer.compare(position(a), position(b)));
        return out;
    }

    private int position(DesignValue v) {
        int at = flat.indexOf(" " + v.phrase().toLowerCase(Locale.ROOT).split(" ")[0]);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /**
     * A divider, a linear or zener regulator and a buck converter only bring a voltage down: when the words made the
     * input the smaller one ("scale a 0-10 V output down to 0-3.3 V"), the two swap; a voltage measured through an
     * ADC ("read a 24 V rail with the ADC") is the divider's input.
     */
    private void stepDown(List<DesignValue> out, RecipeKind recipe) {
        List<DesignValue> ins = out.stream().filter(v -> v.quantity() == Quantity.INPUT_VOLTAGE).toList();
        List<DesignValue> outs = out.stream().filter(v -> v.quantity() == Quantity.OUTPUT_VOLTAGE).toList();
        if (ins.size() == 1 && outs.size() == 1 && ins.get(0).value() < outs.get(0).value()) {
            DesignValue in = ins.get(0);
            DesignValue o = outs.get(0);
            out.set(out.indexOf(in), new DesignValue(Quantity.OUTPUT_VOLTAGE, in.value(), in.phrase()));
            out.set(out.indexOf(o), new DesignValue(Quantity.INPUT_VOLTAGE, o.value(), o.phrase()));
        } else if (recipe == RecipeKind.VOLTAGE_DIVIDER && ins.isEmpty() && outs.size() == 1
                && flat.contains(" adc ")) {
            DesignValue o = outs.get(0);
            out.set(out.indexOf(o), new DesignValue(Quantity.INPUT_VOLTAGE, o.value(), o.phrase()));
        }
    }

    private void resolveVoltages(List<ValueReader.Reading> defaults, List<DesignValue> out, RecipeKind recipe,
                                 Supply supply) {
        if (recipe != null && CONVERTERS.contains(recipe)
                && out.stream().noneMatch(v -> v.quantity() == Quantity.INPUT_VOLTAGE)) {
            // "step down 12 V to 5 V": both read as outputs; a converter's largest voltage is its input
            List<DesignValue> outs = out.stream().filter(v -> v.quantity() == Quantity.OUTPUT_VOLTAGE).toList();
            if (outs.size() + defaults.size() >= 2 && outs.size() >= 2) {
                DesignValue max = outs.stream().max((a, b) -> Double.compare(a.value(), b.value())).get();
                out.set(out.indexOf(max), new DesignValue(Quantity.INPUT_VOLTAGE, max.value(), max.phrase()));
            }
        }
        if (defaults.isEmpty()) {
            return;
        }
        boolean hasIn = out.stream().anyMatch(v -> v.quantity() == Quantity.INPUT_VOLTAGE);
        boolean hasOut = out.stream().anyMatch(v -> v.quantity() == Quantity.OUTPUT_VOLTAGE);
        if (recipe != null && CONVERTERS.contains(recipe)) {
            if (hasOut) {
                defaults.forEach(r -> out.add(new DesignValue(Quantity.INPUT_VOLTAGE, r.value(), r.phrase())));
            } else if (hasIn || defaults.size() == 1) {
                defaults.forEach(r -> out.add(new DesignValue(Quantity.OUTPUT_VOLTAGE, r.value(), r.phrase())));
            } else {
                double max = defaults.stream().mapToDouble(ValueReader.Reading::value).max().orElse(0);
                for (ValueReader.Reading r : defaults) {
                    out.add(new DesignValue(r.value() == max ? Quantity.INPUT_VOLTAGE : Quantity.OUTPUT_VOLTAGE,
                            r.value(), r.phrase()));
                }
            }
        } else if (recipe == RecipeKind.COMPARATOR) {
            defaults.forEach(r -> out.add(new DesignValue(Quantity.THRESHOLD_VOLTAGE, r.value(), r.phrase())));
        } else {
            defaults.forEach(r -> out.add(new DesignValue(Quantity.INPUT_VOLTAGE, r.value(), r.phrase())));
        }
    }

    /** The meaning the words around a voltage give it, or null when they say nothing. */
    private Quantity voltage(ValueReader.Reading r) {
        if (r.from() > 0 && tokens.get(r.from() - 1).text().equals("±") || r.value() >= 90) {
            return Quantity.INPUT_VOLTAGE;
        }
        if (Pattern.compile("^ ?(regulated |dc )?(power )?supply (from|out of|using)\\b")
                .matcher(flattenFrom(r.to())).find()) {
            return Quantity.OUTPUT_VOLTAGE;
        }
        for (int k = r.to(); k < Math.min(n, r.to() + 2); k++) {
            String w = tokens.get(k).text();
            if (OUTPUT_NEXT.contains(w)) {
                return Quantity.OUTPUT_VOLTAGE;
            }
            if (INPUT_NEXT.contains(w)) {
                return Quantity.INPUT_VOLTAGE;
            }
            if (w.equals("reference") || w.equals("threshold")) {
                return Quantity.THRESHOLD_VOLTAGE;
            }
            if (!tokens.get(k).isWord() || k > r.to() && ownerId[k] != null) {
                break;
            }
        }
        for (int k = r.from() - 1; k >= Math.max(0, r.from() - 3); k--) {
            String w = tokens.get(k).text();
            if (w.equals(".") || w.equals(",")) {
                break;
            }
            if (THRESHOLD_CUES.contains(w)) {
                return Quantity.THRESHOLD_VOLTAGE;
            }
            if (valueToken[k] || ownerId[k] != null && !INPUT_CUES.contains(w)) {
                break;
            }
            if ((w.equals("to") || w.equals("into") || w.equals("down")) && k < r.from() - 1) {
                continue;
            }
            if (OUTPUT_CUES.contains(w)) {
                return Quantity.OUTPUT_VOLTAGE;
            }
            if (INPUT_CUES.contains(w) || w.startsWith("power")) {
                return Quantity.INPUT_VOLTAGE;
            }
            if (w.equals("single")) {
                return Quantity.INPUT_VOLTAGE;
            }
        }
        return null;
    }

    private String phraseWithCue(ValueReader.Reading r, Quantity q) {
        if (r.to() < n && (OUTPUT_NEXT.contains(tokens.get(r.to()).text())
                || INPUT_NEXT.contains(tokens.get(r.to()).text()))) {
            return ValueReader.phrase(tokens, r.from(), r.to() + 1);
        }
        return r.phrase();
    }

    static boolean isSupplyValue(DesignValue v, double volts) {
        return v.quantity() == Quantity.INPUT_VOLTAGE && v.value() == volts;
    }

    /** True when the words say a voltage is what the design runs from ("from 12 V", "12 V input"). */
    boolean explicitInput(DesignValue v) {
        return v.phrase().matches(".*\\b(supply|input|battery|adapter|in|source|rail|dc|ac)\\b.*")
                || flat.matches(".*\\b(from|off|powered by|powered from|runs on|run from|supplied by|supplied from)"
                + " (a |an |the )?" + Pattern.quote(v.phrase().toLowerCase(Locale.ROOT).split(" ")[0]) + ".*");
    }

    private boolean near(ValueReader.Reading r, int before, int after, Set<String> words) {
        for (int k = Math.max(0, r.from() - before); k < Math.min(n, r.to() + after); k++) {
            if (words.contains(tokens.get(k).text())) {
                return true;
            }
        }
        return false;
    }

    /** A few words of the prompt from token {@code from}, separated by single spaces. */
    private String flattenFrom(int from) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < Math.min(n, from + 5); k++) {
            sb.append(' ').append(tokens.get(k).text());
        }
        return sb.toString();
    }
}
