package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stepper motors and their driver modules: a stepper asked for without a driver gets the one its knowledge-base
 * entry names (chosen by supply range), and every stepper is wired through its driver — driver inputs on board pins,
 * driver outputs to the coil wires in phase order, the common (if any) and the driver's motor supply on the motor's
 * rail, control lines held per the driver's data, and the bulk capacitor its motor supply pin asks for. Works on one
 * {@link Session}; not thread-safe.
 */
final class Steppers {

    private static final Pattern MICROFARADS = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(?:-\\s*(\\d+(?:\\.\\d+)?))?"
            + "\\s*(?:u|µ)F");
    private static final Pattern ENABLE = Pattern.compile("(?i)~?\\{?EN(ABLE)?}?");
    /** A pin note that names the pin to tie this one to ("tie to SLEEP", "tie it to SLEEP"). */
    private static final Pattern TIE_TO = Pattern.compile("(?i)\\btie (?:it )?to (?:the )?~?\\{?([A-Z][A-Z0-9_]*)");

    private final Session s;
    private final Map<Session.Device, Session.Device> driverOf = new IdentityHashMap<>();
    private final Set<Session.Device> added = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Drivers this class wires: the ones it added and the ones the prompt named for a stepper. */
    private final Set<Session.Device> wired = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Steppers(Session s) {
        this.s = s;
    }

    /** Whether a part is a stepper motor: a motor whose model gives a step angle or steps per revolution. */
    static boolean isStepper(Part p) {
        return p.category() == Category.ACTUATOR && p.form() == Form.DEVICE && p.model() != null
                && p.model().kind() == ModelKind.MOTOR && (p.model().parameters().containsKey("stepAngle")
                || p.model().parameters().containsKey("stepsPerRevolution"));
    }

    /**
     * Pairs each stepper with a driver: one already in the design that the motor's data names (or that names the
     * motor), else one added from the knowledge base. Added drivers join {@code devices}.
     */
    void pair(List<Session.Device> devices) {
        List<Session.Device> motors = devices.stream().filter(d -> isStepper(d.part())).toList();
        Set<Session.Device> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Session.Device m : motors) {
            List<Part> fit = candidates(m.part());
            Optional<Session.Device> named = devices.stream().filter(d -> !taken.contains(d)
                    && d.part().category() == Category.DRIVER && !coilOutputs(d.part()).isEmpty()
                    && (fit.contains(d.part()) || names(d.part(), m.part()))).findFirst();
            if (named.isPresent()) {
                taken.add(named.get());
                driverOf.put(m, named.get());
                // wired here like an added one, so its control pins and bulk capacitor follow its pin data
                wired.add(named.get());
                continue;
            }
            if (fit.isEmpty()) {
                throw new DesignException(DesignException.Reason.REFUSED, m.part().id() + " is a stepper motor and "
                        + "the knowledge base names no driver module for it",
                        List.of("name a stepper driver in the prompt (a4988-module, drv8825-module, uln2003-module)"));
            }
            Part driver = choose(m.part(), fit);
            String ref = s.plan.nextRef("U");
            s.plan.part(ref, driver.id(), "driver module for " + m.label() + " (added: a stepper cannot run from "
                    + "GPIO pins)");
            Session.Device d = new Session.Device(ref, driver, m.request(), m.label() + "_DRV");
            devices.add(d);
            added.add(d);
            wired.add(d);
            taken.add(d);
            driverOf.put(m, d);
            s.plan.note(m.label() + " (" + m.part().id() + ") needs a driver module and none was named: "
                    + driver.id() + " was added, the driver its data names" + (fit.size() > 1 ? " (of "
                    + String.join(", ", fit.stream().map(Part::id).toList()) + ")" : ""));
        }
    }

    /** Whether this device is a stepper or a driver this class wires (the session leaves both alone). */
    boolean owns(Session.Device d) {
        return driverOf.containsKey(d) || wired.contains(d);
    }

    /** Whether this driver device is paired with a stepper (its outputs are not free for other loads). */
    boolean drives(Session.Device d) {
        return driverOf.containsValue(d);
    }

    /** Wires every paired stepper and its driver, whether the driver was added or named in the prompt. */
    void wire() {
        for (Map.Entry<Session.Device, Session.Device> e : driverOf.entrySet()) {
            Session.Device motor = e.getKey();
            Session.Device driver = e.getValue();
            s.own(motor.label());
            Rails.Rail rail = motorRail(motor, driver);
            if (wired.contains(driver)) {
                wireDriver(driver, motor, rail);
            }
            wireCoils(motor, driver, rail);
        }
    }

    // ---------------------------------------------------------------- choice

    /** Driver parts the motor's keywords name, or whose keywords, aliases or part numbers name the motor. */
    private List<Part> candidates(Part motor) {
        Set<Part> out = new LinkedHashSet<>();
        for (String k : motor.keywords()) {
            s.kb.find(k).filter(p -> p.category() == Category.DRIVER && !coilOutputs(p).isEmpty()).ifPresent(out::add);
        }
        for (Part p : s.kb.parts()) {
            if (p.category() == Category.DRIVER && !coilOutputs(p).isEmpty() && names(p, motor)) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether a driver's keywords name the motor by its id, an alias or a part number. */
    private static boolean names(Part driver, Part motor) {
        Set<String> motorNames = new LinkedHashSet<>();
        motorNames.add(norm(motor.id()));
        motor.aliases().forEach(a -> motorNames.add(norm(a)));
        motor.partNumbers().forEach(a -> motorNames.add(norm(a)));
        return driver.keywords().stream().map(Steppers::norm).anyMatch(motorNames::contains);
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * The candidate whose motor supply pin takes the motor's voltage, whose output count matches its coil wires and
     * whose input threshold the board's pins reach; ties keep the order the motor's data lists them in.
     */
    private Part choose(Part motor, List<Part> fit) {
        double volts = motorVolts(motor);
        int coils = coilPins(motor).size();
        return fit.stream().max(Comparator.comparingInt((Part p) -> {
            int score = 0;
            PartPin vm = motorSupplyPin(p);
            if (vm != null && inRange(vm, p, volts)) {
                score += 2;
            }
            if (coilOutputs(p).size() == coils) {
                score += 2;
            }
            // inputs the board's high level (about 0.9 of its logic supply) reads as high
            if (p.logic() == null || p.logic().vih() == null || p.logic().vih() <= 0.9 * s.logicV) {
                score += 1;
            }
            return score;
        }).thenComparingInt(p -> -fit.indexOf(p))).orElseThrow();
    }

    // ---------------------------------------------------------------- wiring

    /** The rail that feeds the motor (and the driver's motor supply): its nominal voltage, or the driver's. */
    private Rails.Rail motorRail(Session.Device motor, Session.Device driver) {
        PartPin vm = motorSupplyPin(driver.part());
        double amps = Session.typicalCurrent(motor.part());
        if (vm != null) {
            // a driver the prompt named is powered already: its motor supply's rail feeds the motor too
            Optional<Rails.Rail> wired = s.plan.netOf(driver.ref() + ":" + Session.pinRef(driver.part(), vm))
                    .flatMap(s.rails::net);
            if (wired.isPresent()) {
                return wired.get();
            }
        }
        // the supply feeds the motor and, through the same pin, whatever the driver's data says it draws itself
        amps += Session.typicalCurrent(driver.part());
        double volts = motorVolts(motor.part());
        if (vm != null && !inRange(vm, driver.part(), volts) && vm.voltage() != null && vm.voltage() > 0) {
            volts = vm.voltage();
        }
        double v = volts;
        return s.rail(volts, amps, motor.label()).orElseThrow(() -> new DesignException(
                DesignException.Reason.REFUSED, "no supply for " + motor.part().id() + " at " + Values.v(v),
                List.of("power " + motor.part().id() + " from a " + Values.v(v) + " adapter")));
    }

    /** Power, ground and control inputs of a driver this class added. */
    private void wireDriver(Session.Device d, Session.Device motor, Rails.Rail motorRail) {
        Part part = d.part();
        PartPin vm = motorSupplyPin(part);
        boolean grounded = false;
        Rails.Rail logic = s.rails.at(s.logicV).orElse(null);
        for (PartPin p : part.pins()) {
            String pin = d.ref() + ":" + Session.pinRef(part, p);
            if (p.can(PinFunction.GROUND) && p.type() == PinType.POWER_IN) {
                if (!grounded || part.pinsNamed(p.name()).size() == 1 || !p.name().equalsIgnoreCase("GND")) {
                    s.plan.connect(Session.GND, pin);
                }
                grounded = true;
            } else if (p == vm) {
                s.plan.connect(motorRail.net, pin);
                motorRail.draw(Session.typicalCurrent(part));
                s.plan.why(d.label() + " motor supply", d.label() + "'s " + p.name() + " takes " + motorRail.net
                                + " (" + Values.v(motorRail.volts) + "), the motor's supply, inside its range"
                                + Session.range(p, part) + "; the board's pins only switch the driver.",
                        part.id() + ": " + p.name() + Session.range(p, part));
                bulkCap(d, p, motorRail);
            } else if (p.type() == PinType.POWER_IN && !p.has(PinFlag.OPTIONAL)) {
                // a logic supply that takes the board's level sets the input threshold the board's pins can reach
                Rails.Rail r = inRange(p, part, s.logicV) ? s.rail(s.logicV, Session.typicalCurrent(part), d.label())
                        .orElseGet(() -> s.supplyRail(part, p, d.label())) : s.supplyRail(part, p, d.label());
                s.plan.connect(r.net, pin);
                r.draw(Session.typicalCurrent(part));
                logic = r;
                s.plan.why(d.label() + " logic supply", d.label() + "'s " + p.name() + " runs from " + r.net
                        + " so its input threshold follows the board's " + Values.v(s.logicV) + " logic.",
                        part.id() + ": " + p.name() + Session.range(p, part));
            }
        }
        Rails.Rail high = logic != null ? logic : motorRail;
        List<String> signals = new ArrayList<>();
        List<PartPin> inputs = new ArrayList<>();
        List<PartPin> tied = new ArrayList<>();
        for (PartPin p : part.pins()) {
            if (p.type() == PinType.INPUT) {
                (tieTarget(part, p) != null ? tied : inputs).add(p);
            }
        }
        for (PartPin p : inputs) {
            String pin = d.ref() + ":" + Session.pinRef(part, p);
            if (part.interfaces().stream().anyMatch(i -> i.uses(p)) && p.can(PinFunction.GPIO)
                    || p.has(PinFlag.ACTIVE_LOW) && p.can(PinFunction.GPIO) && asked(p)) {
                signals.add(p.name());
                drive(d, motor, p, tiedTo(part, p, tied));
                continue;
            }
            boolean activeLow = p.has(PinFlag.ACTIVE_LOW);
            boolean enable = activeLow && (ENABLE.matcher(p.name()).matches()
                    || p.aliases().stream().anyMatch(a -> ENABLE.matcher(a).matches()));
            if (enable) {
                s.plan.connect(Session.GND, pin);
                s.plan.why(d.label() + " " + p.name(), d.label() + "'s active-low " + p.name() + " is tied to GND: "
                        + "the outputs stay enabled (move it to a spare GPIO to let the motor free-wheel).",
                        part.id() + ": " + p.name() + " active low");
            } else if (activeLow) {
                s.use(high);
                s.plan.connect(high.net, pin);
                s.plan.why(d.label() + " " + p.name(), d.label() + "'s active-low " + p.name() + " is tied to "
                        + high.net + " (" + Values.v(high.volts) + ", the logic rail) so the driver is never held in "
                        + word(p) + (p.has(PinFlag.MUST_DRIVE) ? "; open, it would stop "
                        + "the driver" : "") + ".", part.id() + ": " + p.name() + " active low"
                        + (p.has(PinFlag.MUST_DRIVE) ? ", must be driven" : "") + (p.notes() == null ? ""
                        : " (" + p.notes() + ")"));
            } else if (p.has(PinFlag.INTERNAL_PULLDOWN) || p.has(PinFlag.INTERNAL_PULLUP)) {
                signals.add(null);
                s.plan.note(d.label() + " " + p.name() + " is left open: its internal "
                        + (p.has(PinFlag.INTERNAL_PULLDOWN) ? "pull-down holds it low" : "pull-up holds it high")
                        + (p.has(PinFlag.INTERNAL_PULLDOWN) ? " (full steps; tie it high for microstepping)" : ""));
            } else if (p.can(PinFunction.GPIO)) {
                signals.add(p.name());
                drive(d, motor, p, tiedTo(part, p, tied));
            }
        }
        for (PartPin p : tied) {
            tie(d, p, tieTarget(part, p), high);
        }
        signals.removeIf(java.util.Objects::isNull);
        s.plan.why(d.label(), d.label() + " (" + part.id() + ") drives " + motor.label() + " (" + motor.part().id()
                        + ", " + Values.ma(Session.typicalCurrent(motor.part())) + " per phase at "
                        + Values.v(motorRail.volts) + "): GPIOs cannot carry coil current nor absorb the coils' "
                        + "flyback; the board drives " + String.join(", ", signals) + " on pins kept off the "
                        + "strapping pins so the motor does not twitch at boot.",
                part.id() + ": " + (part.supply() == null ? "" : "supply" + Session.range(vm == null
                        ? part.pins().get(0) : vm, part)), motor.part().id() + ": " + motor.part().name());
    }

    /**
     * A board pin, off the strapping pins so the motor stays still at boot, for a driver input; the pins whose notes
     * say to tie them to this one join its net once the board pin is chosen.
     */
    private void drive(Session.Device d, Session.Device motor, PartPin p, List<PartPin> followers) {
        String net = d.label() + "_" + Session.netName(p.name());
        PinSolver.Need need = PinSolver.Need.of(PinFunction.GPIO, PinSolver.Direction.OUT).offStrapping();
        s.request(need, d.label() + " " + p.name(), c -> {
            s.link(net, d.ref(), d.part(), p, c, "stepper " + motor.label() + " " + p.name());
            String at = s.plan.netOf(d.ref() + ":" + Session.pinRef(d.part(), p)).orElse(net);
            for (PartPin q : followers) {
                s.plan.connect(at, d.ref() + ":" + Session.pinRef(d.part(), q));
            }
        });
        if (p.has(PinFlag.ACTIVE_LOW)) {
            s.plan.why(d.label() + " " + p.name(), d.label() + "'s active-low " + p.name() + " is driven by a board "
                    + "pin, as the prompt asks: the sketch holds it high to run and low to " + word(p) + ".",
                    d.part().id() + ": " + p.name() + (p.notes() == null ? ""
                    : " (" + p.notes() + ")"));
        }
    }

    /** A pin's longest name as a word ("sleep" for SLP, alias SLEEP), for the rationale. */
    private static String word(PartPin p) {
        String best = p.name();
        for (String a : p.aliases()) {
            String w = a.replaceAll("[~{}]", "");
            if (w.matches("[A-Za-z]+") && w.length() > best.length()) {
                best = w;
            }
        }
        return best.toLowerCase(Locale.ROOT);
    }

    /** Whether the prompt names a control pin (by its name or an alias, as a word): the design then drives it. */
    private boolean asked(PartPin p) {
        List<String> names = new ArrayList<>(p.aliases());
        names.add(p.name());
        for (String n : names) {
            String word = n.replaceAll("[~{}]", "");
            if (word.length() >= 4 && Pattern.compile("(?i)\\b" + Pattern.quote(word) + "\\b")
                    .matcher(s.req.prompt()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The other input pin a pin's notes say to tie it to ("RST: tie to SLEEP"), or null. */
    static PartPin tieTarget(Part part, PartPin p) {
        if (p.notes() == null) {
            return null;
        }
        Matcher m = TIE_TO.matcher(p.notes());
        while (m.find()) {
            String name = m.group(1);
            for (PartPin q : part.pins()) {
                if (q != p && q.type() == PinType.INPUT && q.answersTo(name)) {
                    return q;
                }
            }
        }
        return null;
    }

    /** The pins in {@code tied} whose notes name {@code p}. */
    private static List<PartPin> tiedTo(Part part, PartPin p, List<PartPin> tied) {
        return tied.stream().filter(q -> tieTarget(part, q) == p).toList();
    }

    /**
     * A pin whose notes say to tie it to another (a stepper driver's RESET to SLEEP) joins that pin's net: the rail
     * it is tied to, or the board pin that drives it (joined when that pin is chosen). Open, it would float or sit
     * at its internal pull-down and hold the driver in reset.
     */
    private void tie(Session.Device d, PartPin p, PartPin to, Rails.Rail high) {
        Part part = d.part();
        String pin = d.ref() + ":" + Session.pinRef(part, p);
        String fact = part.id() + ": " + p.name() + (p.notes() == null ? "" : " — " + p.notes());
        String toFact = part.id() + ": " + to.name() + (to.notes() == null ? "" : " — " + to.notes());
        Optional<String> net = s.plan.netOf(d.ref() + ":" + Session.pinRef(part, to));
        if (net.isPresent()) {
            s.plan.connect(net.get(), pin);
            s.plan.why(d.label() + " " + p.name(), d.label() + "'s " + p.name() + " is tied to its " + to.name()
                    + " on " + net.get() + (s.rails.net(net.get()).isPresent() ? " (" + Values.v(s.rails.net(
                    net.get()).get().volts) + ")" : "") + ", as its data asks: both sit high, so the driver "
                    + "leaves reset and wakes" + (p.has(PinFlag.INTERNAL_PULLDOWN) ? " (open, the chip's internal "
                    + "pull-down would hold it in reset and the motor would never turn)" : " (open, it floats and "
                    + "the driver does nothing)") + ".", fact, toFact);
        } else if (!rulesDrive(d, to)) {
            // the pin it follows is left to its own default: hold this one high on the logic rail instead
            s.use(high);
            s.plan.connect(high.net, pin);
            s.plan.why(d.label() + " " + p.name(), d.label() + "'s " + p.name() + " is tied to " + high.net + " ("
                    + Values.v(high.volts) + "): its data asks for it to be held high with " + to.name()
                    + ", and " + to.name() + " is held high on the board.", fact, toFact);
        }
    }

    /** Whether a board pin will drive {@code p} (its net is named after it and joined when the pin is chosen). */
    private boolean rulesDrive(Session.Device d, PartPin p) {
        return p.has(PinFlag.ACTIVE_LOW) && p.can(PinFunction.GPIO) && asked(p);
    }

    /** A bulk electrolytic across the motor supply pin when the pin's notes ask for one (the largest value named). */
    private void bulkCap(Session.Device d, PartPin vm, Rails.Rail rail) {
        if (vm.notes() == null) {
            return;
        }
        Matcher m = MICROFARADS.matcher(vm.notes());
        double uf = 0;
        while (m.find()) {
            uf = Math.max(uf, Double.parseDouble(m.group(2) != null ? m.group(2) : m.group(1)));
        }
        if (uf <= 0) {
            return;
        }
        String c = s.plan.nextRef("C");
        String value = Session.trim(uf) + "u";
        // the working voltage is the motor rail; electrolytics want 1.5-2 x that, and spikes ride on top of it
        double rated = dev.kirchhoff.agents.recipes.DcSupply.rating(rail.volts);
        s.plan.component(c, ComponentKind.CAPACITOR, "capacitor-electrolytic", value, "bulk capacitor on "
                + d.label() + " " + vm.name() + ", rated " + Session.trim(rated) + " V");
        s.plan.connect(rail.net, c + ":1");
        s.plan.connect(Session.GND, c + ":2");
        s.plan.why(c, c + " (" + Session.trim(uf) + " µF electrolytic rated " + Session.trim(rated) + " V, + to "
                        + rail.net + ") sits across " + d.label() + "'s " + vm.name() + " and GND, close to the "
                        + "pins: it absorbs the voltage spikes the motor's inductance and the supply leads cause "
                        + "when the chopper switches. " + Session.trim(rated) + " V is the smallest standard rating "
                        + "at least 1.5 x the " + Values.v(rail.volts) + " motor supply.",
                d.part().id() + ": " + vm.name() + " — " + vm.notes(),
                "capacitor-electrolytic: rated voltage at least 1.5-2 x the working voltage");
    }

    /** Coil wires to the driver's outputs in phase order, the common to the motor rail. */
    private void wireCoils(Session.Device motor, Session.Device driver, Rails.Rail rail) {
        Part mp = motor.part();
        List<PartPin> coils = coilPins(mp);
        List<PartPin> outs = new ArrayList<>(coilOutputs(driver.part()));
        if (outs.size() < coils.size()) {
            throw new DesignException(DesignException.Reason.REFUSED, driver.part().id() + " has "
                    + outs.size() + " outputs and " + mp.id() + " has " + coils.size() + " coil wires",
                    List.of("use a driver with " + coils.size() + " outputs"));
        }
        List<PartPin> free = new ArrayList<>(outs);
        List<String> pairs = new ArrayList<>();
        PartPin[] to = new PartPin[coils.size()];
        // both lists run winding by winding (A+ A- B+ B-; 1A 1B 2A 2B), so consecutive pairs stay one winding
        for (int i = 0; i < coils.size(); i++) {
            to[i] = free.remove(0);
            String net = motor.label() + "_" + Session.netName(coils.get(i).name());
            s.plan.connect(net, driver.ref() + ":" + Session.pinRef(driver.part(), to[i]),
                    motor.ref() + ":" + Session.pinRef(mp, coils.get(i)));
            pairs.add(to[i].name() + "→" + coils.get(i).name());
        }
        for (PartPin p : mp.pins()) {
            if (p.type() == PinType.POWER_IN && p.can(PinFunction.POWER)) {
                s.plan.connect(rail.net, motor.ref() + ":" + Session.pinRef(mp, p));
                s.plan.why(motor.label() + " common", motor.label() + "'s " + p.name() + " (the coils' common) goes to "
                                + rail.net + " (" + Values.v(rail.volts) + "); the driver pulls each coil end to ground "
                                + "in turn.", mp.id() + ": " + p.name() + (p.notes() == null ? "" : " — " + p.notes()));
            }
        }
        rail.draw(Session.typicalCurrent(mp));
        s.plan.why(motor.label(), motor.label() + "'s coil wires take " + driver.label() + "'s outputs in phase order ("
                        + String.join(", ", pairs) + "): each winding's two ends sit on one output pair, so the step "
                        + "sequence turns the rotor.", mp.id() + ": " + coils.size() + " coil wires, "
                        + Values.ma(Session.typicalCurrent(mp)) + " typical",
                driver.part().id() + ": outputs " + String.join(", ", outs.stream().map(PartPin::name).toList()));
        if (!rail.net.equals("5V") && !rail.net.equals("3V3")) {
            s.plan.why("ground", "The " + rail.net + " supply's ground is joined to the board's GND: the driver's "
                    + "step and direction inputs are measured against it.");
        }
    }

    /** The motor's coil wires: its signal-less passive pins, in pin-number order (the datasheet's lead order). */
    static List<PartPin> coilPins(Part motor) {
        return motor.pins().stream().filter(p -> p.type() == PinType.PASSIVE).toList();
    }

    /** A driver's coil outputs, by name (1A, 1B, 2A, 2B; OUT1-OUT4), so windings pair in order. */
    static List<PartPin> coilOutputs(Part driver) {
        return driver.pins().stream().filter(p -> (p.type() == PinType.OUTPUT || p.type() == PinType.OPEN_COLLECTOR)
                && p.functions().isEmpty()).sorted(Comparator.comparing(PartPin::name)).toList();
    }

    /** The driver's motor supply: its highest-voltage supply pin (VMOT beside VDD; the only one on a ULN2003). */
    static PartPin motorSupplyPin(Part driver) {
        return driver.pins().stream().filter(p -> p.type() == PinType.POWER_IN && !p.can(PinFunction.GROUND))
                .max(Comparator.comparingDouble(p -> p.range() != null && p.range().max() != null ? p.range().max()
                        : p.voltage() != null ? p.voltage() : 0)).orElse(null);
    }

    private static boolean inRange(PartPin p, Part part, double volts) {
        var r = p.range() != null ? p.range() : part.supply();
        return r != null && (r.min() == null || volts >= r.min() - 1e-9) && (r.max() == null || volts <= r.max() + 1e-9);
    }

    private static double motorVolts(Part motor) {
        if (motor.supply() != null && motor.supply().nominal() != null) {
            return motor.supply().nominal();
        }
        return motor.model().parameter("voltage", 5.0);
    }
}
