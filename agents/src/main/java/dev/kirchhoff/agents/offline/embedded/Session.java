package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.PinWish;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartInterface;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.knowledge.VoltageRange;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the embedded designer: holds the plan being built, the rails and the pin solver for a single request,
 * places the devices and wires their signals (buses, digital, analog, PWM, LEDs, switches), and hands power to
 * {@link PowerPlanner}, the I2C bus to {@link I2cBus}, loads to {@link LoadDrivers}, voltage measurement and
 * filtering to {@link Measurements}, stepper motors to {@link Steppers}, an op-amp gain stage to {@link OpAmpStage} and addressable-LED data to
 * {@link PixelData}. Created per call, so the designer itself keeps no state. Not thread-safe.
 */
final class Session {

    static final String GND = "GND";
    static final String BOARD = "U1";

    final KnowledgeBase kb;
    final Requirements req;
    final Pinouts pinouts;
    final Hints hints;
    final DesignPlan.Builder plan;
    final Rails rails = new Rails();
    final PowerPlanner power = new PowerPlanner(this);
    private final Set<String> labels = new HashSet<>();
    private final List<Pending> pending = new ArrayList<>();
    final Set<String> preferred = new HashSet<>();
    private final Set<String> optionalPins = new HashSet<>();
    private final Map<String, String> taps = new HashMap<>();
    private final Set<String> tapNets = new HashSet<>();
    private final Map<String, List<PartPin>> wanted = new HashMap<>();
    private final List<String[]> pwmOutputs = new ArrayList<>();
    private final List<Object[]> gpioOutputs = new ArrayList<>();
    private String owner;
    private final List<Device> devicesSoFar = new ArrayList<>();

    Part board;
    PinSolver pins;
    double logicV;
    private String boardGnd;
    private int leds;
    private int buttons;
    private int dividers;
    private OpAmpStage stage;
    /** The bare chip when the controller is one (an ATtiny85 on a breadboard), else null. */
    private BareChip bare;

    /** One device placed in the design. */
    record Device(String ref, Part part, PartRequest request, String label) {
    }

    /** A board pin still to be chosen, with what to do once it is known. */
    private record Pending(int priority, int order, PinSolver.Need need, String what, Consumer<PinSolver.Choice> then,
                           String owner) {
    }

    Session(KnowledgeBase kb, Requirements req, Pinouts pinouts, Feedback feedback) {
        this.kb = kb;
        this.req = req;
        this.pinouts = pinouts;
        this.hints = Hints.from(feedback, BOARD);
        this.plan = DesignPlan.builder(title(req));
    }

    private static String title(Requirements req) {
        if (!req.prompt().isBlank()) {
            return req.prompt();
        }
        List<String> ids = req.parts().stream().map(PartRequest::id).toList();
        return ids.isEmpty() ? "board-and-modules design" : ids.get(0) + (ids.size() > 1 ? " with "
                + String.join(", ", ids.subList(1, ids.size())) : "");
    }

    DesignPlan run() {
        Pinouts.Resolved b = pinouts.board().orElseThrow(() -> new DesignException(DesignException.Reason.REFUSED,
                "the embedded designer needs a board (an Arduino, ESP32 or Pico) and none was given",
                List.of("name a board: \"ESP32 with a BME280\"", "arduino-uno-r3", "esp32-devkit-v1")));
        board = b.part();
        logicV = board.logic() != null && board.logic().level() != null ? board.logic().level() : 5.0;
        plan.part(BOARD, board.id(), BareChip.isBare(board) ? "the controller: a bare " + board.name()
                + ", wired up without a board" : "the board" + (b.request().defaulted() ? " (chosen by default: "
                + b.request().phrase() + ")" : ""));
        pins = new PinSolver(board, hints.avoidPins);
        boardGnd = firstGround(board).map(p -> BOARD + ":" + pinRef(board, p)).orElse(null);
        if (boardGnd != null) {
            plan.connect(GND, boardGnd);
        }
        hints.notes.forEach(plan::note);
        req.notes().forEach(plan::note);

        List<Device> devices = new ArrayList<>();
        List<Part> powerParts = new ArrayList<>();
        for (Pinouts.Resolved r : pinouts.parts()) {
            if (r.request().role() == PartRole.BOARD) {
                continue;
            }
            Part p = r.part();
            if (isPowerPart(p)) {
                powerParts.add(p);
                continue;
            }
            if (isSupportingPrimitive(p)) {
                preferred.add(p.id());
                plan.note(p.name() + ": used where the design needs one (" + p.id() + ")");
                continue;
            }
            for (int i = 0; i < r.request().quantity(); i++) {
                String ref = plan.nextRef(prefix(p));
                String label = label(p, r.request().quantity() > 1 ? i + 1 : 0);
                plan.part(ref, p.id(), purpose(p, r.request()));
                devices.add(new Device(ref, p, r.request(), label));
            }
        }
        Steppers steppers = new Steppers(this);
        steppers.pair(devices);
        devicesSoFar.addAll(devices);
        power.planPower(powerParts);
        if (BareChip.isBare(board)) {
            // supply pins, RESET and the clock before any signal pin is chosen (the crystal takes its pins first)
            bare = new BareChip(this);
            bare.wire();
        }
        power.budgetActuators(devices);
        readPinHints(devices);
        stage = OpAmpStage.find(this, devices).orElse(null);

        List<Device> i2c = new ArrayList<>();
        List<Device> spi = new ArrayList<>();
        List<Device> uart = new ArrayList<>();
        List<Device> oneWire = new ArrayList<>();
        List<Device> drivers = new ArrayList<>();
        List<Device> rest = new ArrayList<>();
        for (Device d : devices) {
            InterfaceKind bus = bus(d.part());
            if (bus == InterfaceKind.I2C) {
                i2c.add(d);
            } else if (bus == InterfaceKind.SPI) {
                spi.add(d);
            } else if (bus == InterfaceKind.UART) {
                uart.add(d);
            } else if (bus == InterfaceKind.ONE_WIRE) {
                oneWire.add(d);
            } else {
                rest.add(d);
            }
            if (d.part().category() == Category.DRIVER && !outputs(d.part()).isEmpty() && !steppers.drives(d)) {
                drivers.add(d);
            }
        }
        if (!i2c.isEmpty()) {
            new I2cBus(this).wire(i2c);
        }
        if (!spi.isEmpty()) {
            wireSpi(spi);
        }
        for (Device d : uart) {
            owner = d.label();
            wireUart(d);
        }
        owner = null;
        if (!oneWire.isEmpty()) {
            wireOneWire(oneWire);
        }
        List<Device> loads = new ArrayList<>();
        collectOutputs(devices);
        if (stage != null) {
            owner = stage.amplifier().label();
            stage.wire();
        }
        for (Device d : rest) {
            owner = d.label();
            if (stage != null && d == stage.amplifier() || steppers.owns(d)) {
                continue;
            }
            switch (kind(d.part())) {
                case LED -> wireLed(d);
                case SWITCH -> wireSwitch(d);
                case POT -> wirePot(d);
                case RESISTIVE_SENSOR -> wireResistiveSensor(d);
                case LOAD -> loads.add(d);
                default -> wireModule(d);
            }
        }
        for (Device d : i2c) {
            wireExtras(d, InterfaceKind.I2C);
            checkOnboardPullUps(d);
        }

        for (Device d : spi) {
            wireExtras(d, InterfaceKind.SPI);
        }
        for (Device d : uart) {
            wireExtras(d, InterfaceKind.UART);
        }
        List<String[]> driverOutputs = new ArrayList<>();
        for (Device d : drivers) {
            for (PartPin p : outputs(d.part())) {
                driverOutputs.add(new String[] {d.ref(), pinRef(d.part(), p), d.label()});
            }
        }
        // an amplifier or player module's speaker outputs take the speakers
        List<String[]> audioOutputs = new ArrayList<>();
        for (Device d : devices) {
            if (d.part().category() != Category.AUDIO || d.part().form() != Form.MODULE) {
                continue;
            }
            for (PartPin p : d.part().pins()) {
                boolean speaker = (p.name() + " " + String.join(" ", p.aliases())).matches("(?i).*(spk|speaker|out).*");
                if (p.type() == PinType.OUTPUT && speaker) {
                    audioOutputs.add(new String[] {d.ref(), pinRef(d.part(), p), d.label()});
                }
            }
        }
        steppers.wire();
        owner = null;
        LoadDrivers loadDrivers = new LoadDrivers(this);
        for (Device d : loads) {
            owner = d.label();
            boolean audio = d.part().category() == Category.AUDIO && audioOutputs.size() >= d.part().pins().size();
            loadDrivers.wireLoad(d, audio ? audioOutputs : driverOutputs);
        }
        owner = null;
        Measurements m = new Measurements(this);
        m.measure();
        m.filter();
        resolvePending();
        if (req.has(Constraint.LEVEL_SHIFTER) && dividers > 0) {
            plan.note("a level shifter was asked for; the knowledge base has no level-shifter part, so one-way "
                    + "signals use resistor dividers (computed above)");
        }
        decouple(devices);
        if (bare != null) {
            bare.finish();
        }
        loadDrivers.bulkCaps(devices);
        power.finishRails();
        return plan.build();
    }

    // ---------------------------------------------------------------- classification

    enum Kind { LED, SWITCH, POT, RESISTIVE_SENSOR, LOAD, MODULE }

    static Kind kind(Part p) {
        ModelKind m = p.model() == null ? null : p.model().kind();
        if (m == ModelKind.LED && p.form() == Form.DISCRETE) {
            return Kind.LED;
        }
        if (m == ModelKind.SWITCH && p.form() == Form.PASSIVE) {
            return Kind.SWITCH;
        }
        if (m == ModelKind.RESISTOR && p.pins().size() == 3) {
            return Kind.POT;
        }
        if (m == ModelKind.RESISTOR && p.pins().size() == 2 && p.category() == Category.SENSOR) {
            return Kind.RESISTIVE_SENSOR;
        }
        // a plain 12 V LED strip is switched like a fan: its terminals are passive, no supply pin of its own
        if ((m == ModelKind.MOTOR || m == ModelKind.LOAD) && p.form() == Form.DEVICE
                && (p.category() == Category.ACTUATOR || p.category() == Category.AUDIO
                || p.category() == Category.LIGHT)
                && p.pins().stream().noneMatch(PartPin::isPower)) {
            return Kind.LOAD;
        }
        return Kind.MODULE;
    }

    private static boolean isPowerPart(Part p) {
        return p.category() == Category.POWER && p.form() != Form.PASSIVE || p.category() == Category.MAINS;
    }

    private static boolean isSupportingPrimitive(Part p) {
        return p.category() == Category.PASSIVE && kind(p) != Kind.POT
                || p.category() == Category.SEMICONDUCTOR;
    }

    /** The bus a part talks over: the one the prompt asked for when the part has it, else I2C, SPI, UART, 1-Wire. */
    private InterfaceKind bus(Part p) {
        List<InterfaceKind> order = new ArrayList<>(List.of(InterfaceKind.I2C, InterfaceKind.SPI, InterfaceKind.UART,
                InterfaceKind.ONE_WIRE));
        if (req.has(Constraint.VIA_SPI)) {
            order.add(0, InterfaceKind.SPI);
        } else if (req.has(Constraint.VIA_UART)) {
            order.add(0, InterfaceKind.UART);
        }
        for (InterfaceKind k : order) {
            Optional<PartInterface> i = p.interfaceOf(k);
            if (i.isPresent() && !i.get().pins().isEmpty()) {
                return k;
            }
        }
        return null;
    }

    private static String prefix(Part p) {
        return switch (kind(p)) {
            case LED -> "D";
            case SWITCH -> "SW";
            case POT -> "RV";
            case RESISTIVE_SENSOR -> "R";
            case LOAD -> p.category() == Category.AUDIO ? "BZ" : p.category() == Category.LIGHT ? "D" : "M";
            default -> p.form() == Form.DEVICE && p.category() == Category.ACTUATOR ? "M" : "U";
        };
    }

    static String purpose(Part p, PartRequest r) {
        return r.phrase().isBlank() ? p.name() : p.name() + " (asked for as \"" + r.phrase() + "\")";
    }

    /** A short upper-case name for nets: {@code BME280}, {@code HC_SR04}, {@code RELAY}. */
    private String label(Part p, int index) {
        // voltage-like tokens (12v, 3v3) are left out: the validator reads a voltage from a net name
        String[] tokens = java.util.Arrays.stream(p.id().split("-"))
                .filter(t -> !t.matches("\\d+(\\.\\d+)?v\\d*|\\d+ch")).toArray(String[]::new);
        if (tokens.length == 0) {
            tokens = new String[] {p.id().replaceAll("\\W", "")};
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.length && i < 2; i++) {
            if (i > 0) {
                if (!tokens[i].matches(".*\\d.*") || tokens[0].matches(".*\\d.*")) {
                    break;
                }
                sb.append('_');
            }
            sb.append(tokens[i].toUpperCase(Locale.ROOT));
        }
        String base = sb.toString();
        // a plain strip is named as one ("led-strip-12v" is LED_STRIP, "rgb-led-strip-12v" RGB_STRIP), not "LED"
        if (java.util.Arrays.asList(tokens).contains("strip") && !tokens[0].matches(".*\\d.*")) {
            base = tokens[0].toUpperCase(Locale.ROOT) + "_STRIP";
        }
        String name = index > 0 ? base + "_" + index : base;
        while (!labels.add(name)) {
            name = name + "B";
        }
        return name;
    }

    // ---------------------------------------------------------------- pins and nets

    /** How a plan names pin {@code p}: by name when that finds it, else by number. */
    static String pinRef(Part part, PartPin p) {
        Optional<PartPin> byName = part.pin(p.name());
        return byName.isPresent() && byName.get() == p ? p.name() : p.number();
    }

    private static Optional<PartPin> firstGround(Part p) {
        return p.pins().stream().filter(x -> x.can(PinFunction.GROUND)).findFirst();
    }

    static String netName(String s) {
        return s.replaceAll("[^A-Za-z0-9+]+", "_").replaceAll("^_|_$", "").toUpperCase(Locale.ROOT);
    }

    /** Names the device whose board pins the next requests are for (pin hints in the prompt go to it). */
    void own(String label) {
        owner = label;
    }

    String ground() {
        return GND;
    }

    DesignPlan.Builder plan() {
        return plan;
    }

    Part board() {
        return board;
    }

    double logicVolts() {
        return logicV;
    }

    Requirements requirements() {
        return req;
    }

    Hints hints() {
        return hints;
    }

    /** Connects every supply and ground pin of a part, choosing a rail inside each supply pin's range. */
    void wirePower(String ref, Part part, String label) {
        boolean grounded = false;
        for (PartPin p : part.pins()) {
            if (p.can(PinFunction.GROUND) && (p.type() == PinType.POWER_IN || p.type() == PinType.PASSIVE)) {
                if (!grounded || !p.name().equalsIgnoreCase("GND") || part.pinsNamed(p.name()).size() == 1) {
                    plan.connect(GND, ref + ":" + pinRef(part, p));
                }
                grounded = true;
            }
        }
        List<PartPin> supplies = new ArrayList<>();
        for (PartPin p : part.pins()) {
            if (p.type() == PinType.POWER_IN && !p.can(PinFunction.GROUND) && !p.has(PinFlag.OPTIONAL)) {
                supplies.add(p);
            }
        }
        if (supplies.isEmpty()) {
            part.pins().stream().filter(p -> p.type() == PinType.POWER_IN && !p.can(PinFunction.GROUND))
                    .findFirst().ifPresent(supplies::add);
        }
        boolean counted = false;
        for (PartPin p : supplies) {
            Rails.Rail rail = supplyRail(part, p, label);
            plan.connect(rail.net, ref + ":" + pinRef(part, p));
            if (!counted) {
                rail.draw(typicalCurrent(part));
                counted = true;
                plan.why(label + " supply", label + " (" + part.id() + ") runs from " + rail.net + ": "
                                + Values.v(rail.volts) + " is inside its supply range" + range(p, part) + ".",
                        part.id() + ": supply" + range(p, part) + ", typical " + Values.ma(typicalCurrent(part)));
            }
        }
    }

    static String range(PartPin p, Part part) {
        VoltageRange r = p.range() != null ? p.range() : part.supply();
        if (r == null) {
            return "";
        }
        return " " + (r.min() == null ? "?" : Values.v(r.min())) + "–" + (r.max() == null ? "?" : Values.v(r.max()));
    }

    static double typicalCurrent(Part part) {
        if (part.current() != null && part.current().typical() != null) {
            return part.current().typical();
        }
        return part.model() == null ? 0 : part.model().parameter("current", 0);
    }


    // ---------------------------------------------------------------- power architecture






    static Part first(List<Part> parts, java.util.function.Predicate<Part> test) {
        return parts.stream().filter(test).findFirst().orElse(null);
    }











    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString(Math.round(v)) : Double.toString(v);
    }












    /** The rail a supply pin should sit on (see {@link PowerPlanner#supplyRail}). */
    Rails.Rail supplyRail(Part part, PartPin pin, String label) {
        return power.supplyRail(part, pin, label);
    }

    /** A rail at {@code volts} with room for {@code amps} (see {@link PowerPlanner#rail}). */
    Optional<Rails.Rail> rail(double volts, double amps, String who) {
        return power.rail(volts, amps, who);
    }

    /** Puts a rail's feeding pin on its net the first time something uses it. */
    void use(Rails.Rail r) {
        power.use(r);
    }

    // ---------------------------------------------------------------- signals

    /**
     * Asks for a board pin for a device pin; the pin is chosen later, scarcest functions first, and {@code then}
     * wires it.
     */
    void request(PinSolver.Need need, String what, Consumer<PinSolver.Choice> then) {
        int priority = switch (need.function()) {
            case I2C_SDA, I2C_SCL -> 0;
            case SPI_MOSI, SPI_MISO, SPI_SCK -> 1;
            case UART_TX, UART_RX -> 2;
            case SPI_CS -> 3;
            case ADC -> 4;
            case PWM -> 5;
            case INTERRUPT -> 6;
            default -> 7;
        };
        pending.add(new Pending(priority, pending.size(), need, what, then, owner));
    }

    /** Chooses a pin now (buses need theirs before devices are wired onto them). */
    PinSolver.Choice chooseNow(PinSolver.Need need, String what) {
        return pins.choose(need).orElseThrow(() -> noPin(need, what));
    }

    void resolvePending() {
        pending.sort(Comparator.comparingInt(Pending::priority).thenComparingInt(Pending::order));
        for (Pending p : pending) {
            Optional<PinSolver.Choice> c = Optional.empty();
            List<PartPin> asked = p.owner() == null ? null : wanted.get(p.owner());
            if (asked != null && !asked.isEmpty()) {
                c = pins.takeWanted(asked.get(0), p.need());
                if (c.isPresent()) {
                    asked.remove(0);
                } else {
                    plan.note(asked.get(0).name() + " was asked for " + p.what() + " but cannot do "
                            + p.need().function() + " or is taken: another pin is used");
                    asked.remove(0);
                }
            }
            if (c.isEmpty()) {
                c = pins.choose(p.need());
            }
            if (c.isEmpty() && optionalPins.contains(p.what())) {
                plan.note(p.what() + " is left unconnected: " + board.id() + " has no free " + p.need().function()
                        + " pin (an ADS1115 would add four)");
                continue;
            }
            p.then().accept(c.orElseThrow(() -> noPin(p.need(), p.what())));
        }
        pending.clear();
    }

    private DesignException noPin(PinSolver.Need need, String what) {
        return new DesignException(DesignException.Reason.REFUSED, board.id() + " has no free pin that can do "
                + need.function() + " for " + what,
                List.of(bare != null ? "use a chip or board with more pins (atmega328p, arduino-mega-2560)"
                                : "use a board with more pins (arduino-mega-2560, esp32-devkit-v1)",
                        "move buttons or LEDs to an I2C expander (mcp23017, pcf8574-module)"));
    }

    /** The level a board pin drives: its own voltage, or for a bare chip the VCC it runs from. */
    double hostVolts(PartPin pin) {
        if (bare != null || pin.voltage() == null) {
            return logicV;
        }
        return pin.voltage();
    }

    String boardPin(PinSolver.Choice c) {
        return BOARD + ":" + pinRef(board, c.pin());
    }

    /** Level a device pin works at: its own voltage, its part's logic level, or its supply when that is lower. */
    double deviceLevel(String ref, Part part, PartPin pin) {
        double nominal = pin.voltage() != null && pin.voltage() > 0 ? pin.voltage()
                : part.logic() != null && part.logic().level() != null ? part.logic().level() : 0;
        if (nominal == 0 || part.onboard() != null && part.onboard().regulator() != null) {
            return nominal;
        }
        double supply = 0;
        for (PartPin p : part.pins()) {
            if (p.type() == PinType.POWER_IN && !p.can(PinFunction.GROUND)) {
                Optional<String> net = plan.netOf(ref + ":" + pinRef(part, p));
                if (net.isPresent()) {
                    Optional<Rails.Rail> r = rails.net(net.get());
                    if (r.isPresent()) {
                        supply = Math.max(supply, r.get().volts);
                    }
                }
            }
        }
        return supply > 0 && supply < nominal - 0.1 ? supply : nominal;
    }

    private boolean fragile(Part part, PartPin pin, double level) {
        if (level <= 0 || level > 3.6 || pin.has(PinFlag.FIVE_VOLT_TOLERANT)) {
            return false;
        }
        if (part.logic() != null && part.logic().isFiveVoltTolerant()) {
            return false;
        }
        return part.onboard() == null || !Boolean.TRUE.equals(part.onboard().levelShifting());
    }

    /**
     * Wires a device signal pin to a chosen board pin on net {@code net}, putting a divider between them when a 5 V
     * output would reach a 3.3 V input that is not 5 V tolerant.
     */
    void link(String net, String ref, Part part, PartPin devPin, PinSolver.Choice c, String signal) {
        String host = boardPin(c);
        String dev = ref + ":" + pinRef(part, devPin);
        double devLevel = deviceLevel(ref, part, devPin);
        double hostLevel = hostVolts(c.pin());
        boolean devDrives = devPin.type() == PinType.OUTPUT || devPin.type() == PinType.TRI_STATE
                || devPin.type() == PinType.BIDIRECTIONAL;
        boolean hostDrives = c.pin().type() != PinType.INPUT && !c.pin().has(PinFlag.INPUT_ONLY)
                && devPin.type() != PinType.OUTPUT && devPin.type() != PinType.OPEN_COLLECTOR;
        boolean boardFragile = fragile(board, c.pin(), hostLevel);
        boolean deviceFragile = fragile(part, devPin, devLevel) && devPin.type() != PinType.OUTPUT;
        boolean forced = hints.dividePins.contains(dev) || hints.dividePins.contains(host);
        // on a shared line (SPI) the board pin may already be wired, directly or through a divider
        Optional<String> hostNet = plan.netOf(host);
        if (devDrives && devLevel >= 4.5 && boardFragile || forced && devDrives && devLevel > hostLevel) {
            String tap = hostNet.orElse(net);
            if (tapNets.contains(tap)) {
                // a divider already feeds this input: another 5 V source only needs its own top resistor
                String top = plan.nextRef("R");
                plan.component(top, ComponentKind.RESISTOR, "resistor", "10k", "divider top for " + ref + " "
                        + devPin.name());
                plan.connect(net + "_" + netName(ref) + "_RAW", dev, top + ":1");
                plan.connect(tap, top + ":2");
                plan.why(top, top + " joins " + ref + " " + devPin.name() + " to the divider already on " + tap
                        + "; only one source drives the line at a time.");
            } else {
                divider(tap, dev, host, devLevel, hostLevel, ref + " " + devPin.name(), part.id() + ": "
                        + devPin.name() + " is a " + Values.v(devLevel) + " output", board.id() + ": "
                        + c.pin().name() + " is a " + Values.v(hostLevel) + " input, not 5 V tolerant");
            }
            if (devPin.type() == PinType.BIDIRECTIONAL) {
                plan.note(ref + " " + devPin.name() + " is bidirectional: the divider only protects the board's input;"
                        + " a bidirectional level shifter (BSS138) is the better fix");
            }
        } else if (hostDrives && hostLevel >= 4.5 && deviceFragile || forced && hostDrives && hostLevel > devLevel) {
            String tap = taps.get(host);
            if (tap != null) {
                plan.connect(tap, dev);
            } else {
                String tapNet = hostNet.isPresent() ? net + "_DIV" : net;
                divider(tapNet, host, dev, hostLevel, devLevel, ref + " " + devPin.name(), board.id() + ": "
                        + c.pin().name() + " drives " + Values.v(hostLevel), part.id() + ": " + devPin.name()
                        + " is a " + Values.v(devLevel) + " input, not 5 V tolerant");
                taps.put(host, tapNet);
            }
        } else {
            plan.connect(hostNet.orElse(net), host, dev);
        }
        plan.assign(signal, host, dev, c.reason());
    }

    /**
     * A divider from pin {@code from} (on its net already, or on {@code tap}_RAW) to {@code tap}, where {@code to}
     * sits, with the bottom resistor to GND.
     */
    private void divider(String tap, String from, String to, double high, double low, String what, String... facts) {
        dividers++;
        String top = plan.nextRef("R");
        String bottom = plan.nextRef("R");
        double rTop = 10_000;
        DesignPlan.Computation comp = Values.dividerBottom(bottom, rTop, high, low);
        plan.component(top, ComponentKind.RESISTOR, "resistor", Values.text(rTop, ""), "divider top for " + what);
        plan.component(bottom, ComponentKind.RESISTOR, "resistor", Values.text(comp.chosen(), ""),
                "divider bottom for " + what);
        String highNet = plan.netOf(from).orElse(tap + "_RAW");
        plan.connect(highNet, from, top + ":1");
        String tapNet = plan.netOf(to).orElse(tap);
        plan.connect(tapNet, top + ":2", bottom + ":1", to);
        plan.connect(GND, bottom + ":2");
        tapNets.add(tapNet);
        plan.compute(comp);
        plan.why(top + "/" + bottom, "A divider (" + Values.ohms(rTop) + " over " + Values.ohms(comp.chosen())
                + ") brings " + what + " from " + Values.v(high) + " to " + comp.resultNote() + ".", facts);
    }

    // ---------------------------------------------------------------- buses

    private void wireSpi(List<Device> devices) {
        Map<PinFunction, String> shared = new LinkedHashMap<>();
        shared.put(PinFunction.SPI_SCK, "SCK");
        shared.put(PinFunction.SPI_MOSI, "MOSI");
        shared.put(PinFunction.SPI_MISO, "MISO");
        Map<PinFunction, PinSolver.Choice> hostPins = new HashMap<>();
        boolean pushPullMiso = false;
        for (Device d : devices) {
            wirePower(d.ref(), d.part(), d.label());
            PartInterface spi = d.part().interfaceOf(InterfaceKind.SPI).orElseThrow();
            for (PartPin p : d.part().pins()) {
                if (!spi.uses(p) || p.isPower()) {
                    continue;
                }
                PinFunction f = spiFunction(p);
                if (f == PinFunction.SPI_MISO && p.type() == PinType.OUTPUT && pushPullMiso) {
                    // two push-pull MISO outputs on one line fight: this one gets its own input pin
                    String net = "MISO_" + d.label();
                    request(new PinSolver.Need(PinFunction.SPI_MISO, PinSolver.Direction.IN, true, false),
                            d.label() + " MISO", c -> link(net, d.ref(), d.part(), p, c, "SPI MISO " + d.label()));
                    plan.note(d.label() + "'s MISO is a push-pull output that never releases the line, so it gets "
                            + "its own input pin (a second SPI port or a bit-banged read) instead of sharing MISO");
                    continue;
                }
                if (f == PinFunction.SPI_MISO && p.type() == PinType.OUTPUT) {
                    pushPullMiso = true;
                }
                if (f != null && shared.containsKey(f)) {
                    PinSolver.Choice c = hostPins.computeIfAbsent(f, k -> chooseNow(new PinSolver.Need(k,
                            k == PinFunction.SPI_MISO ? PinSolver.Direction.IN : PinSolver.Direction.OUT, false,
                            false), "SPI " + shared.get(k)));
                    link(shared.get(f), d.ref(), d.part(), p, c, "SPI " + shared.get(f));
                } else if (f == PinFunction.SPI_CS) {
                    String net = "CS_" + d.label();
                    request(new PinSolver.Need(PinFunction.SPI_CS, PinSolver.Direction.OUT, true, false),
                            d.label() + " chip select", c -> link(net, d.ref(), d.part(), p, c, "SPI CS " + d.label()));
                } else {
                    wireDigital(d, p);
                }
            }
        }
        plan.why("SPI", "SPI devices share SCK, MOSI and MISO on the board's default SPI pins; each has its own chip "
                + "select.", devices.stream().map(d -> d.part().id() + ": SPI").distinct().toArray(String[]::new));
    }

    private static PinFunction spiFunction(PartPin p) {
        for (PinFunction f : List.of(PinFunction.SPI_SCK, PinFunction.SPI_MOSI, PinFunction.SPI_MISO,
                PinFunction.SPI_CS)) {
            if (p.can(f)) {
                return f;
            }
        }
        return null;
    }

    private void wireUart(Device d) {
        wirePower(d.ref(), d.part(), d.label());
        PartInterface uart = d.part().interfaceOf(InterfaceKind.UART).orElseThrow();
        for (PartPin p : d.part().pins()) {
            if (!uart.uses(p) || p.isPower()) {
                continue;
            }
            if (p.can(PinFunction.UART_TX)) {
                String net = d.label() + "_TX";
                PinSolver.Need rx = new PinSolver.Need(PinFunction.UART_RX, PinSolver.Direction.IN, true, false);
                request(deviceLevel(d.ref(), d.part(), p) >= 4.5 && logicV < 4.5
                                || d.part().onboard() != null && d.part().onboard().pulledUp(p.name())
                                ? rx.offStrapping() : rx,
                        d.label() + " TX", c -> {
                            link(net, d.ref(), d.part(), p, c, "UART " + d.label() + " TX → board RX");
                            softSerial(c, d);
                        });
            } else if (p.can(PinFunction.UART_RX)) {
                String net = d.label() + "_RX";
                PinSolver.Need tx = new PinSolver.Need(PinFunction.UART_TX, PinSolver.Direction.OUT, true, false);
                boolean held = d.part().onboard() != null && d.part().onboard().pulledUp(p.name());
                request(held ? tx.offStrapping() : tx,
                        d.label() + " RX", c -> {
                            link(net, d.ref(), d.part(), p, c, "UART board TX → " + d.label() + " RX");
                            softSerial(c, d);
                        });
            } else {
                wireDigital(d, p);
            }
        }
        Integer baud = uart.baud();
        plan.why("UART " + d.label(), d.label() + " talks UART, crossed: its TX goes to a board RX pin and its RX to a "
                        + "board TX pin" + (baud != null ? ", " + baud + " baud by default" : "") + ".",
                d.part().id() + ": UART " + String.join("/", uart.pins()));
    }

    private void softSerial(PinSolver.Choice c, Device d) {
        if (c.fallback()) {
            plan.note(d.label() + " uses a software serial port on " + c.pin().name() + (bare != null ? ": "
                    + board.id() + " has no free hardware UART pin" : ": the board's hardware UART pins are reserved"
                    + " for USB"));
        }
    }

    private void wireOneWire(List<Device> devices) {
        Device first = devices.get(0);
        String net = first.label().replaceAll("_\\d+$", "") + "_DATA";
        List<Object[]> dataPins = new ArrayList<>();
        for (Device d : devices) {
            wirePower(d.ref(), d.part(), d.label());
            PartInterface ow = d.part().interfaceOf(InterfaceKind.ONE_WIRE).orElseThrow();
            for (PartPin p : d.part().pins()) {
                if (ow.uses(p) && !p.isPower()) {
                    dataPins.add(new Object[] {d, p});
                }
            }
        }
        request(PinSolver.Need.of(PinFunction.GPIO, PinSolver.Direction.BIDIR).offStrapping(), "1-Wire bus", c -> {
            for (Object[] dp : dataPins) {
                Device d = (Device) dp[0];
                link(net, d.ref(), d.part(), (PartPin) dp[1], c, "1-Wire data " + d.label());
            }
            boolean onboard = devices.stream().anyMatch(d -> d.part().onboard() != null
                    && d.part().onboard().pulledUp(((PartPin) dataPins.get(0)[1]).name()));
            if (!onboard) {
                Rails.Rail rail = railOf(first).orElse(rails.at(logicV).orElseThrow());
                pullUp(net, rail, 4700, "1-Wire pull-up", first.part().id() + ": 1-Wire data is open-drain, "
                        + "4.7 kΩ pull-up to its supply (datasheet)");
            }
        });
        plan.why("1-Wire", devices.size() + " 1-Wire device(s) share one data line with one pull-up; each answers at "
                + "its own 64-bit ROM code.", first.part().id() + ": 1-Wire DQ, open-drain");
    }

    Optional<Rails.Rail> railOf(Device d) {
        for (PartPin p : d.part().pins()) {
            if (p.type() == PinType.POWER_IN && !p.can(PinFunction.GROUND)) {
                Optional<String> net = plan.netOf(d.ref() + ":" + pinRef(d.part(), p));
                if (net.isPresent()) {
                    return rails.net(net.get());
                }
            }
        }
        return Optional.empty();
    }

    /** A pull-up resistor from {@code net} to a rail. */
    String pullUp(String net, Rails.Rail rail, double ohms, String purpose, String... facts) {
        use(rail);
        String r = plan.nextRef("R");
        plan.component(r, ComponentKind.RESISTOR, "resistor", Values.text(ohms, ""), purpose + " on " + net);
        plan.connect(rail.net, r + ":1");
        plan.connect(net, r + ":2");
        rail.draw(rail.volts / ohms);
        plan.why(r, purpose + ": " + Values.ohms(ohms) + " from " + net + " to " + rail.net + " ("
                + Values.v(rail.volts) + ").", facts);
        return r;
    }

    /** Pins of an interface other than the bus (an interrupt line, a reset) and analog or digital extras. */
    /** Warns where a module's own I2C pull-ups go to a supply above the board's logic level. */
    void checkOnboardPullUps(Device d) {
        if (d.part().onboard() == null || logicV > 3.6) {
            return;
        }
        Optional<Rails.Rail> rail = railOf(d);
        for (dev.kirchhoff.knowledge.Onboard.PullUp up : d.part().onboard().pullUps()) {
            boolean toSupply = up.to() != null
                    && d.part().pin(up.to()).map(p -> p.type() == PinType.POWER_IN).orElse(false);
            if (toSupply && rail.isPresent() && rail.get().volts > logicV + 0.3
                    && up.pins().stream().anyMatch(n -> n.equalsIgnoreCase("SDA") || n.equalsIgnoreCase("SCL"))) {
                plan.note(d.label() + "'s on-board " + Values.ohms(up.ohms()) + " pull-ups go to its " + up.to()
                        + " pin, on " + rail.get().net + " (" + Values.v(rail.get().volts) + "): they lift SDA/SCL "
                        + "above the board's " + Values.v(logicV) + "; remove them or fit an I2C level shifter");
            }
        }
    }

    private void wireExtras(Device d, InterfaceKind bus) {
        PartInterface main = d.part().interfaceOf(bus).orElseThrow();
        owner = d.label();
        wireLooseInputs(d);
        for (PartInterface itf : d.part().interfaces()) {
            if (itf.kind() != InterfaceKind.DIGITAL && itf.kind() != InterfaceKind.ANALOG) {
                continue;
            }
            for (PartPin p : d.part().pins()) {
                if (itf.uses(p) && !main.uses(p) && !p.isPower() && signalPin(p)) {
                    if (itf.kind() == InterfaceKind.ANALOG) {
                        if (p.type() == PinType.OUTPUT) {
                            wireAnalog(d, p);
                        }
                    } else {
                        wireDigital(d, p);
                    }
                }
            }
        }
    }

    private static boolean signalPin(PartPin p) {
        return p.type() == PinType.INPUT || p.type() == PinType.OUTPUT || p.type() == PinType.BIDIRECTIONAL
                || p.type() == PinType.OPEN_COLLECTOR || p.type() == PinType.TRI_STATE
                || p.type() == PinType.PASSIVE && p.can(PinFunction.GPIO);
    }

    // ---------------------------------------------------------------- modules

    private void wireModule(Device d) {
        Part part = d.part();
        wirePower(d.ref(), part, d.label());
        if (part.interfaces().isEmpty() && part.pins().stream().allMatch(p -> p.type() == PinType.PASSIVE)) {
            mate(d);
            return;
        }
        wireLooseInputs(d);
        Set<String> done = new HashSet<>();
        for (PartInterface itf : part.interfaces()) {
            for (PartPin p : part.pins()) {
                if (!itf.uses(p) || p.isPower() || !signalPin(p) || !done.add(p.number())) {
                    continue;
                }
                switch (itf.kind()) {
                    case ANALOG -> {
                        if (p.type() == PinType.OUTPUT) {
                            wireAnalog(d, p);
                        }
                    }
                    case PWM -> {
                        if (p.type() == PinType.INPUT && !pwmOutputs.isEmpty() && part.category() != Category.DRIVER) {
                            String[] o = pwmOutputs.remove(0);
                            plan.connect(o[2] + "_" + netName(o[1]), o[0] + ":" + o[1],
                                    d.ref() + ":" + pinRef(part, p));
                            plan.why(d.label() + " " + p.name(), d.label() + "'s " + p.name() + " takes channel " + o[1]
                                    + " of the driver module " + o[0] + ", which generates the pulses.");
                        } else if (p.type() == PinType.INPUT) {
                            String net = d.label() + "_" + netName(p.name());
                            request(new PinSolver.Need(PinFunction.PWM, PinSolver.Direction.OUT, false, false),
                                    d.label() + " " + p.name(), c -> link(net, d.ref(), part, p, c,
                                            "PWM " + d.label() + " " + p.name()));
                        }
                    }
                    case SINGLE_WIRE -> {
                        if (p.type() != PinType.OUTPUT) {
                            wireSingleWire(d, p);
                        }
                    }
                    case PARALLEL -> {
                        if (fourBitSkip(part, itf, p)) {
                            continue;
                        }
                        if (p.name().equalsIgnoreCase("RW") && p.type() == PinType.INPUT) {
                            plan.connect(GND, d.ref() + ":" + pinRef(part, p));
                            plan.note(d.label() + " runs in 4-bit write-only mode: RW tied to GND, D0-D3 open");
                            continue;
                        }
                        wireDigital(d, p);
                    }
                    case DIGITAL, I2S -> wireDigital(d, p);
                    default -> {
                    }
                }
            }
        }
        if (part.category() == Category.ACTUATOR && part.form() == Form.MODULE) {
            plan.why(d.label(), d.label() + " is a module with its own driver transistor and flyback diode: a GPIO "
                    + "drives its input directly.", part.id() + ": input takes a few mA");
        }
    }

    /** In an 8-bit parallel bus (D0-D7), the low nibble stays open: 4-bit mode saves four pins. */
    private static boolean fourBitSkip(Part part, PartInterface itf, PartPin p) {
        boolean eightBit = itf.pins().stream().anyMatch(n -> n.equalsIgnoreCase("D7"))
                && itf.pins().stream().anyMatch(n -> n.equalsIgnoreCase("D0"));
        return eightBit && p.name().matches("(?i)D[0-3]");
    }

    /**
     * Input pins outside every interface: a GPIO control line (a radio's chip enable) gets a board pin; on a bare
     * logic chip an active-low enable is tied low and an active-low reset tied high, so the chip runs.
     */
    private void wireLooseInputs(Device d) {
        Part part = d.part();
        for (PartPin p : part.pins()) {
            if (p.type() != PinType.INPUT || part.interfaces().stream().anyMatch(i -> i.uses(p))
                    || plan.netOf(d.ref() + ":" + pinRef(part, p)).isPresent() || addressPin(part, p)) {
                continue;
            }
            if (p.can(PinFunction.GPIO)) {
                wireDigital(d, p);
            } else if (part.form() != Form.IC && p.has(PinFlag.MUST_DRIVE) && p.has(PinFlag.ACTIVE_LOW)) {
                holdHigh(d, p);
            } else if (part.form() == Form.IC && p.has(PinFlag.ACTIVE_LOW) && p.can(PinFunction.RESET)) {
                Rails.Rail r = railOf(d).orElse(rails.at(logicV).orElseThrow());
                plan.connect(r.net, d.ref() + ":" + pinRef(part, p));
                plan.why(d.label() + " " + p.name(), d.label() + "'s active-low " + p.name() + " is tied to " + r.net
                        + " so the chip is never held in reset.");
            } else if (part.form() == Form.IC && p.has(PinFlag.ACTIVE_LOW)) {
                plan.connect(GND, d.ref() + ":" + pinRef(part, p));
                plan.why(d.label() + " " + p.name(), d.label() + "'s active-low " + p.name() + " is tied to GND so its "
                        + "outputs are always enabled.");
            }
        }
    }

    /**
     * A module's active-low input that stops the part when open (a stepper driver's RESET) is held high: on the rail
     * of the module's own supply pin when that rail stays within the pin's level (an A4988's VDD), else on the
     * board's logic rail (a DRV8825, whose only supply pin is the motor's VMOT).
     */
    private void holdHigh(Device d, PartPin p) {
        Part part = d.part();
        Rails.Rail r = null;
        for (PartPin q : part.pins()) {
            if (q.type() != PinType.POWER_IN || q.can(PinFunction.GROUND)) {
                continue;
            }
            Optional<Rails.Rail> at = plan.netOf(d.ref() + ":" + pinRef(part, q)).flatMap(rails::net);
            if (at.isPresent() && (p.voltage() == null || at.get().volts <= p.voltage() + 0.1)) {
                r = at.get();
                break;
            }
        }
        if (r == null) {
            r = rails.at(logicV).orElseThrow();
        }
        use(r);
        plan.connect(r.net, d.ref() + ":" + pinRef(part, p));
        plan.why(d.label() + " " + p.name(), d.label() + "'s active-low " + p.name() + " is tied to " + r.net + " ("
                + Values.v(r.volts) + "): open, it would hold " + part.id() + " stopped, so it is held high.",
                part.id() + ": " + p.name() + " active low, must be driven" + (p.notes() == null ? ""
                        : " (" + p.notes() + ")"));
    }

    /** Whether an interface's address-select text names this pin (an I2C address strap, not a control line). */
    private static boolean addressPin(Part part, PartPin p) {
        for (PartInterface i : part.interfaces()) {
            String text = i.addressSelect();
            if (text != null && Pattern.compile("(?i)\\b" + Pattern.quote(p.name()) + "\\b").matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** A passive device without an interface (a load cell) joins the module pins that carry its pin names. */
    private void mate(Device d) {
        if (d.part().form() != Form.DEVICE) {
            return;
        }
        for (PartPin p : d.part().pins()) {
            boolean done = false;
            for (Pinouts.Resolved other : pinouts.parts()) {
                if (done || other.part() == d.part() || other.request().role() == PartRole.BOARD
                        || other.part().form() != Form.MODULE) {
                    continue;
                }
                String ref = plan.build().components().stream().filter(c -> other.part().id().equals(c.part()))
                        .map(DesignPlan.PlannedComponent::ref).findFirst().orElse(null);
                if (ref == null) {
                    continue;
                }
                for (PartPin q : other.part().pins()) {
                    if (sameName(p, q) && q.type() != PinType.POWER_IN) {
                        String existing = plan.netOf(ref + ":" + pinRef(other.part(), q)).orElse(null);
                        String net = existing != null ? existing : d.label() + "_" + netName(p.name());
                        plan.connect(net, ref + ":" + pinRef(other.part(), q), d.ref() + ":" + pinRef(d.part(), p));
                        done = true;
                        break;
                    }
                }
            }
        }
        plan.why(d.label(), d.label() + "'s wires go to the module pins of the same names.");
    }

    private static boolean sameName(PartPin a, PartPin b) {
        List<String> an = new ArrayList<>(a.aliases());
        an.add(a.name());
        for (String n : an) {
            if (b.answersTo(n)) {
                return true;
            }
        }
        return false;
    }

    private void wireAnalog(Device d, PartPin p) {
        if (stage != null && stage.takesInput(d, p)) {
            return; // the op-amp stage amplifies it before it reaches an ADC pin
        }
        String net = d.label() + "_" + netName(p.name());
        // a module that also talks digitally still works without its analog output when the ADC pins run out
        boolean optional = d.part().interfaces().stream().anyMatch(i -> i.kind() != InterfaceKind.ANALOG
                && i.kind() != InterfaceKind.WIFI && i.kind() != InterfaceKind.BLUETOOTH && i.kind() != InterfaceKind.RADIO
                && !i.pins().isEmpty());
        if (optional) {
            optionalPins.add(d.label() + " " + p.name());
        }
        request(new PinSolver.Need(PinFunction.ADC, PinSolver.Direction.IN, false, false), d.label() + " " + p.name(),
                c -> {
                    link(net, d.ref(), d.part(), p, c, "analog " + d.label() + " " + p.name());
                    if (c.pin().has(PinFlag.WIFI_CONFLICT) && pins.hasWifi()) {
                        plan.note(d.label() + " " + p.name() + " is on " + c.pin().name()
                                + " (ADC2): analogRead fails while Wi-Fi runs; no ADC1 pin was free");
                    }
                });
    }

    private void wireDigital(Device d, PartPin p) {
        String net = d.label() + "_" + netName(p.name());
        PinSolver.Direction dir = p.type() == PinType.INPUT ? PinSolver.Direction.OUT
                : p.type() == PinType.OUTPUT || p.type() == PinType.OPEN_COLLECTOR ? PinSolver.Direction.IN
                : PinSolver.Direction.BIDIR;
        boolean interrupt = p.can(PinFunction.INTERRUPT) && dir == PinSolver.Direction.IN;
        boolean needsPull = p.type() == PinType.OPEN_COLLECTOR && (d.part().onboard() == null
                || !d.part().onboard().pulledUp(p.name()));
        PinSolver.Need need = new PinSolver.Need(interrupt ? PinFunction.INTERRUPT : PinFunction.GPIO, dir, interrupt,
                needsPull);
        boolean held = d.part().onboard() != null && d.part().onboard().pulledUp(p.name());
        if (dir != PinSolver.Direction.OUT && deviceLevel(d.ref(), d.part(), p) >= 4.5 && logicV < 4.5 || needsPull
                || held) {
            need = need.offStrapping();
        }
        request(need, d.label() + " " + p.name(), c -> {
            link(net, d.ref(), d.part(), p, c, "digital " + d.label() + " " + p.name());
            if (needsPull) {
                if (c.pin().has(PinFlag.INTERNAL_PULLUP) && !hints.externalPullUps) {
                    plan.note(d.label() + " " + p.name() + " is open-collector: enable the internal pull-up on "
                            + c.pin().name() + " (INPUT_PULLUP)");
                } else {
                    pullUp(net, rails.at(logicV).orElseThrow(), 10_000, "pull-up for the open-collector "
                            + d.label() + " " + p.name(), d.part().id() + ": " + p.name() + " is open-collector");
                }
            }
        });
    }

    private void wireSingleWire(Device d, PartPin p) {
        if (PixelData.isPixelInput(d.part(), p)) {
            new PixelData(this).wire(d, p);
            return;
        }
        String net = d.label() + "_DATA";
        PinSolver.Direction dir = p.type() == PinType.INPUT ? PinSolver.Direction.OUT : PinSolver.Direction.BIDIR;
        request(PinSolver.Need.of(PinFunction.GPIO, dir).offStrapping(), d.label() + " data", c -> {
            link(net, d.ref(), d.part(), p, c, "single-wire data " + d.label());
            boolean bare = d.part().onboard() == null || !d.part().onboard().pulledUp(p.name());
            if (bare) {
                // a pull-up above the board's logic level would lift a 3.3 V pin to 5 V
                Rails.Rail own = railOf(d).orElse(rails.at(logicV).orElseThrow());
                Rails.Rail rail = own.volts > logicV + 0.2 ? rails.at(logicV).orElseThrow() : own;
                use(rail);
                pullUp(net, rail, 10_000, "data pull-up for " + d.label(), d.part().id()
                        + ": open-drain single-wire data, bare part without an on-board pull-up (4.7–10 kΩ)");
            }
        });
    }

    // ---------------------------------------------------------------- LEDs, switches, potentiometers

    private void wireLed(Device d) {
        Part part = d.part();
        // cathodes (K, K1.., a common-cathode COM) go to GND; every other pin is an anode with its own resistor
        List<PartPin> anodes = new ArrayList<>();
        List<PartPin> cathodes = new ArrayList<>();
        for (PartPin p : part.pins()) {
            if (p.name().matches("(?i)K\\d*|COM\\d*")) {
                cathodes.add(p);
            } else {
                anodes.add(p);
            }
        }
        if (cathodes.isEmpty() || anodes.isEmpty()) {
            wireModule(d);
            return;
        }
        plan.remove(d.ref());
        boolean single = anodes.size() == 1;
        if (single) {
            plan.component(d.ref(), ComponentKind.LED, part.id(), null, purpose(part, d.request()));
            plan.connect(GND, d.ref() + ":K");
        } else {
            plan.part(d.ref(), part.id(), purpose(part, d.request()));
            for (PartPin k : cathodes) {
                plan.connect(GND, d.ref() + ":" + pinRef(part, k));
            }
            if (cathodes.stream().anyMatch(k -> k.name().startsWith("COM"))) {
                plan.note(d.label() + " is taken to be the common-cathode variant (COM to GND); a common-anode "
                        + "part needs COM on the supply and the segment pins driven low");
            }
        }
        boolean dim = Pattern.compile("(?i)dim|fade|brightness|pwm|breath").matcher(d.request().phrase() + " "
                + req.prompt()).find();
        for (PartPin anode : anodes) {
            int n = ++leds;
            String net = "LED" + n;
            String aRef = d.ref() + ":" + (single ? "A" : pinRef(part, anode));
            double vf = ledVf(part, anode);
            double ifRated = part.model() == null ? 0.02 : part.model().parameter("if", 0.02);
            if (!gpioOutputs.isEmpty()) {
                // a shift register or expander in the design drives the LEDs
                Object[] o = gpioOutputs.remove(0);
                Device x = (Device) o[0];
                PartPin q = (PartPin) o[1];
                ledFrom(d, net, aRef, vf, ifRated, x.ref() + ":" + pinRef(x.part(), q), q, x.part(),
                        "output " + q.name() + " of " + x.label());
                continue;
            }
            request(new PinSolver.Need(dim ? PinFunction.PWM : PinFunction.GPIO, PinSolver.Direction.OUT, dim, false),
                    "LED " + d.label(), c -> ledFrom(d, net, aRef, vf, ifRated, boardPin(c), c.pin(), board,
                            c.reason()));
        }
    }

    /** The series resistor from a driving pin to an LED's anode, computed from the pin's level and the LED's Vf. */
    private void ledFrom(Device d, String net, String aRef, double vf, double ifRated, String host, PartPin pin,
                         Part hostPart, String reason) {
        Part part = d.part();
        double volts = hostPart == board ? hostVolts(pin) : pin.voltage() != null ? pin.voltage() : logicV;
        double pinMax = pin.maxCurrent() != null ? pin.maxCurrent() : 0.02;
        double target = req.value(Quantity.CURRENT).map(v -> v.value()).orElse(0.010);
        target = Math.min(target, Math.min(0.75 * pinMax, ifRated));
        String r = plan.nextRef("R");
        DesignPlan.Computation comp = Values.ledResistor(r, volts, vf, target);
        plan.component(r, ComponentKind.RESISTOR, "resistor", Values.text(comp.chosen(), ""),
                "series resistor for " + d.ref());
        plan.connect(net, host, r + ":1");
        plan.connect(net + "_A", r + ":2", aRef);
        plan.assign("LED " + d.ref(), host, r + ":1", reason);
        plan.compute(comp);
        plan.why(r, r + " sets " + d.ref() + "'s current to " + comp.resultNote() + " from the "
                        + Values.v(volts) + " pin " + pin.name() + " (target " + Values.ma(target)
                        + ", below the pin's " + Values.ma(pinMax) + ").",
                part.id() + ": Vf " + Values.v(vf) + ", If max " + Values.ma(part.model() == null
                        ? 0.02 : part.model().parameter("ifMax", 0.02)),
                hostPart.id() + ": " + pin.name() + " " + Values.v(volts) + ", max " + Values.ma(pinMax));
        if (volts - vf < 0.5) {
            plan.note(d.ref() + ": only " + Values.v(volts - vf) + " headroom between the pin and the "
                    + "LED's forward voltage; brightness varies between LEDs");
        }
        rails.at(logicV).ifPresent(rl -> rl.draw((volts - vf) / comp.chosen()));
    }

    private static double ledVf(Part part, PartPin anode) {
        if (part.model() == null) {
            return 2.0;
        }
        Map<String, Double> params = part.model().parameters();
        for (String a : anode.aliases()) {
            String key = "vf" + a.substring(0, 1).toUpperCase(Locale.ROOT) + a.substring(1).toLowerCase(Locale.ROOT);
            if (params.containsKey(key)) {
                return params.get(key);
            }
        }
        return part.model().parameter("vf", 2.0);
    }

    private void wireSwitch(Device d) {
        Part part = d.part();
        int n = ++buttons;
        String net = (part.id().contains("slide") ? "SWITCH" : "BTN") + n;
        Rails.Rail logic = rails.at(logicV).orElseThrow();
        if (part.pins().size() == 3) {
            PartPin com = part.pin("COM").orElse(part.pins().get(1));
            List<PartPin> throwsList = part.pins().stream().filter(p -> p != com).toList();
            request(PinSolver.Need.of(PinFunction.GPIO, PinSolver.Direction.IN).offStrapping(), "switch " + d.ref(),
                    c -> {
                use(logic);
                plan.connect(net, boardPin(c), d.ref() + ":" + pinRef(part, com));
                plan.connect(GND, d.ref() + ":" + pinRef(part, throwsList.get(0)));
                plan.connect(logic.net, d.ref() + ":" + pinRef(part, throwsList.get(1)));
                plan.assign("switch " + d.ref(), boardPin(c), d.ref() + ":" + pinRef(part, com), c.reason());
                plan.why(d.ref(), d.ref() + " ties " + c.pin().name() + " to GND or " + logic.net
                        + " in its two positions, so the input never floats.", part.id() + ": SPDT");
            });
            return;
        }
        String a = pinRef(part, part.pins().get(0));
        String b = pinRef(part, part.pins().size() >= 4 ? part.pins().get(2) : part.pins().get(1));
        boolean pullDownAsked = req.has(Constraint.PULL_DOWN);
        boolean externalAsked = pullDownAsked || req.has(Constraint.PULL_UP) || hints.externalPullUps;
        // a pull-up or pull-down holds the pin at reset: keep it off the boot straps
        request(new PinSolver.Need(PinFunction.GPIO, PinSolver.Direction.IN, false, !externalAsked).offStrapping(),
                "button " + d.ref(),
                c -> {
                    // a boot strap that must be low at reset gets the pull-down wiring, whatever else was asked
                    boolean strapLow = c.pin().has(PinFlag.STRAPPING) && c.pin().notes() != null
                            && Pattern.compile("(?i)must be low|fails if pulled high").matcher(c.pin().notes()).find();
                    boolean pullDown = pullDownAsked || strapLow;
                    boolean external = pullDown || externalAsked;
                    boolean internalUp = !external && c.pin().has(PinFlag.INTERNAL_PULLUP);
                    boolean internalDown = !external && !internalUp && c.pin().has(PinFlag.INTERNAL_PULLDOWN);
                    plan.connect(net, boardPin(c), d.ref() + ":" + a);
                    plan.assign("button " + d.ref(), boardPin(c), d.ref() + ":" + a, c.reason());
                    if (pullDown || internalDown) {
                        use(logic);
                        plan.connect(logic.net, d.ref() + ":" + b);
                    } else {
                        plan.connect(GND, d.ref() + ":" + b);
                    }
                    if (internalUp) {
                        plan.why(d.ref(), d.ref() + " pulls " + c.pin().name() + " to GND when pressed; the pin's "
                                        + "internal pull-up holds it high otherwise (pinMode INPUT_PULLUP), so no "
                                        + "resistor is needed.",
                                board.id() + ": " + c.pin().name() + " has an internal pull-up");
                    } else if (internalDown) {
                        plan.why(d.ref(), d.ref() + " pulls " + c.pin().name() + " to " + logic.net + " when pressed; "
                                + "the pin's internal pull-down holds it low otherwise.", board.id() + ": "
                                + c.pin().name() + " has an internal pull-down");
                    } else if (pullDown) {
                        String r = plan.nextRef("R");
                        plan.component(r, ComponentKind.RESISTOR, "resistor", "10k", "pull-down for " + d.ref());
                        plan.connect(net, r + ":1");
                        plan.connect(GND, r + ":2");
                        plan.why(r, r + " (10 kΩ) holds " + c.pin().name() + " low until " + d.ref()
                                        + " connects it to " + logic.net + " (" + Values.ma(logic.volts / 10_000)
                                        + " while pressed), " + (pullDownAsked ? "as the prompt asked for pull-down "
                                        + "resistors." : "because " + c.pin().name() + " must be low at reset."),
                                "pull-down: 10 kΩ, " + Values.ma(logic.volts / 10_000) + " when pressed");
                        logic.draw(logic.volts / 10_000);
                    } else {
                        pullUp(net, logic, 10_000, "pull-up for " + d.ref(), board.id() + ": " + c.pin().name()
                                + (c.pin().has(PinFlag.INTERNAL_PULLUP) ? " (external resistor asked for)"
                                : " has no internal pull-up"));
                    }
                });
    }

    private void wirePot(Device d) {
        Part part = d.part();
        Rails.Rail logic = rails.at(logicV).orElseThrow();
        PartPin wiper = part.pins().get(1);
        for (Device other : devicesSoFar) {
            for (PartPin p : other.part().pins()) {
                String pin = other.ref() + ":" + pinRef(other.part(), p);
                if (p.type() == PinType.INPUT && p.can(PinFunction.ANALOG) && other.part().form() == Form.MODULE
                        && other.part().interfaces().stream().noneMatch(i -> i.uses(p)) && plan.netOf(pin).isEmpty()) {
                    // an analog trim input (an LCD's contrast V0) is what a lone potentiometer is for
                    Rails.Rail r = railOf(other).orElse(logic);
                    use(r);
                    plan.connect(GND, d.ref() + ":" + pinRef(part, part.pins().get(0)));
                    plan.connect(r.net, d.ref() + ":" + pinRef(part, part.pins().get(2)));
                    plan.connect(other.label() + "_" + netName(p.name()), pin, d.ref() + ":" + pinRef(part, wiper));
                    plan.why(d.ref(), d.ref() + " sets " + other.label() + "'s " + p.name() + " anywhere between GND and "
                            + r.net + " (contrast adjustment).", other.part().id() + ": " + p.name() + " analog input");
                    return;
                }
            }
        }
        request(new PinSolver.Need(PinFunction.ADC, PinSolver.Direction.IN, false, false), d.ref() + " wiper", c -> {
            use(logic);
            String net = "POT" + d.ref().replaceAll("\\D", "");
            plan.connect(GND, d.ref() + ":" + pinRef(part, part.pins().get(0)));
            plan.connect(logic.net, d.ref() + ":" + pinRef(part, part.pins().get(2)));
            plan.connect(net, boardPin(c), d.ref() + ":" + pinRef(part, wiper));
            plan.assign("potentiometer " + d.ref(), boardPin(c), d.ref() + ":" + pinRef(part, wiper), c.reason());
            plan.why(d.ref(), d.ref() + " spans GND to " + logic.net + ", so its wiper gives 0–" + Values.v(logic.volts)
                    + ", the ADC's full range.", part.id() + ": 3-terminal potentiometer");
        });
    }

    private void wireResistiveSensor(Device d) {
        Part part = d.part();
        Rails.Rail logic = rails.at(logicV).orElseThrow();
        double nominal = part.model().parameter("resistance", 10_000);
        request(new PinSolver.Need(PinFunction.ADC, PinSolver.Direction.IN, false, false), d.label(), c -> {
            use(logic);
            String net = d.label() + "_SENSE";
            String r = plan.nextRef("R");
            double chosen = dev.kirchhoff.agents.recipes.ESeries.E12.nearest(nominal);
            plan.component(r, ComponentKind.RESISTOR, "resistor", Values.text(chosen, ""), "divider with " + d.ref());
            plan.connect(logic.net, d.ref() + ":" + pinRef(part, part.pins().get(0)));
            plan.connect(net, d.ref() + ":" + pinRef(part, part.pins().get(1)), r + ":1", boardPin(c));
            plan.connect(GND, r + ":2");
            plan.assign("analog " + d.label(), boardPin(c), d.ref() + ":" + pinRef(part, part.pins().get(1)),
                    c.reason());
            plan.compute(new DesignPlan.Computation(r, "resistance", "R = R_sensor,nominal = " + Values.ohms(nominal),
                    nominal, chosen, "E12", "mid-scale (" + Values.v(logic.volts / 2) + ") at the nominal reading"));
            plan.why(r, r + " and " + d.ref() + " form a divider from " + logic.net + "; equal to the sensor's "
                    + "nominal resistance it puts the reading mid-scale, where the divider is most sensitive.",
                    part.id() + ": nominal " + Values.ohms(nominal));
        });
    }

    // ---------------------------------------------------------------- loads



    /** Output channels of driver and logic chips that servos (PWM) and LEDs (GPIO) can hang on. */
    private void collectOutputs(List<Device> devices) {
        for (Device d : devices) {
            Part part = d.part();
            if (part.category() != Category.DRIVER && part.category() != Category.LOGIC) {
                continue;
            }
            for (PartPin p : part.pins()) {
                boolean out = p.type() == PinType.OUTPUT || p.type() == PinType.TRI_STATE;
                if (out && p.can(PinFunction.PWM) && part.category() == Category.DRIVER) {
                    pwmOutputs.add(new String[] {d.ref(), pinRef(part, p), d.label()});
                } else if (out && p.can(PinFunction.GPIO)
                        && part.interfaces().stream().noneMatch(i -> i.uses(p))) {
                    gpioOutputs.add(new Object[] {d, p});
                }
            }
        }
    }

    /**
     * Board pins the prompt names ("LED on pin 13", "button on GPIO4"). The pin wishes the identify stage read (the
     * offline identifier or a model) come first, each to a device of the part it names; a pin the text names that no
     * wish covers goes to the device whose phrase is nearest, preferring one written before the pin ("a red LED on
     * PB4 and a button": the LED).
     */
    private void readPinHints(List<Device> devices) {
        Set<String> handled = new HashSet<>();
        for (PinWish w : req.pinWishes()) {
            PartPin pin = boardPin(w.boardPin());
            if (pin == null) {
                continue;
            }
            Device owner = null;
            for (Device d : devices) {
                if (d.request() != null && d.request().id().equals(w.partId())) {
                    int had = wanted.getOrDefault(d.label(), List.of()).size();
                    if (owner == null || had < wanted.getOrDefault(owner.label(), List.of()).size()) {
                        owner = d;
                    }
                }
            }
            if (owner != null) {
                wanted.computeIfAbsent(owner.label(), k -> new ArrayList<>()).add(pin);
                handled.add(pin.number());
            }
        }
        String text = req.prompt().toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile("\\b(pin\\s*|gpio\\s*|gp|io|d|a|p[a-d])(\\d{1,2})\\b").matcher(text);
        while (m.find()) {
            PartPin pin = boardPin(m.group(1).trim(), m.group(2));
            if (pin == null || !handled.add(pin.number())) {
                continue;
            }
            Device best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Device d : devices) {
                String phrase = d.request() == null ? "" : d.request().phrase().toLowerCase(Locale.ROOT);
                int at = phrase.isBlank() ? -1 : text.indexOf(phrase);
                if (at < 0) {
                    continue;
                }
                // a part is put "on" a pin after it is named: measure from the phrase's end, and count a phrase
                // that only comes after the pin as further away
                int distance = at + phrase.length() <= m.start() ? m.start() - (at + phrase.length())
                        : Math.abs(at - m.end()) + text.length();
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = d;
                }
            }
            if (best != null) {
                wanted.computeIfAbsent(best.label(), k -> new ArrayList<>()).add(pin);
            }
        }
    }

    /** The board's signal pin a wish writes as {@code 13}, {@code D13}, {@code GPIO4}, {@code PB4} or {@code A0}. */
    private PartPin boardPin(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        Matcher m = Pattern.compile("(?i)^(pin\\s*|gpio\\s*|gp|io|d|a|p[a-k])?\\s*(\\d{1,2})$").matcher(written.strip());
        if (m.matches()) {
            return boardPin(m.group(1) == null ? "pin" : m.group(1).trim().toLowerCase(Locale.ROOT), m.group(2));
        }
        return board.pin(written.strip()).filter(PinSolver::isSignal).orElse(null);
    }

    /** The board's signal pin for a pin word and number as the prompt writes them ("pin" 13, "gpio" 4, "pb" 4). */
    private PartPin boardPin(String kind, String n) {
        List<String> names = kind.equals("pin") ? List.of("D" + n, "GPIO" + n, "GP" + n, "IO" + n, n)
                : kind.equals("a") ? List.of("A" + n)
                : kind.matches("p[a-k]") ? List.of(kind.toUpperCase(Locale.ROOT) + n)
                : List.of(kind.toUpperCase(Locale.ROOT) + n, "GPIO" + n, n);
        for (String name : names) {
            Optional<PartPin> p = board.pin(name).filter(PinSolver::isSignal);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return null;
    }







    private static List<PartPin> outputs(Part p) {
        List<PartPin> out = new ArrayList<>();
        for (PartPin pin : p.pins()) {
            if ((pin.type() == PinType.OUTPUT || pin.type() == PinType.OPEN_COLLECTOR) && pin.functions().isEmpty()) {
                out.add(pin);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- decoupling

    private void decouple(List<Device> devices) {
        for (Device d : devices) {
            if (d.part().form() != Form.IC || kind(d.part()) != Kind.MODULE) {
                continue;
            }
            Optional<Rails.Rail> rail = railOf(d);
            if (rail.isEmpty()) {
                continue;
            }
            String c = plan.nextRef("C");
            plan.component(c, ComponentKind.CAPACITOR, "capacitor-ceramic", "100n", "decoupling for " + d.ref());
            plan.connect(rail.get().net, c + ":1");
            plan.connect(GND, c + ":2");
            plan.why(c, c + " (100 nF ceramic) decouples " + d.ref() + "'s supply pin: a bare chip has no capacitor "
                    + "of its own.", d.part().id() + ": bare IC (form ic)");
        }
    }

    Part kbPart(String id) {
        return kb.part(id).orElseThrow(() -> new IllegalStateException("the knowledge base lacks " + id));
    }

    /** The rail at {@code volts}, put in use; the logic rail when there is none. */
    Rails.Rail railAt(double volts) {
        return rail(volts, 0, "the I2C bus").orElseGet(() -> {
            Rails.Rail r = rails.at(logicV).orElseThrow();
            use(r);
            return r;
        });
    }
}
