package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.ComponentIdentifier;
import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.PinWish;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.agents.Unresolved;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.retrieval.PartSearch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline engine's first stage: reads a prompt into {@link Requirements} by entity linking against the knowledge
 * base. Part numbers and aliases are matched longest first, ignoring case, spaces and hyphens ("ESP32-C3"); phrases
 * ending in a part noun ("distance sensor", "TFT display") are looked up through {@link PartSearch} and accepted only
 * when a curated part of the right category fits their words; numbers become SI values whose meaning comes from the
 * words around them; the supply, constraints and analog building block come from the reviewable patterns in this
 * package's resources; board pins asked for ("LED on pin 13") become {@link PinWish}es of the part named before them.
 * When peripherals need a controller and none is named, a default board is added and said so.
 * Immutable and thread-safe (search results are cached per phrase).
 *
 * <pre>{@code
 * Requirements r = new OfflineIdentifier(kb, search).identify("ESP32 reading two DHT22 over Wi-Fi");
 * r.parts();   // esp32-devkit-v1 (BOARD), dht22 x2 (PERIPHERAL)
 * }</pre>
 */
public final class OfflineIdentifier implements ComponentIdentifier {

    /** Example prompts offered when a prompt is not understood. */
    public static final List<String> EXAMPLES = List.of(
            "ESP32 reading a BME280 and showing it on an SSD1306 OLED, powered from USB",
            "555 blinking an LED at 2 Hz from a 9 V battery",
            "non-inverting amplifier with gain 11 from a single 5 V supply");

    static final String DEFAULT_BOARD = "arduino-uno-r3";
    static final String WIRELESS_BOARD = "esp32-devkit-v1";
    /** Words of circuits (not of parts) a misspelling may be corrected to: "devider", "amplifer", "resister". */
    static final Set<String> CIRCUIT_WORDS = Set.of("divider", "oscillator", "amplifier", "amplify", "resistor",
            "resistors", "capacitor", "capacitors", "comparator", "regulator", "transistor", "inverting",
            "threshold", "hysteresis", "rectifier", "transformer", "frequency", "voltage", "schmitt", "zener",
            "astable", "monostable", "follower", "filter", "supply", "battery", "potentiometer", "inductor",
            "cutoff", "blinking", "reference", "summing", "buffer");
    static final String ACTIVE_BUZZER = "buzzer-active";
    static final String PASSIVE_BUZZER = "buzzer-passive";
    static final String ZENER = "zener-1n4733a";
    static final String DEFAULT_OP_AMP = "lm358";

    private static final Pattern ACTIVITY = Pattern.compile(
            "\\b(blink\\w*|flash\\w*|fade\\w*|fading|dim\\w*|program\\w*|code|sketch|toggle\\w*|control\\w*|pwm)\\b");
    private static final Pattern NO_CONTROLLER = Pattern.compile(
            "\\b(no|without)( a| an| any)? (microcontroller|arduino|mcu|board|code|programming|software)\\b");
    private static final Pattern PART_NUMBER_LIKE = Pattern.compile("(?=.*[a-z])(?=.*\\d)[a-z0-9]{4,}");
    private static final Pattern NOT_A_PART_NUMBER = Pattern.compile(
            "i2c|i2s|co2|eco2|mp3|mp4|3v3|5v0|1v8|rs485|rs232|usb[23]|[234]g|[23]d|\\d+x\\d+|x\\d+|\\d+x"
                    + "|\\d+(st|nd|rd|th|mm|cm|m|g|kg|in|inch|ch|pin|pins|bit|bits|channel|channels|way|digit|digits"
                    + "|axis|dof|d|s|p|v|ma|ah|mah|wh|kb|mb|gb|k|hz|khz|mhz|px|fps|bpm|rpm|vac|vdc|deg|c|f|nm)"
                    + "|[a-z]\\d|v\\d+(\\.\\d+)?|rev\\d+|r\\d|gen\\d|mk\\d|ver\\d+"
                    // bus, peripheral and pin names of a board, not parts ("I2C0", "Serial2", "GPIO4", "PA5")
                    + "|i2c\\d|i2s\\d|spi\\d|[hvf]spi\\d?|serial\\d|u?s?art\\d|adc\\d|dac\\d|twi\\d|can\\d"
                    + "|timer\\d|tim\\d{1,2}|pwm\\d{1,2}|int\\d|pcint\\d{1,2}|[adp]\\d{1,2}|gpio\\d{1,2}|gp\\d{1,2}"
                    + "|io\\d{1,2}|p[a-k]\\d{1,2}|pin\\d{1,2}|ch\\d{1,2}"
                    // file formats and everyday alphanumerics
                    + "|mp[34]s?|m4a|wavs?|jpe?gs?|pngs?|h26[45]|[48]k|\\d{3,4}p|\\d+s\\d*p?");

    private final KnowledgeBase kb;
    private final PartSearch search;
    private final Lexicon lexicon;
    private final PartNames names;
    private final Spelling spelling;
    private final ValueReader values;
    private final SupplyReader supplies;
    private final Gaps gaps;
    private final Map<String, Optional<String>> searchCache = new ConcurrentHashMap<>();

    /**
     * @param kb     the knowledge base whose curated parts are linked
     * @param search hybrid part search for functional phrases; null to link by names and aliases only
     */
    public OfflineIdentifier(KnowledgeBase kb, PartSearch search) {
        if (kb == null) {
            throw new IllegalArgumentException("The parameter 'kb' must not be null.");
        }
        this.kb = kb;
        this.search = search;
        this.lexicon = Lexicon.bundled();
        this.names = new PartNames(kb, lexicon);
        Set<String> targets = new HashSet<>(names.nameWords());
        targets.addAll(CIRCUIT_WORDS);
        Set<String> known = new HashSet<>(names.knownWords());
        known.addAll(CIRCUIT_WORDS);
        this.spelling = new Spelling(targets, known);
        this.values = new ValueReader(lexicon);
        this.supplies = new SupplyReader(kb, lexicon);
        this.gaps = Gaps.bundled();
    }

    @Override
    public Requirements identify(String prompt) {
        return new Reading(prompt == null ? "" : prompt).run();
    }

    /** One prompt being read: the tokens, what each token was used for, and what was found so far. */
    private final class Reading {

        private final String prompt;
        private final List<String> notes = new ArrayList<>();
        private final List<Token> tokens;
        private final int n;
        private final boolean[] valueToken;
        private final String flat;
        private final PartLinker linker;
        private final String[] ownerId;
        private final List<PartLinker.Found> found;
        /** Boards named that the knowledge base lacks ("Wemos D1 mini"), in prompt order. */
        private final List<Gaps.BoardMention> unknownBoards;

        Reading(String prompt) {
            this.prompt = prompt;
            this.tokens = spelling.correct(Tokenizer.tokens(prompt), notes);
            this.n = tokens.size();
            this.valueToken = new boolean[n];
            this.flat = flatten(false);
            this.linker = new PartLinker(kb, search, lexicon, names, searchCache, tokens, valueToken, flat, notes);
            this.ownerId = linker.ownerId;
            this.found = linker.found;
            this.unknownBoards = gaps.boardsIn(tokens);
            for (Gaps.BoardMention b : unknownBoards) {
                for (int k = b.from(); k < b.to(); k++) {
                    linker.claimed[k] = true;
                }
            }
        }

        Requirements run() {
            List<ValueReader.Reading> readings = new ArrayList<>(values.read(tokens));
            // "Nano 33 IoT", "Pi 4": the numbers of a board's name are not values
            readings.removeIf(r -> {
                for (int k = r.from(); k < r.to(); k++) {
                    if (linker.claimed[k]) {
                        return true;
                    }
                }
                return false;
            });
            for (ValueReader.Reading r : readings) {
                for (int k = r.from(); k < r.to(); k++) {
                    valueToken[k] = true;
                }
            }
            linker.link();

            Supply supply = supplies.read(tokens, flat, ownerId);
            Set<Constraint> constraints = readConstraints();
            String free = flatten(true);
            boolean boardNamed = found.stream().anyMatch(f -> roleOf(f.id).equals("BOARD"))
                    || !unknownBoards.isEmpty();
            RecipeKind recipe = missingBlock(readRecipe(free, boardNamed), boardNamed);

            List<PartRequest> parts = new ArrayList<>();
            Map<String, PartRequest> byId = new LinkedHashMap<>();
            linker.finish();
            for (PartLinker.Found f : found) {
                String role = roleOf(f.id);
                if (role.equals("SUPPORT")) {
                    continue;
                }
                PartRequest old = byId.get(f.id);
                int q = old == null ? f.quantity : Math.max(old.quantity(), f.quantity);
                byId.put(f.id, PartRequest.of(f.id, q, old == null ? linker.phrase(f) : old.phrase(),
                        PartRole.valueOf(role)));
            }
            if (supply.kind() == Supply.Kind.LIION_CELL && supply.volts() != null && supply.volts() > 4.2) {
                for (String single : List.of("lipo-battery-1s", "battery-18650")) {
                    if (byId.remove(single) != null) {
                        notes.add("a " + fmt(supply.volts()) + " V lithium pack is several cells: " + single
                                + " (one cell) left out; the pack is the supply");
                    }
                }
            }
            supplies.addParts(supply, byId);
            oneController(byId);
            parts.addAll(byId.values());

            // a board the knowledge base lacks is still the board the prompt asks for: no stand-alone building block
            boolean hasBoard = parts.stream().anyMatch(p -> p.role() == PartRole.BOARD) || !unknownBoards.isEmpty();
            if (recipe == RecipeKind.LED_DRIVER && hasBoard) {
                recipe = null;
            }
            boolean noController = NO_CONTROLLER.matcher(flat).find();
            if (recipe == null && !hasBoard) {
                recipe = recipeFromParts(parts, supply, noController);
            }
            if (recipe == RecipeKind.ASTABLE_555 && flat.matches(".*\\b(one shot|monostable|delay)\\b.*")) {
                recipe = RecipeKind.MONOSTABLE_555;
            }
            partsOfTheBuildingBlock(parts, recipe, free);
            if (recipe != null && !hasBoard) {
                for (int i = 0; i < parts.size(); i++) {
                    PartRequest p = parts.get(i);
                    if (p.role() == PartRole.PERIPHERAL) {
                        parts.set(i, new PartRequest(p.id(), p.quantity(), p.phrase(), PartRole.ANALOG, p.defaulted()));
                    }
                }
            }
            if ((recipe == RecipeKind.UNREGULATED_DC_SUPPLY || recipe == RecipeKind.REGULATED_DC_SUPPLY)
                    && !supply.isSpecified()) {
                supply = new Supply(Supply.Kind.MAINS, 230.0, "a DC supply from a transformer runs from the mains");
            }

            boolean[] partToken = new boolean[n];
            for (int k = 0; k < n; k++) {
                partToken[k] = ownerId[k] != null && !roleOf(ownerId[k]).equals("SUPPORT");
            }
            ValueMeanings meaning = new ValueMeanings(tokens, valueToken, partToken, ownerId, flat, notes);
            List<DesignValue> designValues = meaning.meanings(readings, recipe, supply, boardNamed);
            if (supply.volts() == null) {
                Optional<DesignValue> in = designValues.stream()
                        .filter(v -> v.quantity() == Quantity.INPUT_VOLTAGE).findFirst();
                if (in.isPresent() && (meaning.explicitInput(in.get())
                        || recipe != null && ValueMeanings.CONVERTERS.contains(recipe))) {
                    supply = new Supply(supply.kind(), in.get().value(), in.get().phrase());
                }
            }

            if (recipe == RecipeKind.VOLTAGE_DIVIDER && flat.contains(" adc ")
                    && designValues.stream().noneMatch(v -> v.quantity() == Quantity.OUTPUT_VOLTAGE)) {
                designValues.add(new DesignValue(Quantity.OUTPUT_VOLTAGE, 3.3, "the adc"));
                notes.add("no board named: the divider brings the voltage down to 3.3 V, safe for the ADC of both"
                        + " 3.3 V and 5 V boards; name the board to use its full range");
            }
            if (supply.volts() != null) {
                double sv = supply.volts();
                designValues.sort((a, b) -> Boolean.compare(ValueMeanings.isSupplyValue(b, sv),
                        ValueMeanings.isSupplyValue(a, sv)));
            }
            List<Unresolved> unresolved = unresolved();
            if (parts.isEmpty() && recipe == null && unresolved.isEmpty()) {
                notUnderstood(designValues, supply);
            }

            hasBoard = parts.stream().anyMatch(p -> p.role() == PartRole.BOARD);
            String wireless = wirelessWord();
            if (wireless != null) {
                for (PartRequest p : parts) {
                    if (p.role() != PartRole.BOARD && hasRadio(p.id())
                            && kb.part(p.id()).map(x -> x.category() == Category.COMMUNICATION).orElse(false)) {
                        notes.add("\"" + wireless + "\" is provided by " + p.id());
                        wireless = null;
                        break;
                    }
                }
            }
            // an unknown part number is most likely a module for a board (the pipeline stops on it unless generic
            // placeholders are allowed, and then it needs the board)
            String stand = standIn();
            if (!hasBoard && stand != null && recipe == null && !noController) {
                Gaps.BoardMention b = unknownBoards.get(0);
                String why = "\"" + b.board().name() + "\" is not in the knowledge base: designing on " + stand
                        + ", the nearest curated board (nearest first: " + String.join(", ", b.board().nearest())
                        + "); check pins and voltages against the board asked for";
                parts.add(0, new PartRequest(stand, 1, why, PartRole.BOARD, true));
                notes.add(why);
            } else if (!hasBoard && recipe == null && !noController
                    && (parts.stream().anyMatch(p -> needsController(p.role()))
                    || parts.isEmpty() && !unresolved.isEmpty())) {
                String id = wireless != null && kb.part(WIRELESS_BOARD).isPresent() ? WIRELESS_BOARD : DEFAULT_BOARD;
                String why = id.equals(WIRELESS_BOARD)
                        ? "no board named and the prompt needs Wi-Fi/Bluetooth (\"" + wireless + "\"): using ESP32"
                        + " DevKit V1 (Wi-Fi and Bluetooth built in, 3.3 V logic); name another board to change it"
                        : "no board named: using Arduino Uno R3 (5 V, the most common starter board); name another"
                        + " board to change it";
                parts.add(0, new PartRequest(id, 1, why, PartRole.BOARD, true));
                notes.add(why);
            } else if (hasBoard && wireless != null) {
                for (PartRequest p : parts) {
                    if (p.role() == PartRole.BOARD && !hasRadio(p.id())) {
                        notes.add(p.id() + " has no Wi-Fi or Bluetooth but the prompt asks for it (\"" + wireless
                                + "\"): add a radio module or choose an ESP32 board");
                    }
                }
            }
            parts.sort((a, b) -> Boolean.compare(b.role() == PartRole.BOARD, a.role() == PartRole.BOARD));

            List<PinWish> pinWishes = PinWishes.read(tokens, ownerId, id -> {
                String role = roleOf(id);
                return !role.equals("BOARD") && !role.equals("SUPPORT");
            });
            for (PinWish w : pinWishes) {
                notes.add("pin wish: " + w.partId() + " on board pin " + w.boardPin() + " from \"" + w.phrase() + "\"");
            }
            List<String> all = summary(notes, parts, supply, designValues, constraints, recipe, unresolved);
            return new Requirements(prompt, parts, supply, designValues, constraints, recipe, all, unresolved,
                    pinWishes);
        }

        /**
         * One controller: a bare microcontroller (a chip with role BOARD in roles.txt) is the controller only when no
         * board is named. "ATtiny85 on a Digispark" is the Digispark, which carries that chip, so the chip is not
         * added again; beside a board that does not carry it, or behind another bare chip, it is a part of the design.
         */
        private void oneController(Map<String, PartRequest> byId) {
            PartRequest controller = byId.values().stream().filter(p -> p.role() == PartRole.BOARD && isBoard(p.id()))
                    .findFirst().orElse(byId.values().stream().filter(p -> p.role() == PartRole.BOARD).findFirst()
                            .orElse(null));
            if (controller == null) {
                return;
            }
            for (PartRequest p : List.copyOf(byId.values())) {
                if (p == controller || p.role() != PartRole.BOARD || isBoard(p.id())) {
                    continue;
                }
                boolean carried = isBoard(controller.id()) && Pattern.compile("\\b" + Pattern.quote(p.id()) + "\\b")
                        .matcher(names.text(controller.id())).find();
                if (carried) {
                    byId.remove(p.id());
                    notes.add("\"" + p.phrase() + "\" is the chip on " + controller.id() + ": designing with the board");
                } else {
                    byId.put(p.id(), new PartRequest(p.id(), p.quantity(), p.phrase(), PartRole.PERIPHERAL,
                            p.defaulted()));
                    notes.add(p.id() + " is a part beside the controller " + controller.id());
                }
            }
            if (!isBoard(controller.id())) {
                notes.add("controller: a bare " + controller.id() + " (no board named), wired with its own supply "
                        + "decoupling, RESET pull-up and clock");
            }
        }

        private boolean isBoard(String id) {
            return kb.part(id).map(x -> x.category() == Category.BOARD).orElse(false);
        }

        // ---------------------------------------------------------------- supply, constraints, recipe

        /**
         * The parts a building block implies or changes: a 555 sounds a buzzer by driving it with its square wave,
         * which only a passive buzzer turns into a tone; a zener regulator needs a zener (the curated one when the
         * voltage fits or is not given); an op-amp named in words next to a board is the common single-supply LM358.
         */
        private void partsOfTheBuildingBlock(List<PartRequest> parts, RecipeKind recipe, String free) {
            boolean timer = recipe == RecipeKind.ASTABLE_555 || recipe == RecipeKind.MONOSTABLE_555
                    || parts.stream().anyMatch(p -> p.id().equals("ne555"));
            for (int i = 0; i < parts.size(); i++) {
                PartRequest p = parts.get(i);
                if (timer && p.id().equals(ACTIVE_BUZZER) && !p.phrase().contains("active")
                        && kb.part(PASSIVE_BUZZER).isPresent()) {
                    parts.set(i, PartRequest.of(PASSIVE_BUZZER, p.quantity(), p.phrase(), p.role()));
                    notes.add("\"" + p.phrase() + "\" driven by a 555: " + PASSIVE_BUZZER + " (an active buzzer has its"
                            + " own oscillator and would only click at the 555's frequency)");
                }
            }
            if (recipe == RecipeKind.ZENER_REGULATOR && kb.part(ZENER).isPresent()
                    && parts.stream().noneMatch(p -> p.id().startsWith("zener"))) {
                Matcher out = Pattern.compile("\\b(\\d+(?:\\.\\d+)?) v\\b").matcher(flat);
                List<Double> volts = new ArrayList<>();
                while (out.find()) {
                    volts.add(Double.parseDouble(out.group(1)));
                }
                // the smallest voltage is the zener's; a single large one is only the input
                double least = volts.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                boolean fits = volts.isEmpty() || volts.size() == 1 && least > 5.8 || Math.abs(least - 5.1) < 0.15;
                if (fits) {
                    parts.add(PartRequest.of(ZENER, 1, "zener", PartRole.ANALOG));
                    notes.add("zener: " + ZENER + " (5.1 V, 1 W)");
                } else {
                    notes.add("no curated zener for the voltage asked: the designer picks the zener voltage");
                }
            }
            boolean board = parts.stream().anyMatch(p -> p.role() == PartRole.BOARD);
            boolean opAmpNamed = parts.stream().anyMatch(p -> lexicon.partRecipes.get(p.id()) != null
                    && lexicon.partRecipes.get(p.id()).name().endsWith("AMPLIFIER"));
            if (board && !opAmpNamed && kb.part(DEFAULT_OP_AMP).isPresent()
                    && Pattern.compile("\\b(op ?amps?|opamps?|operational amplifiers?)\\b").matcher(free).find()) {
                parts.add(PartRequest.of(DEFAULT_OP_AMP, 1, "op amp", PartRole.ANALOG));
                notes.add("op amp: " + DEFAULT_OP_AMP + " (single supply, inputs and output near ground; name another"
                        + " op amp to change it)");
            }
        }

        private Set<Constraint> readConstraints() {
            Set<Constraint> out = EnumSet.noneOf(Constraint.class);
            for (Lexicon.Rule<Constraint> r : lexicon.constraints) {
                if (r.pattern().matcher(flat).find()) {
                    out.add(r.meaning());
                }
            }
            if (out.contains(Constraint.INTERNAL_PULL_UP) && !flat.matches(".*\\bexternal pull ?ups?\\b.*")) {
                out.remove(Constraint.PULL_UP);
            }
            if (out.contains(Constraint.SPLIT_SUPPLY)) {
                out.remove(Constraint.SINGLE_SUPPLY);
            }
            return out;
        }

        private RecipeKind readRecipe(String free, boolean boardNamed) {
            for (Lexicon.Rule<RecipeKind> r : lexicon.recipes) {
                if (r.free() && boardNamed) {
                    continue;
                }
                Matcher m = r.pattern().matcher(r.free() ? free : flat);
                if (m.find()) {
                    String word = m.group().strip();
                    if (r.free() && found.stream().anyMatch(f -> names.text(f.id).contains(word))) {
                        continue;
                    }
                    return r.meaning();
                }
            }
            return null;
        }

        /** With no board: a lone regulator, 555, op-amp... implies its building block; LEDs on a supply a driver. */
        private RecipeKind recipeFromParts(List<PartRequest> parts, Supply supply, boolean noController) {
            for (PartRequest p : parts) {
                RecipeKind k = lexicon.partRecipes.get(p.id());
                if (k != null) {
                    return k;
                }
            }
            boolean led = parts.stream().anyMatch(p -> p.role() == PartRole.INDICATOR
                    && (p.id().startsWith("led-") || p.id().equals("rgb-led")));
            boolean onlyLedsAndPower = parts.stream().allMatch(p -> p.role() == PartRole.INDICATOR
                    || p.role() == PartRole.POWER);
            boolean powered = supply.isSpecified() || Pattern.compile("\\b(from|powered (by|from)|runs? (on|from)"
                    + "|supplied (by|from)|on) (a |an )?\\d+(\\.\\d+)? ?v\\b").matcher(flat).find();
            if (led && noController) {
                return RecipeKind.LED_DRIVER;
            }
            if (led && onlyLedsAndPower && powered && !ACTIVITY.matcher(flat).find()) {
                return RecipeKind.LED_DRIVER;
            }
            return null;
        }

        private String wirelessWord() {
            for (Pattern p : lexicon.wireless) {
                Matcher m = p.matcher(flat);
                if (m.find()) {
                    return m.group().strip();
                }
            }
            return null;
        }

        private boolean hasRadio(String id) {
            String t = names.text(id);
            return t.contains("wi-fi") || t.contains("wifi") || t.contains("bluetooth");
        }

        // ---------------------------------------------------------------- unresolved, errors

        /**
         * Boards named that the knowledge base lacks, part phrases no curated part fits, then tokens that look like
         * part numbers (letters and digits) and matched nothing.
         */
        private List<Unresolved> unresolved() {
            List<Unresolved> out = new ArrayList<>();
            for (Gaps.BoardMention b : unknownBoards) {
                if (out.stream().noneMatch(u -> u.phrase().equals(b.board().name()))) {
                    out.add(new Unresolved(b.board().name(), b.board().nearest().stream()
                            .filter(id -> kb.part(id).isPresent()).toList()));
                }
            }
            out.addAll(linker.unresolved);
            for (int i = 0; i < n; i++) {
                if (ownerId[i] != null || valueToken[i] || linker.claimed[i] || tokens.get(i).isPunctuation()) {
                    continue;
                }
                int j = i + 1;
                while (j < n && tokens.get(j).glued() && ownerId[j] == null && !tokens.get(j).isPunctuation()) {
                    j++;
                }
                if (j == i + 1 && j < n && ownerId[j] == null && !valueToken[j] && tokens.get(i).isWord()
                        && names.isPartNumberPrefix(tokens.get(i).text())
                        && !lexicon.commonWords.contains(tokens.get(i).text())
                        && tokens.get(j).text().matches("\\d{2,5}")) {
                    j++;
                }
                StringBuilder run = new StringBuilder();
                for (int k = i; k < j; k++) {
                    run.append(tokens.get(k).typed());
                }
                String r = run.toString();
                if (PART_NUMBER_LIKE.matcher(r).matches() && !NOT_A_PART_NUMBER.matcher(r).matches()
                        && !isValueToken(i, j)) {
                    out.add(new Unresolved(ValueReader.phrase(tokens, i, j).toUpperCase(Locale.ROOT),
                            kb.suggest(r, 3)));
                }
                i = j - 1;
            }
            return out;
        }

        /** The curated board that stands in for the first unknown board named (used with --allow-generic), or null. */
        private String standIn() {
            if (unknownBoards.isEmpty()) {
                return null;
            }
            return unknownBoards.get(0).board().nearest().stream().filter(id -> kb.part(id).isPresent()).findFirst()
                    .orElse(null);
        }

        /**
         * A building block the recipe library lacks (missing-blocks.txt) is never read silently as another: with its
         * nearest recipe, the design uses that and says so; with none close and no board, the prompt is not
         * understood, naming the block and what the library can design; with a board, it is left out and said so.
         */
        private RecipeKind missingBlock(RecipeKind read, boolean boardNamed) {
            Gaps.MissingBlock b = gaps.blockIn(flat);
            if (b == null) {
                return read;
            }
            if (b.nearest() != null) {
                if (!boardNamed || read == b.nearest()) {
                    notes.add(b.note());
                    return b.nearest();
                }
                return read;
            }
            if (boardNamed) {
                notes.add(b.note() + " is not in the recipe library: left out of the design; add it by hand");
                return read;
            }
            throw new DesignException(DesignException.Reason.NOT_UNDERSTOOD, "\"" + prompt.strip() + "\" asks for "
                    + b.note() + ", which the recipe library cannot design and nothing in it is close to. The library"
                    + " designs: " + libraryBlocks() + "; or name a board and modules (\"ESP32 with a BME280\").",
                    EXAMPLES);
        }

        private boolean isValueToken(int from, int to) {
            for (int k = from; k < to; k++) {
                if (!tokens.get(k).text().matches("\\d+(\\.\\d+)?[a-z%]*") || lexicon.units.containsKey(
                        tokens.get(k).text().replaceAll("^[0-9.]+", ""))) {
                    continue;
                }
                return false;
            }
            return tokens.get(from).text().matches("\\d.*") && to - from == 1
                    && lexicon.units.containsKey(tokens.get(from).text().replaceAll("^[0-9.]+", ""));
        }

        private void notUnderstood(List<DesignValue> designValues, Supply supply) {
            List<String> understood = new ArrayList<>();
            if (supply.isSpecified()) {
                understood.add("a " + supply.kind().name().toLowerCase(Locale.ROOT) + " supply");
            }
            for (DesignValue v : designValues) {
                understood.add(v.quantity().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + fmt(v.value()));
            }
            String got = understood.isEmpty() ? "nothing I can design with"
                    : String.join(", ", understood) + ", but no part or circuit";
            throw new DesignException(DesignException.Reason.NOT_UNDERSTOOD, "Could not find a part or a circuit"
                    + " to design in \"" + prompt.strip() + "\" (understood: " + got + "). Name a board and the"
                    + " modules to connect (\"ESP32 with a BME280\"), or a building block (\"non-inverting"
                    + " amplifier\", \"555 astable\", \"RC low-pass filter\", \"LM7805 regulator\").", EXAMPLES);
        }

        // ---------------------------------------------------------------- helpers

        /**
         * The prompt as one lower-case line, words separated by single spaces, "3.3v" written "3.3 v"; with
         * {@code withoutParts} each token of a linked part phrase reads "_".
         */
        private String flatten(boolean withoutParts) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < tokens.size(); k++) {
                if (withoutParts && ownerId[k] != null) {
                    sb.append(" _");
                    continue;
                }
                String t = tokens.get(k).text();
                Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-z]+)").matcher(t);
                if (m.matches() && lexicon.units.containsKey(m.group(2))) {
                    t = m.group(1) + " " + m.group(2);
                }
                sb.append(' ').append(t);
            }
            return sb.append(' ').toString();
        }
    }

    /** The notes of what was assumed, then one line per thing understood, for the report. */
    private static List<String> summary(List<String> notes, List<PartRequest> parts, Supply supply,
                                        List<DesignValue> designValues, Set<Constraint> constraints,
                                        RecipeKind recipe, List<Unresolved> unresolved) {
        List<String> all = new ArrayList<>(notes);
        for (PartRequest p : parts) {
            if (!p.defaulted()) {
                all.add("part: " + (p.quantity() > 1 ? p.quantity() + " x " : "") + p.id() + " ("
                        + p.role().name().toLowerCase(Locale.ROOT) + ") from \"" + p.phrase() + "\"");
            }
        }
        if (supply.isSpecified()) {
            all.add("supply: " + supply.kind().name().toLowerCase(Locale.ROOT)
                    + (supply.volts() == null ? "" : " " + fmt(supply.volts()) + " V")
                    + (supply.phrase().isEmpty() ? "" : " from \"" + supply.phrase() + "\""));
        }
        for (DesignValue v : designValues) {
            all.add("value: " + v.quantity().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " = "
                    + fmt(v.value()) + " from \"" + v.phrase() + "\"");
        }
        for (Constraint c : constraints) {
            all.add("constraint: " + c.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (recipe != null) {
            all.add("building block: " + recipe.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        for (Unresolved u : unresolved) {
            all.add("not in the knowledge base: \"" + u.phrase() + "\""
                    + (u.nearest().isEmpty() ? "" : "; nearest: " + String.join(", ", u.nearest())));
        }
        return all;
    }

    /** The building blocks the recipe library designs, in words. */
    static String libraryBlocks() {
        List<String> out = new ArrayList<>();
        for (RecipeKind k : RecipeKind.values()) {
            out.add(k.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("rc ", "RC ").replace("rl ", "RL ")
                    .replace("led ", "LED ").replace("liion", "Li-ion").replace("dc ", "DC ").replace("mosfet", "MOSFET")
                    .replace("non inverting", "non-inverting"));
        }
        return String.join(", ", out);
    }

    /**
     * The role a part usually plays (from the reviewed roles lexicon, then its category): {@link PartRole#BOARD} for
     * boards and for bare microcontrollers that can be the controller (ATtiny85, ATmega328P).
     */
    public PartRole usualRole(String id) {
        return PartRole.valueOf(roleOf(id));
    }

    private String roleOf(String id) {
        String r = lexicon.idRoles.get(id);
        if (r != null) {
            return r;
        }
        Category c = kb.part(id).map(Part::category).orElse(Category.OTHER);
        return lexicon.categoryRoles.getOrDefault(c.name().toLowerCase(Locale.ROOT), "PERIPHERAL");
    }

    private static boolean needsController(PartRole role) {
        return role == PartRole.PERIPHERAL || role == PartRole.INPUT || role == PartRole.LOAD
                || role == PartRole.INDICATOR;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("0+(e|$)", "$1").replaceAll("\\.(e|$)", "$1");
    }
}
