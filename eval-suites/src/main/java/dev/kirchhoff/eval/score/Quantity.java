package dev.kirchhoff.eval.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with an optional unit as an answer writes it ({@code 4.7 kΩ}, {@code 10mA}, {@code -6 dB},
 * {@code 1.5e3 Hz}, {@code 2.2 µF}, {@code 4.7k}), converted once to the SI base unit. Immutable.
 *
 * <p>Prefixes: {@code p n u µ m k K M meg G T} and the words {@code pico nano micro milli kilo mega giga}.
 * Unlike SPICE, {@code M} is mega here ({@code 1 MΩ}), as people write it; {@code m} is milli. A prefix without a
 * unit scales the number ({@code 4.7k} is 4700, unit empty). Units: {@code V A W Ω F H Hz s S dB %} and their words
 * ({@code volts}, {@code ohms}, {@code kilohms}, ...). {@code dB} and {@code %} take no prefix and are compared as
 * plain numbers.
 *
 * @param value the magnitude in the SI base unit ({@code 4700} for {@code 4.7 kΩ})
 * @param unit  the base unit's canonical symbol ({@code Ω}, {@code Hz}), empty when none was written
 * @param text  the text it was read from
 */
public record Quantity(double value, String unit, String text) {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.])([-+\u2212]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d*)?|[-+\u2212]?\\.\\d+)"
                    + "(?:[eE]([-+]?\\d+))?"
                    + "(?:\\s*(?:x|\u00d7|\\*|\\\\times|\\\\cdot)\\s*10\\s*(?:\\^|\\*\\*)\\s*\\{?\\s*([-+\u2212]?\\d+)\\s*\\}?)?"
                    + "(?:\\s*([\\p{L}\u03a9\u00b5%]+))?");

    private static final Map<String, String> UNITS = new LinkedHashMap<>();
    private static final Map<String, Double> PREFIXES = new LinkedHashMap<>();

    static {
        unit("V", "V", "volt", "volts");
        unit("A", "A", "amp", "amps", "ampere", "amperes");
        unit("W", "W", "watt", "watts");
        unit("Ω", "Ω", "\u2126", "ohm", "ohms", "Ohm", "Ohms");
        unit("F", "F", "farad", "farads");
        unit("H", "H", "henry", "henries", "henrys");
        unit("Hz", "Hz", "hz", "hertz", "Hertz");
        unit("s", "s", "sec", "secs", "second", "seconds");
        unit("S", "S", "siemens");
        unit("dB", "dB", "db", "decibel", "decibels");
        unit("%", "%", "percent");
        // longer prefixes first, so "mega" is not read as "m" + "ega"
        PREFIXES.put("pico", 1e-12);
        PREFIXES.put("nano", 1e-9);
        PREFIXES.put("micro", 1e-6);
        PREFIXES.put("milli", 1e-3);
        PREFIXES.put("kilo", 1e3);
        PREFIXES.put("mega", 1e6);
        PREFIXES.put("giga", 1e9);
        PREFIXES.put("meg", 1e6);
        PREFIXES.put("Meg", 1e6);
        PREFIXES.put("MEG", 1e6);
        PREFIXES.put("p", 1e-12);
        PREFIXES.put("n", 1e-9);
        PREFIXES.put("u", 1e-6);
        PREFIXES.put("\u00b5", 1e-6);
        PREFIXES.put("\u03bc", 1e-6);
        PREFIXES.put("m", 1e-3);
        PREFIXES.put("k", 1e3);
        PREFIXES.put("K", 1e3);
        PREFIXES.put("M", 1e6);
        PREFIXES.put("G", 1e9);
        PREFIXES.put("T", 1e12);
    }

    private static void unit(String canonical, String... spellings) {
        for (String s : spellings) {
            UNITS.put(s, canonical);
        }
    }

    /** Whether a unit was written. */
    public boolean hasUnit() {
        return !unit.isEmpty();
    }

    /**
     * Reads a text that is one quantity and nothing else (a trailing full stop allowed).
     *
     * @return empty when the text is not exactly one number with an optional unit
     */
    public static Optional<Quantity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().replaceAll("[.;,!]+$", "").replace("$", "").strip();
        List<Quantity> all = findAll(t);
        if (all.size() == 1 && all.get(0).text().equals(t)) {
            return Optional.of(all.get(0));
        }
        return Optional.empty();
    }

    /** Every quantity in a text, in order. A word after a number that is no unit ({@code 5 resistors}) is left out. */
    public static List<Quantity> findAll(String text) {
        List<Quantity> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String mantissa = m.group(1).replace('\u2212', '-').replace(",", "").replace(" ", "");
            double v;
            try {
                v = Double.parseDouble(mantissa);
            } catch (NumberFormatException e) {
                continue;
            }
            if (m.group(2) != null) {
                v *= Math.pow(10, Integer.parseInt(m.group(2)));
            }
            if (m.group(3) != null) {
                v *= Math.pow(10, Integer.parseInt(m.group(3).replace('\u2212', '-')));
            }
            int end = m.end();
            String unit = "";
            if (m.group(4) != null) {
                Optional<Scaled> scaled = interpret(m.group(4));
                if (scaled.isPresent()) {
                    v *= scaled.get().factor();
                    unit = scaled.get().unit();
                } else {
                    end = m.start(4);
                }
            }
            out.add(new Quantity(v, unit, text.substring(m.start(), end).strip()));
        }
        return out;
    }

    private record Scaled(double factor, String unit) {
    }

    /** A unit word with its optional prefix: {@code kΩ} is (1e3, Ω), {@code k} is (1e3, ""), {@code V} is (1, V). */
    private static Optional<Scaled> interpret(String token) {
        String t = token.replace("kilohm", "kiloohm").replace("megohm", "megaohm");
        if (UNITS.containsKey(t)) {
            return Optional.of(new Scaled(1, UNITS.get(t)));
        }
        // "Volts", "OHMS": whole unit words in any case (never "MHz" as "mhz", which would read as milli)
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.length() >= 3 && UNITS.containsKey(lower) && !lower.equals("mhz")) {
            return Optional.of(new Scaled(1, UNITS.get(lower)));
        }
        for (Map.Entry<String, Double> p : PREFIXES.entrySet()) {
            if (t.startsWith(p.getKey())) {
                String rest = t.substring(p.getKey().length());
                if (rest.isEmpty()) {
                    return Optional.of(new Scaled(p.getValue(), ""));
                }
                String u = UNITS.get(rest);
                if (u != null && !u.equals("dB") && !u.equals("%")) {
                    return Optional.of(new Scaled(p.getValue(), u));
                }
            }
        }
        return Optional.empty();
    }

    /** The value with its unit, for details ({@code 4700 Ω}). */
    public String describe() {
        String v = String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+(e|$)", "$1");
        return unit.isEmpty() ? v : v + " " + unit;
    }
}
