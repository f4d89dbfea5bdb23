package dev.kirchhoff.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the curated pins against the two outside sources that describe the same parts: the KiCad symbol
 * libraries (the KiCad tier) and the Wokwi elements (the schematic module's {@code wokwi-pins.txt}). Every difference
 * either is a data error and fails, or is listed below with the reason it is right.
 */
class PinCrossCheckTest {

    /** A difference the data has on purpose: why, and which curated pins it concerns (empty: the pin count only). */
    private record Accepted(String reason, Set<String> pins) {
        static Accepted of(String reason, String... pins) {
            return new Accepted(reason, new TreeSet<>(List.of(pins)));
        }
    }

    /** Curated pins that map to no KiCad pin, or pin counts that differ from the symbol's. */
    private static final Map<String, Accepted> ACCEPTED_KICAD_PINS = Map.of(
            "arduino-leonardo", Accepted.of("KiCad's Arduino_Leonardo symbol has the Uno-shaped headers only (32 pins); "
                    + "D14 (MISO), D15 (SCK), D16 (MOSI) and the second RESET exist only on the 6-pin ICSP header, "
                    + "which the symbol leaves out", "D14", "D15", "D16", "RESET2"),
            "ams1117-3-3", Accepted.of("the SOT-223 tab is a separate pin 4 in our data; KiCad's symbol merges it with "
                    + "VO (pin 2) and its footprint SOT-223-3_TabPin2 puts the tab on pad 2"),
            "tmp36", Accepted.of("KiCad has only the SOIC-8 symbol TMP36xS (VOUT 1, GND 4, SHUTDOWN 5, +Vs 8); our "
                    + "part is the 3-pin TO-92 TMP36GT9, which has no SHUTDOWN pin"));

    /**
     * Part pins that share one KiCad pin on purpose (keyed by the pins' numbers: all pins of each shared KiCad pin). They
     * must share a name (one net on the board) and {@code sources.exports} says so; any other sharing fails.
     */
    private static final Map<String, Accepted> ACCEPTED_KICAD_JOINS = Map.of(
            "ams1117-3-3", Accepted.of("the SOT-223 tab (our pin 4) is VOUT, which KiCad's symbol draws once (pin 2)",
                    "2", "4"),
            "arduino-leonardo", Accepted.of("the ICSP header's 5V and GND are the board's 5V and GND nets, and "
                    + "Arduino_Leonardo has no ICSP header: ICSP.2 shares the 5V pin, ICSP.6 the digital-header GND",
                    "5V", "ICSP.2", "GND.1", "ICSP.6"),
            "arduino-mega-2560", Accepted.of("86 header pins exceed the largest generic header symbol (Conn_02x40, 80 "
                    + "pins): the five GND pins share one position and the three 5V pins another",
                    "GND.1", "GND.2", "GND.3", "GND.4", "GND.5", "5V", "5V.1", "5V.2"));

    /** Part pins that share one Wokwi pin on purpose, as {@link #ACCEPTED_KICAD_JOINS}. */
    private static final Map<String, Accepted> ACCEPTED_WOKWI_JOINS = Map.of(
            "ds1307-module", Accepted.of("the second header P2 repeats VCC and GND, the same nets as P1's; "
                    + "wokwi-ds1307 has one 5V and one GND pin", "5", "11", "6", "12"));

    /** Curated pin names that differ from KiCad's after normalisation, where the numbers agree. */
    private static final Map<String, Accepted> ACCEPTED_KICAD_NAMES = Map.of(
            "28byj-48", Accepted.of("KiCad's 5-wire unipolar stepper draws the joined centre taps as pin 3 named '-'; "
                    + "on the 28BYJ-48 that is the red common wire, fed with +5 V", "RED"),
            "seven-segment-1-digit", Accepted.of("KiCad's LTS-6980HR names both common-cathode pins 'C.K.'; ours are "
                    + "COM1/COM2 (aliases COM, CC)", "COM1", "COM2"),
            "seven-segment-4-digit", Accepted.of("KiCad's CC56-12EWA names the decimal-point segment 'DPX'; ours DP "
                    + "(the Wokwi name)", "DP"),
            "push-button", Accepted.of("KiCad's SW_MEC_5G names the two internally joined pairs A (pins 1, 2) and B "
                    + "(pins 3, 4); ours are named by number with aliases A1/A2 and B1/B2 for the same pairs",
                    "1", "2", "3", "4"),
            "slide-switch", Accepted.of("KiCad's SW_SPDT letters its pins A, B (the common, pin 2), C; ours are A, COM, "
                    + "B with the same numbers, the middle pin common", "COM", "B"),
            "rgb-led", Accepted.of("KiCad's LED_RGBK names the anodes RA, GA, BA; ours R, G, B (numbers mapped through "
                    + "exports.kicad.pins)", "R", "G", "B"),
            "transformer-230v-12v", Accepted.of("KiCad's Transformer_1P_1S names the winding ends AA/AB (primary) and "
                    + "SA/SB (secondary); ours PRI1/PRI2 and SEC1/SEC2", "PRI1", "PRI2", "SEC1", "SEC2"),
            "ir-receiver-vs1838b", Accepted.of("the KiCad stand-in TSOP382xx calls the supply 'Vs'; the VS1838B "
                    + "module's silkscreen says VCC", "VCC"),
            "led-bar-graph-10", Accepted.of("KiCad's HDSP-4830 names every anode A and every cathode K; ours number "
                    + "them per segment (A1-A10, C1-C10, as Wokwi's bar graph does) on the same pins",
                    "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10",
                    "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"));

    /** Curated pins with no pin on the part's Wokwi element. */
    private static final Map<String, Accepted> ACCEPTED_WOKWI = Map.of(
            "hx711-module", Accepted.of("wokwi-hx711 simulates the load cell inside the element, so the load-cell "
                    + "header (E+, E-, A-, A+, B-, B+) has no Wokwi pin", "E+", "E-", "A-", "A+", "B-", "B+"),
            "ili9341-spi-tft", Accepted.of("wokwi-ili9341 models the display only; the touch controller (T_*) and "
                    + "SD-card (SD_*) pins of the red module have no Wokwi pin",
                    "T_CLK", "T_CS", "T_DIN", "T_DO", "T_IRQ", "SD_CS", "SD_MOSI", "SD_MISO", "SD_SCK"),
            "ds1307-module", Accepted.of("wokwi-ds1307 has GND, 5V, SDA, SCL and SQW only: the DS18B20 pin (DS), the "
                    + "battery pin (BAT) and the second header P2 have no Wokwi pin",
                    "DS", "BAT", "DS.2", "SCL.2", "SDA.2"),
            "arduino-uno-r3", Accepted.of("the unlabelled, unconnected pin of the R3 power header is not drawn on "
                    + "wokwi-arduino-uno", "NC"),
            "arduino-mega-2560", Accepted.of("the unlabelled, unconnected pin of the R3 power header is not drawn on "
                    + "wokwi-arduino-mega", "NC"));

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final Map<String, Part> KICAD = KicadTier.bundled().parts().stream()
            .collect(Collectors.toMap(Part::id, Function.identity()));
    private static final Map<String, List<String>> WOKWI = wokwiPins();

    private static final Map<String, String> SUMMARY = new LinkedHashMap<>();

    @AfterAll
    static void printSummary() {
        System.out.println("Pin cross-check:");
        SUMMARY.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    @Test
    void curatedPinsMapToPinsOfTheirKicadChipSymbol() {
        List<Part> checked = kicadChecked();
        Map<String, List<String>> differences = new TreeMap<>();
        Map<String, Set<String>> differingPins = new TreeMap<>();
        Map<String, Set<String>> joins = new TreeMap<>();
        int unmapped = 0;
        for (Part part : checked) {
            Exports.Kicad kicad = part.exports().kicad();
            Part symbol = KICAD.get(kicad.symbol());
            assertThat(symbol).as("KiCad symbol %s of %s", kicad.symbol(), part.id()).isNotNull();
            Set<String> numbers = symbol.pins().stream().map(PartPin::number)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, List<PartPin>> byTarget = new LinkedHashMap<>();
            for (PartPin pin : part.pins()) {
                String n = kicadNumber(part, pin);
                if (!numbers.contains(n)) {
                    differences.computeIfAbsent(part.id(), k -> new ArrayList<>()).add("pin " + pin.label()
                            + " maps to " + n + ", which " + kicad.symbol() + " does not have");
                    differingPins.computeIfAbsent(part.id(), k -> new TreeSet<>()).add(pin.name());
                    continue;
                }
                byTarget.computeIfAbsent(n, k -> new ArrayList<>()).add(pin);
            }
            joins(part, byTarget, "KiCad pin", joins);
            if (part.pins().size() != numbers.size()) {
                differences.computeIfAbsent(part.id(), k -> new ArrayList<>()).add(part.pins().size()
                        + " pins, " + kicad.symbol() + " has " + numbers.size());
            }
            // one-to-one: every KiCad pin has its own curated pin (GND.1, GND.2 ... keyed by number)
            for (PartPin kp : symbol.pins()) {
                if (byTarget.containsKey(kp.number())) {
                    continue;
                }
                unmapped++;
                if (!ACCEPTED_KICAD_PINS.containsKey(part.id())) {
                    differences.computeIfAbsent(part.id(), k -> new ArrayList<>()).add("KiCad pin " + kp.number()
                            + " " + kp.name() + " of " + kicad.symbol() + " has no curated pin");
                }
            }
        }
        Map<String, List<String>> unexplained = unexplained(differences, differingPins, ACCEPTED_KICAD_PINS);
        assertThat(unexplained).as("curated pins that do not fit their KiCad symbol").isEmpty();
        assertThat(unexplainedJoins(joins, checked, ACCEPTED_KICAD_JOINS)).as("curated pins sharing a KiCad pin").isEmpty();
        SUMMARY.put("KiCad pins", checked.size() + " parts checked one-to-one against their whole-part symbol, "
                + ACCEPTED_KICAD_PINS.size() + " accepted differences " + ACCEPTED_KICAD_PINS.keySet().stream()
                .sorted().toList() + ", " + unmapped + " KiCad pins of accepted parts without a curated pin, joined "
                + "pins " + joins);
    }

    /**
     * Every curated part exported as a {@code Connector_Generic} header (boards, and modules counting all their headers)
     * puts each pin on a position of its own and fills every position of the symbol. A pin without an
     * {@code exports.kicad.pins} entry sits at its own number, so a module numbered 1..n on a {@code Conn_01xn} needs
     * no map; a board's pins (silkscreen labels) need one.
     */
    @Test
    void partsExportedAsHeadersPutEveryPinOnItsOwnHeaderPosition() {
        List<Part> headers = KB.parts().stream()
                .filter(p -> p.exports() != null && p.exports().kicad() != null)
                .filter(p -> p.exports().kicad().symbol().startsWith("Connector_Generic:"))
                .filter(p -> p.pins().size() > 1)
                .toList();
        assertThat(headers.stream().filter(p -> p.form() == Form.BOARD)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(headers).hasSizeGreaterThan(60);
        Map<String, Set<String>> joins = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        int pins = 0;
        int mapped = 0;
        for (Part part : headers) {
            Exports.Kicad kicad = part.exports().kicad();
            Part symbol = KICAD.get(kicad.symbol());
            assertThat(symbol).as("KiCad symbol %s of %s", kicad.symbol(), part.id()).isNotNull();
            Set<String> positions = symbol.pins().stream().map(PartPin::number)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, String> map = resolved(part, kicad.pins());
            Map<String, List<PartPin>> byTarget = new LinkedHashMap<>();
            for (PartPin pin : part.pins()) {
                String n = kicadNumber(part, pin);
                if (!positions.contains(n)) {
                    faults.add(part.id() + ": pin " + pin.label() + (map.containsKey(pin.number())
                            ? " maps to " + n + ", which " + kicad.symbol() + " does not have"
                            : " has no exports.kicad.pins entry and its number is no position of " + kicad.symbol()));
                } else {
                    byTarget.computeIfAbsent(n, k -> new ArrayList<>()).add(pin);
                    pins++;
                    if (map.containsKey(pin.number())) {
                        mapped++;
                    }
                }
            }
            joins(part, byTarget, "header position", joins);
            for (String n : positions) {
                if (!byTarget.containsKey(n)) {
                    faults.add(part.id() + ": position " + n + " of " + kicad.symbol() + " has no pin");
                }
            }
        }
        assertThat(faults).as("header pins without their own header position").isEmpty();
        assertThat(unexplainedJoins(joins, headers, ACCEPTED_KICAD_JOINS)).as("header pins sharing a header position")
                .isEmpty();
        SUMMARY.put("KiCad headers", headers.size() + " parts (" + headers.stream().filter(p -> p.form() == Form.BOARD)
                .count() + " boards), " + pins + " pins on Connector_Generic positions (" + mapped + " through "
                + "exports.kicad.pins, " + (pins - mapped) + " at their own number), joined pins " + joins);
    }

    /** Records the pins that share a target (which must share a name) under the part's id. */
    private static void joins(Part part, Map<String, List<PartPin>> byTarget, String what,
                              Map<String, Set<String>> joins) {
        byTarget.forEach((target, on) -> {
            if (on.size() < 2) {
                return;
            }
            // two differently named pins on one KiCad pin would short them in an exported schematic
            Set<String> names = on.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            assertThat(names).as("%s: pins %s share %s %s", part.id(), on, what, target).hasSize(1);
            on.forEach(p -> joins.computeIfAbsent(part.id(), k -> new TreeSet<>()).add(p.number()));
        });
    }

    /** Joins that are not accepted, and accepted joins among the checked parts that no longer happen. */
    private static Map<String, String> unexplainedJoins(Map<String, Set<String>> joins, List<Part> checked,
                                                        Map<String, Accepted> accepted) {
        Map<String, String> out = new TreeMap<>();
        joins.forEach((id, pins) -> {
            Accepted a = accepted.get(id);
            if (a == null || !a.pins().equals(pins)) {
                out.put(id, "pins " + pins + " share a target pin; key them by number to pins of their own");
            }
        });
        checked.stream().map(Part::id).filter(accepted::containsKey).filter(id -> !joins.containsKey(id))
                .forEach(id -> out.put(id, "accepted join but no pins share a target pin: drop the entry"));
        return out;
    }

    @Test
    void curatedPinNamesAgreeWithKicadNamesWhereNumbersMatch() {
        List<Part> checked = kicadChecked();
        Map<String, List<String>> differences = new TreeMap<>();
        Map<String, Set<String>> differingPins = new TreeMap<>();
        int compared = 0;
        for (Part part : checked) {
            Part symbol = KICAD.get(part.exports().kicad().symbol());
            for (PartPin pin : part.pins()) {
                String n = kicadNumber(part, pin);
                List<PartPin> there = symbol.pins().stream().filter(p -> p.number().equals(n)).toList();
                Set<String> ours = ourNames(part, pin);
                boolean anyNamed = false;
                boolean match = false;
                for (PartPin kp : there) {
                    String raw = stripMarkup(kp.name()).strip();
                    if (raw.equals("+") || raw.equals("-")) {
                        // KiCad's op-amp inputs, servo and motor terminals: the sign must agree
                        anyNamed = true;
                        match |= endsWithSign(pin, part, raw);
                        continue;
                    }
                    Set<String> theirs = kicadNames(raw, n);
                    if (theirs.isEmpty()) {
                        continue;   // unnamed in KiCad (Device:R), nothing to compare
                    }
                    anyNamed = true;
                    match |= theirs.stream().anyMatch(ours::contains);
                }
                if (!there.isEmpty() && anyNamed) {
                    compared++;
                    if (!match) {
                        differences.computeIfAbsent(part.id(), k -> new ArrayList<>()).add("pin " + pin.label()
                                + " is " + there.stream().map(PartPin::name).toList() + " in "
                                + part.exports().kicad().symbol());
                        differingPins.computeIfAbsent(part.id(), k -> new TreeSet<>()).add(pin.name());
                    }
                }
            }
        }
        Map<String, List<String>> unexplained = unexplained(differences, differingPins, ACCEPTED_KICAD_NAMES);
        assertThat(unexplained).as("curated pin names that differ from KiCad's").isEmpty();
        assertThat(compared).as("pins whose names were compared").isGreaterThan(500);
        SUMMARY.put("KiCad names", compared + " pin names compared, " + ACCEPTED_KICAD_NAMES.size()
                + " parts with accepted naming differences " + ACCEPTED_KICAD_NAMES.keySet().stream().sorted().toList());
    }

    @Test
    void curatedPinsExistOnTheirWokwiElement() {
        List<Part> checked = KB.parts().stream()
                .filter(p -> p.exports() != null && p.exports().wokwi() != null).toList();
        assertThat(checked).hasSizeGreaterThan(30);
        Map<String, List<String>> differences = new TreeMap<>();
        Map<String, Set<String>> differingPins = new TreeMap<>();
        List<String> counts = new ArrayList<>();
        Map<String, Set<String>> joins = new TreeMap<>();
        for (Part part : checked) {
            Exports.Wokwi wokwi = part.exports().wokwi();
            List<String> element = elementPins(wokwi);
            assertThat(element).as("Wokwi element %s %s of %s", wokwi.type(), wokwi.attrs(), part.id()).isNotNull();
            Map<String, List<PartPin>> byTarget = new LinkedHashMap<>();
            for (PartPin pin : part.pins()) {
                String w = wokwiPin(part, pin);
                if (!element.contains(w)) {
                    differences.computeIfAbsent(part.id(), k -> new ArrayList<>()).add("pin " + pin.label() + " -> "
                            + w + " is not a pin of " + wokwi.type() + " " + element);
                    differingPins.computeIfAbsent(part.id(), k -> new TreeSet<>()).add(pin.name());
                    continue;
                }
                byTarget.computeIfAbsent(w, k -> new ArrayList<>()).add(pin);
            }
            // one-to-one: GND.1, GND.2 ... each on its own Wokwi pin
            joins(part, byTarget, "Wokwi pin", joins);
            counts.add(part.id() + " " + byTarget.size() + "/" + element.size());
        }
        Map<String, List<String>> unexplained = unexplained(differences, differingPins, ACCEPTED_WOKWI);
        assertThat(unexplained).as("curated pins with no pin on their Wokwi element").isEmpty();
        assertThat(unexplainedJoins(joins, checked, ACCEPTED_WOKWI_JOINS)).as("curated pins sharing a Wokwi pin")
                .isEmpty();
        SUMMARY.put("Wokwi", checked.size() + " parts checked one-to-one, " + ACCEPTED_WOKWI.size()
                + " accepted differences " + ACCEPTED_WOKWI.keySet().stream().sorted().toList() + ", joined pins "
                + joins);
        SUMMARY.put("Wokwi element pins reached (mapped/element)", String.join(", ", counts));
    }

    @Test
    void theWokwiTableSelectsVariantsByAttribute() {
        assertThat(elementPins(new Exports.Wokwi("wokwi-lcd1602", Map.of("pins", "i2c"), null)))
                .containsExactly("GND", "VCC", "SDA", "SCL");
        assertThat(elementPins(new Exports.Wokwi("wokwi-lcd1602", Map.of(), null))).hasSize(16).contains("RS", "E");
        assertThat(elementPins(new Exports.Wokwi("wokwi-7segment", Map.of("common", "cathode", "digits", "4"), null)))
                .contains("DIG1", "DIG4").doesNotContain("COM.1");
        assertThat(elementPins(new Exports.Wokwi("wokwi-no-such-part", Map.of(), null))).isNull();
    }

    /** Curated parts exported to a KiCad chip or discrete symbol (not a Connector_* header). */
    private static List<Part> kicadChecked() {
        List<Part> out = KB.parts().stream()
                .filter(p -> p.exports() != null && p.exports().kicad() != null)
                .filter(p -> !p.exports().kicad().symbol().startsWith("Connector"))
                .toList();
        assertThat(out).hasSizeGreaterThan(60);
        return out;
    }

    /**
     * The differences not covered by an accepted entry; an accepted entry must still match what the data does (its
     * pins exactly), so a new fault in an accepted part, or a stale entry, fails too.
     */
    private static Map<String, List<String>> unexplained(Map<String, List<String>> differences,
                                                         Map<String, Set<String>> differingPins,
                                                         Map<String, Accepted> accepted) {
        Map<String, List<String>> out = new TreeMap<>();
        differences.forEach((id, list) -> {
            Accepted a = accepted.get(id);
            Set<String> pins = differingPins.getOrDefault(id, Set.of());
            if (a == null || !a.pins().equals(pins)) {
                out.put(id, list);
            }
        });
        accepted.forEach((id, a) -> {
            if (!differences.containsKey(id)) {
                out.put(id, List.of("accepted (" + a.reason() + ") but no longer different: drop the entry"));
            }
        });
        return out;
    }

    /** The KiCad pin of a part pin: its entry in exports.kicad.pins, else its own number. */
    private static String kicadNumber(Part part, PartPin pin) {
        return resolved(part, part.exports().kicad().pins()).getOrDefault(pin.number(), pin.number());
    }

    /** The Wokwi pin of a part pin: its entry in exports.wokwi.pins, else its name. */
    private static String wokwiPin(Part part, PartPin pin) {
        return resolved(part, part.exports().wokwi().pins()).getOrDefault(pin.number(), pin.name());
    }

    /**
     * An export pin map re-keyed by pin number. A key is resolved as {@link Part#pin} resolves it (and as {@code kb
     * check} does): a pin number first, then a name (the first pin of a repeated name), then an alias; so GND.2 must be
     * keyed by its number to get its own entry. Two keys for one pin fail.
     */
    private static Map<String, String> resolved(Part part, Map<String, String> pins) {
        Map<String, String> out = new HashMap<>();
        Map<String, String> keyOf = new HashMap<>();
        pins.forEach((key, target) -> {
            PartPin pin = part.pin(key).orElse(null);
            assertThat(pin).as("%s: export pin key '%s' names no pin", part.id(), key).isNotNull();
            String earlier = keyOf.putIfAbsent(pin.number(), key);
            assertThat(earlier).as("%s: export pin keys '%s' and '%s' both name pin %s", part.id(), earlier, key,
                    pin.label()).isNull();
            out.put(pin.number(), target);
        });
        return out;
    }

    /** The pin's number, name and aliases, with those of the pins sharing its name (one net), normalised. */
    private static Set<String> ourNames(Part part, PartPin pin) {
        Set<String> out = new LinkedHashSet<>();
        for (PartPin p : part.pinsNamed(pin.name())) {
            out.add(norm(p.number()));
            out.add(norm(p.name()));
            p.aliases().forEach(a -> out.add(norm(a)));
        }
        out.remove("");
        return out;
    }

    private static boolean endsWithSign(PartPin pin, Part part, String sign) {
        for (PartPin p : part.pinsNamed(pin.name())) {
            if (p.name().endsWith(sign) || p.aliases().stream().anyMatch(a -> a.endsWith(sign))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names a KiCad pin answers to: the whole name and its {@code /} or {@code _} separated parts
     * ({@code SDA/A4}, {@code GPIO26_ADC0}), normalised; empty when KiCad leaves the pin unnamed or names it by its
     * number.
     */
    private static Set<String> kicadNames(String name, String number) {
        Set<String> out = new LinkedHashSet<>();
        out.add(norm(name));
        for (String part : name.split("[/_]")) {
            out.add(norm(part));
        }
        out.remove("");
        out.remove(norm(number));
        return out;
    }

    private static final Pattern MARKUP = Pattern.compile("[~_^]\\{([^}]*)}");
    private static final Pattern GPIO = Pattern.compile("(?:gpio|io|gp)(\\d+)");

    /** KiCad's overbar, subscript and superscript markup removed: {@code ~{RESET}} is {@code RESET}. */
    private static String stripMarkup(String name) {
        return MARKUP.matcher(name).replaceAll("$1");
    }

    /** Lower-case letters and digits; {@code GP15}, {@code IO15} and {@code GPIO15} are one name. */
    static String norm(String name) {
        String n = KnowledgeBase.normalize(stripMarkup(name)).toLowerCase(Locale.ROOT);
        Matcher m = GPIO.matcher(n);
        return m.matches() ? "gpio" + m.group(1) : n;
    }

    /** The pins of a Wokwi element, the variant chosen by an attribute where the table has one (lcd1602 pins=i2c). */
    private static List<String> elementPins(Exports.Wokwi wokwi) {
        for (Map.Entry<String, String> a : new TreeMap<>(wokwi.attrs()).entrySet()) {
            List<String> variant = WOKWI.get(wokwi.type() + " " + a.getKey() + "=" + a.getValue());
            if (variant != null) {
                return variant;
            }
        }
        return WOKWI.get(wokwi.type());
    }

    /** {@code TYPE[ ATTRIBUTE=VALUE]<TAB>PIN PIN ...}, {@code #} comments (the format at the table's top). */
    private static Map<String, List<String>> wokwiPins() {
        Map<String, List<String>> table = new HashMap<>();
        try (InputStream in = PinCrossCheckTest.class.getResourceAsStream(
                "/dev/kirchhoff/schematic/format/wokwi/wokwi-pins.txt")) {
            assertThat(in).as("wokwi-pins.txt of the schematic module on the test classpath").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String key = (tab < 0 ? line : line.substring(0, tab)).strip();
                String pins = tab < 0 ? "" : line.substring(tab + 1).strip();
                table.put(key, pins.isEmpty() ? List.of() : List.of(pins.split(" +")));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(table).containsKeys("wokwi-arduino-uno", "wokwi-lcd1602 pins=i2c", "wokwi-hx711");
        return table;
    }
}
