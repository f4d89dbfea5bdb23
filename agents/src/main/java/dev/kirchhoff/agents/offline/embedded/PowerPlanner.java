package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The power architecture of one design: where the board's supply comes from (USB, a Li-ion cell behind a TP4056,
 * a battery, an adapter, through an asked-for or chosen regulator or converter), which rail each supply pin sits on,
 * adapters for load voltages the board lacks, an LDO or an external 5 V supply when the board's pins run out of
 * current, and the budget of every rail. Works on one {@link Session}; not thread-safe.
 */
final class PowerPlanner {

    private final Session s;
    private final Map<Rails.Rail, List<String>> feedPins = new HashMap<>();
    private final Set<Rails.Rail> live = new HashSet<>();
    private boolean usbPowered = true;
    private List<Part> poweredBy = List.of();
    private double motorVolts;
    private boolean actuatorsExternal;
    private boolean separateFive;
    private double actuatorAmps;

    PowerPlanner(Session s) {
        this.s = s;
    }

    /** The rail a supply pin should sit on: the board's logic rail when allowed (logic levels then match), else 5 V. */
    Rails.Rail supplyRail(Part part, PartPin pin, String label) {
        VoltageRange r = pin.range() != null ? pin.range() : part.supply();
        List<Double> order = new ArrayList<>();
        boolean actuator = part.category() == Category.ACTUATOR || part.category() == Category.DRIVER;
        Double nominal = r != null && r.nominal() != null ? r.nominal() : pin.voltage() != null && pin.voltage() > 0
                ? pin.voltage() : part.supply() != null ? part.supply().nominal() : null;
        if (part.category() == Category.DRIVER && motorVolts > 0 && (r == null || r.contains(motorVolts))
                && pin.voltage() != null && pin.voltage() > s.logicV) {
            order.add(motorVolts);
        }
        if (actuator && nominal != null) {
            order.add(nominal);
        }
        // actuators and LED strips or rings: their current grows with what they drive
        boolean heavy = actuator || part.category() == Category.LIGHT && part.form() != Form.DISCRETE;
        if (separateFive && heavy && (r == null || r.contains(5.0))) {
            Rails.Rail ext = separateFive();
            use(ext);
            return ext;
        }
        if (actuator && nominal != null && r != null && r.contains(5.0) && actuatorsExternal) {
            Rails.Rail five = s.rails.at(5.0).orElse(null);
            if (five != null) {
                Rails.Rail ext = externalFive(five, "the actuators", actuatorAmps);
                use(ext);
                return ext;
            }
        }
        order.add(s.logicV);
        order.add(5.0);
        order.add(3.3);
        if (r != null && r.nominal() != null) {
            order.add(r.nominal());
        }
        for (double v : order) {
            if (r == null || r.contains(v)) {
                Optional<Rails.Rail> rail = rail(v, Session.typicalCurrent(part), label);
                if (rail.isPresent()) {
                    return rail.get();
                }
            }
        }
        for (Rails.Rail existing : s.rails.all()) {
            if (r != null && r.contains(existing.volts) && live.contains(existing)) {
                return existing;
            }
        }
        if (r != null && r.min() != null && r.max() != null && r.min() >= 3.0 && r.max() <= 4.45) {
            Rails.Rail cell = cellRail(null, null);
            s.plan.why(label + " supply", label + " (" + part.id() + ") needs" + Session.range(pin, part) + ", which a Li-ion "
                    + "cell gives directly; no regulator output of the board fits.", part.id() + ": supply"
                    + Session.range(pin, part));
            return cell;
        }
        double v = r != null && r.typical() != null ? r.typical() : s.logicV;
        if (r != null && r.min() != null && r.min() < 0) {
            throw new DesignException(DesignException.Reason.REFUSED, part.id() + " needs a split supply ("
                    + Values.v(r.min()) + " to " + Values.v(r.max() == null ? 0 : r.max()) + "), which a board design "
                    + "does not provide", List.of("ask for the analog building block on its own (\"inverting "
                    + "amplifier with a " + part.id() + "\")", "use a single-supply part such as lm358"));
        }
        return rail(v, Session.typicalCurrent(part), label).orElseThrow(() -> new DesignException(
                DesignException.Reason.REFUSED, "no supply can be planned for " + part.id() + " at " + Values.v(v),
                List.of("power the design from an adapter at " + Values.v(v))));
    }

    /**
     * Adds up the 5 V actuators (servos, motors) before any is wired: when together they would overload the board's
     * 5 V rail they all move to an external 5 V supply, rather than some on each.
     */
    void budgetActuators(List<Session.Device> devices) {
        for (Session.Device d : devices) {
            Part p = d.part();
            if (p.model() != null && p.model().kind() == ModelKind.MOTOR && Session.kind(p) == Session.Kind.LOAD
                    && p.supply() != null && p.supply().nominal() != null) {
                motorVolts = Math.max(motorVolts, p.supply().nominal());
            }
            if (p.category() == Category.ACTUATOR && p.supply() != null && p.supply().contains(5.0)
                    && p.model() != null && p.model().kind() == ModelKind.MOTOR) {
                actuatorAmps += Session.typicalCurrent(p);
            }
        }
        Rails.Rail five = s.rails.at(5.0).orElse(null);
        if (five != null && actuatorAmps > 0 && (!five.fits(actuatorAmps) || s.hints.externalSupply)) {
            actuatorsExternal = true;
        }
    }

    void planPower(List<Part> asked) {
        poweredBy = asked;
        Supply supply = s.req.supply();
        Part cell = Session.first(asked, p -> p.model() != null && p.model().parameters().containsKey("chargeVoltage"));
        Part charger = Session.first(asked, p -> p.id().startsWith("tp4056"));
        Part battery = Session.first(asked, p -> p.model() != null && p.model().kind() == ModelKind.SOURCE
                && p.id().startsWith("battery") && !p.model().parameters().containsKey("chargeVoltage")
                && sourceAmps(p) >= 0.05);
        for (Part p : asked) {
            if (p.id().startsWith("battery") && sourceAmps(p) < 0.05) {
                s.plan.note(p.name() + " gives only " + Values.ma(sourceAmps(p)) + ": it is a backup cell (an RTC's "
                        + "battery holder), not a supply for the board, and is left out of the schematic");
            }
        }
        Part adapter = Session.first(asked, p -> p.id().startsWith("dc-power-adapter"));
        boolean liion = supply.kind() == Supply.Kind.LIION_CELL || cell != null || charger != null
                || supply.kind() == Supply.Kind.BATTERY && supply.volts() != null && supply.volts() > 3.0 && supply.volts() < 4.3;
        Part acdc = Session.first(asked, p -> p.category() == Category.MAINS && p.form() == Form.MODULE
                && p.pins().stream().anyMatch(x -> x.type() == PinType.POWER_OUT && x.can(PinFunction.POWER)));
        if (supply.kind() == Supply.Kind.MAINS || acdc != null) {
            usbPowered = false;
            mainsSupply(acdc, asked);
        } else if (liion) {
            usbPowered = false;
            liionSupply(cell, charger);
        } else if ((supply.kind() == Supply.Kind.ADAPTER || supply.kind() == Supply.Kind.BENCH) && adapter == null
                && supply.volts() != null && Math.abs(supply.volts() - 5.0) < 0.3 && hasOwnUsb()) {
            // a separate 5 V supply of unknown rating: the board stays on USB, the heavy loads take the supply
            usbRails();
            separateFive = true;
            actuatorsExternal = true;
        } else if (supply.kind() == Supply.Kind.ADAPTER || supply.kind() == Supply.Kind.BENCH || adapter != null
                || supply.kind() == Supply.Kind.UNSPECIFIED && supply.volts() != null && supply.volts() > 5.5) {
            usbPowered = false;
            double v = supply.volts() != null ? supply.volts() : adapter != null ? sourceVolts(adapter) : 12.0;
            Rails.Rail in = adapterRail(v, adapter);
            feedBoard(in, asked);
        } else if (supply.kind() == Supply.Kind.BATTERY || battery != null) {
            usbPowered = false;
            Part pack = battery != null ? battery : batteryFor(supply.volts());
            String ref = s.plan.nextRef("BT");
            double v = sourceVolts(pack);
            PartPin plus = pack.pins().get(0);
            Rails.Rail in;
            double cells = pack.model() == null ? 0 : pack.model().parameter("cells", 0);
            if (battery == null && cells > 0 && supply.volts() != null && Math.abs(supply.volts() - v) > 0.3
                    && Math.abs(supply.volts() / (v / cells) - Math.rint(supply.volts() / (v / cells))) < 0.05) {
                // "3 AA" is 4.5 V: the curated holder has another cell count, so a source of the asked voltage
                // stands for it rather than a pack that would need a regulator the prompt never wanted
                long n = Math.round(supply.volts() / (v / cells));
                s.plan.component(ref, ComponentKind.VOLTAGE_SOURCE, null, "DC " + Session.trim(supply.volts()),
                        n + "-cell battery pack (" + Values.v(supply.volts()) + ")");
                in = s.rails.add(Session.netName("VBAT"), supply.volts(), ref + " (" + n + " x " + Values.v(v / cells)
                        + " cells)", plus.maxCurrent(), null);
                s.plan.connect(in.net, ref + ":+");
                s.plan.connect(Session.GND, ref + ":-");
                s.plan.note("the knowledge base has a " + Math.round(cells) + "-cell holder (" + pack.id() + ", "
                        + Values.v(v) + "); a " + Values.v(supply.volts()) + " source stands for the " + n
                        + "-cell pack asked for");
            } else {
                s.plan.part(ref, pack.id(), "battery");
                in = s.rails.add(Session.netName("VBAT"), v, ref + " (" + pack.name() + ")", plus.maxCurrent(), null);
                s.plan.connect(in.net, ref + ":" + Session.pinRef(pack, plus));
                s.plan.connect(Session.GND, ref + ":" + Session.pinRef(pack, pack.pins().get(1)));
            }
            live.add(in);
            feedBoard(in, asked);
        } else if (!hasOwnUsb()) {
            usbPowered = false;
            Part usb = Session.first(asked, p -> p.id().equals("usb-power"));
            usb = usb != null ? usb : s.kb.part("usb-power").orElseThrow();
            String ref = s.plan.nextRef("J");
            s.plan.part(ref, usb.id(), "USB 5 V supply (" + (BareChip.isBare(s.board) ? "a bare chip has"
                    : "the board has") + " no USB connector of its own)");
            PartPin vbus = usb.pin("VBUS").orElseThrow();
            Rails.Rail in = s.rails.add("5V", 5.0, ref + " (USB port)", vbus.maxCurrent(), null);
            s.plan.connect("5V", ref + ":VBUS");
            s.plan.connect(Session.GND, ref + ":GND");
            live.add(in);
            feedBoard(in, asked);
        } else {
            usbRails();
            s.plan.why("power", "The board runs from its USB connector; modules take " + describeRails()
                            + " from the board's own supply pins, within the USB port's 500 mA.",
                    "USB 2.0 port: 500 mA", s.board.id() + ": " + supplyPinSummary());
        }
    }

    /**
     * Mains in through a fuse to an isolated AC-DC module (HLK-PM01 class) whose low-voltage output feeds the board:
     * the fuse is on the line conductor, before anything else.
     */
    private void mainsSupply(Part asked, List<Part> parts) {
        Part module = asked != null ? asked : s.kb.part("hlk-pm01").orElseThrow();
        Part fuse = Session.first(parts, p -> p.id().equals("fuse"));
        fuse = fuse != null ? fuse : s.kb.part("fuse").orElseThrow();
        String j;
        String f = s.plan.nextRef("F");
        String u = s.plan.nextRef("U");
        // the mains socket as a source between line and neutral, so the neutral side counts as supplied
        j = s.plan.nextRef("V");
        s.plan.component(j, ComponentKind.VOLTAGE_SOURCE, null, "AC 230", "230 V mains (line to neutral)");
        s.plan.part(f, fuse.id(), "fuse on the line conductor");
        s.plan.part(u, module.id(), "isolated AC-DC module");
        s.plan.connect("AC_L_IN", j + ":+", f + ":1");
        s.plan.connect("AC_L", f + ":2", u + ":AC1");
        s.plan.connect("AC_N", j + ":-", u + ":AC2");
        PartPin out = module.pins().stream().filter(x -> x.type() == PinType.POWER_OUT && x.can(PinFunction.POWER))
                .findFirst().orElseThrow();
        for (PartPin x : module.pins()) {
            if (x.can(PinFunction.GROUND)) {
                s.plan.connect(Session.GND, u + ":" + Session.pinRef(module, x));
            }
        }
        double v = out.voltage() != null ? out.voltage() : 5.0;
        String net = Math.abs(v - 5.0) < 0.3 ? "5V" : Math.abs(v - 3.3) < 0.2 ? "3V3" : "VOUT";
        Rails.Rail rail = s.rails.add(net, v, u + " (" + module.name() + ")", out.maxCurrent(), null);
        s.plan.connect(net, u + ":" + Session.pinRef(module, out));
        live.add(rail);
        s.plan.why("power", "Mains reaches the " + module.name() + " through " + f + " on the line conductor; the "
                        + "module's isolated " + Values.v(v) + " output is the supply of the low-voltage side.",
                module.id() + ": " + Values.v(v) + ", up to " + Values.ma(out.maxCurrent() == null ? 0
                        : out.maxCurrent()), fuse.id() + ": " + Session.trim(fuse.model().parameter("current", 1))
                        + " A, " + Session.trim(fuse.model().parameter("voltage", 250)) + " V");
        s.plan.note("mains wiring: keep the AC side in an enclosure with creepage to the low-voltage side; only the "
                + "isolated output is touchable");
        feedBoard(rail, parts);
    }

    /** The separate 5 V supply asked for, created the first time a heavy load needs it. */
    private Rails.Rail separateFive() {
        Optional<Rails.Rail> ext = s.rails.net("5V_EXT");
        if (ext.isPresent()) {
            return ext.get();
        }
        Rails.Rail r = adapterRail(5.0, null, "5V_EXT");
        s.plan.why("power", "The board runs from its USB connector; the separate 5 V supply (5V_EXT) feeds the heavy "
                + "loads, with its ground joined to the board's GND, so their current never passes through the "
                + "board.", "USB 2.0 port: 500 mA", "5V_EXT: " + r.source);
        return r;
    }

    /** Whether the board has its own USB connector (a USB interface, a USB-fed input or a USB-serial chip). */
    private boolean hasOwnUsb() {
        return s.board.interfaceOf(InterfaceKind.USB).isPresent()
                || s.board.pins().stream().anyMatch(p -> p.has(PinFlag.USB_SUPPLY))
                || s.board.onboard() != null && s.board.onboard().usbSerial() != null;
    }

    private String supplyPinSummary() {
        List<String> out = new ArrayList<>();
        for (PartPin p : s.board.pins()) {
            if (p.isPower() && !p.can(PinFunction.GROUND) && p.voltage() != null) {
                out.add(p.name() + " " + Values.v(p.voltage()) + (p.maxCurrent() != null ? " max "
                        + Values.ma(p.maxCurrent()) : "") + (p.type() == PinType.POWER_IN ? " (input)" : ""));
            }
        }
        return String.join(", ", new java.util.LinkedHashSet<>(out));
    }

    private String describeRails() {
        List<String> names = new ArrayList<>();
        for (PartPin p : s.board.pins()) {
            if (p.type() == PinType.POWER_OUT && p.voltage() != null && !names.contains(Values.v(p.voltage()))) {
                names.add(Values.v(p.voltage()));
            }
        }
        return names.isEmpty() ? "their supply" : String.join(" or ", names);
    }

    private static double sourceAmps(Part p) {
        for (PartPin pin : p.pins()) {
            if (pin.type() == PinType.POWER_OUT && pin.maxCurrent() != null) {
                return pin.maxCurrent();
            }
        }
        return 1.0;
    }

    static double sourceVolts(Part p) {
        for (PartPin pin : p.pins()) {
            if (pin.type() == PinType.POWER_OUT && pin.voltage() != null) {
                return pin.voltage();
            }
        }
        return p.model() == null ? 5.0 : p.model().parameter("voltage", 5.0);
    }

    private Part batteryFor(Double volts) {
        String id = volts != null && volts < 7 ? "battery-aa-pack" : "battery-9v";
        return s.kb.part(id).orElseThrow();
    }

    /** Rails the board gives when USB powers it: its 5 V pin (or its USB-fed input) and its 3.3 V pin. */
    private void usbRails() {
        Rails.Rail five = null;
        PartPin fivePin = boardPower(PinType.POWER_OUT, 5.0);
        if (fivePin != null) {
            double cap = fivePin.maxCurrent() != null ? fivePin.maxCurrent() : 0.5;
            five = s.rails.add("5V", 5.0, "USB through " + Session.BOARD + ":" + fivePin.name(), Math.min(cap, 0.5), null);
            feedPins.put(five, List.of(Session.BOARD + ":" + Session.pinRef(s.board, fivePin)));
        } else {
            PartPin usb = s.board.pins().stream().filter(p -> p.has(PinFlag.USB_SUPPLY)).findFirst().orElse(null);
            if (usb != null) {
                five = s.rails.add("5V", usb.voltage() != null ? usb.voltage() : 5.0, "USB through the board's "
                        + usb.name() + " pin", 0.5, null);
                feedPins.put(five, List.of(Session.BOARD + ":" + Session.pinRef(s.board, usb)));
            }
        }
        if (five != null) {
            five.draw(Session.typicalCurrent(s.board));
        }
        addBoardLogicRail(five);
    }

    private void addBoardLogicRail(Rails.Rail parent) {
        PartPin three = boardPower(PinType.POWER_OUT, 3.3);
        if (three != null) {
            Rails.Rail r = s.rails.add("3V3", 3.3, Session.BOARD + ":" + three.name() + " (the board's regulator)",
                    three.maxCurrent(), parent);
            feedPins.put(r, List.of(Session.BOARD + ":" + Session.pinRef(s.board, three)));
        }
    }

    /** The board's supply pin at {@code volts}: the one rated for the most current (5V, not IOREF). */
    private PartPin boardPower(PinType type, double volts) {
        PartPin best = null;
        for (PartPin p : s.board.pins()) {
            if (p.type() == type && p.can(PinFunction.POWER) && p.voltage() != null
                    && Math.abs(p.voltage() - volts) < 0.3 && (best == null
                    || (p.maxCurrent() == null ? 0 : p.maxCurrent()) > (best.maxCurrent() == null ? 0
                    : best.maxCurrent()))) {
                best = p;
            }
        }
        return best;
    }

    private void liionSupply(Part cellPart, Part chargerPart) {
        feedBoard(cellRail(cellPart, chargerPart), poweredBy);
    }

    /** A Li-ion cell behind a TP4056 charger with protection: the VSYS rail, 3.0-4.2 V. */
    private Rails.Rail cellRail(Part cellPart, Part chargerPart) {
        Optional<Rails.Rail> have = s.rails.net("VSYS");
        if (have.isPresent()) {
            return have.get();
        }
        Part cell = cellPart != null ? cellPart : s.kb.part("battery-18650").orElseThrow();
        Part chg = chargerPart != null ? chargerPart : s.kb.part("tp4056-module").orElseThrow();
        String bt = s.plan.nextRef("BT");
        s.plan.part(bt, cell.id(), "Li-ion cell");
        String u = s.plan.nextRef("U");
        s.plan.part(u, chg.id(), "charger and protection for the cell (charges from its own USB socket)");
        s.plan.connect("VBAT", bt + ":+", u + ":B+");
        s.plan.connect("BAT-", bt + ":-", u + ":B-");
        s.plan.connect(Session.GND, u + ":OUT-", u + ":IN-");
        PartPin out = chg.pin("OUT+").orElseThrow();
        Rails.Rail vsys = s.rails.add("VSYS", out.voltage() != null ? out.voltage() : 3.7,
                u + " (" + chg.id() + ") OUT+, the protected cell", out.maxCurrent(), null);
        s.plan.connect(vsys.net, u + ":OUT+");
        live.add(vsys);
        s.plan.why("power", "A " + cell.name() + " charged by the " + chg.name() + " powers the design: the charger's "
                        + "OUT+ is the protected cell voltage (3.0–4.2 V, 3.7 V nominal).",
                cell.id() + ": " + Values.v(sourceVolts(cell)) + " nominal", chg.id() + ": OUT+ up to "
                        + Values.ma(out.maxCurrent() == null ? 0 : out.maxCurrent()));
        return vsys;
    }

    private Rails.Rail adapterRail(double v, Part asked) {
        return adapterRail(v, asked, null);
    }

    /** An adapter rail at {@code v}: the existing one, or a new one on net {@code fresh} when that is given. */
    private Rails.Rail adapterRail(double v, Part asked, String fresh) {
        Optional<Rails.Rail> have = s.rails.at(v);
        if (have.isPresent() && fresh == null) {
            return have.get();
        }
        Part adapter = asked;
        if (adapter == null || Math.abs(sourceVolts(adapter) - v) > 0.3) {
            adapter = s.kb.parts().stream().filter(p -> p.id().startsWith("dc-power-adapter"))
                    .filter(p -> Math.abs(sourceVolts(p) - v) < 0.3)
                    .min(Comparator.comparing(Part::id)).orElse(null);
        }
        String net = fresh != null ? fresh : Session.netName(Values.v(v).replace(" ", "").replace(".", "V").replace("VV", "V"));
        Rails.Rail rail;
        if (adapter != null) {
            String ref = s.plan.nextRef("J");
            s.plan.part(ref, adapter.id(), Values.v(v) + " DC adapter");
            PartPin plus = adapter.pins().get(0);
            rail = s.rails.add(net, v, ref + " (" + adapter.name() + ")", plus.maxCurrent(), null);
            s.plan.connect(net, ref + ":" + Session.pinRef(adapter, plus));
            s.plan.connect(Session.GND, ref + ":" + Session.pinRef(adapter, adapter.pins().get(1)));
        } else {
            String ref = s.plan.nextRef("V");
            s.plan.component(ref, ComponentKind.VOLTAGE_SOURCE, null, "DC " + Session.trim(v), Values.v(v) + " DC adapter");
            rail = s.rails.add(net, v, ref + " (" + Values.v(v) + " adapter)", null, null);
            s.plan.connect(net, ref + ":+");
            s.plan.connect(Session.GND, ref + ":-");
            s.plan.note("the knowledge base has no " + Values.v(v) + " adapter part: a " + Values.v(v)
                    + " source stands for it; pick one rated for the loads on " + net);
        }
        live.add(rail);
        return rail;
    }

    /** Feeds the board from a rail: straight into a supply input whose range takes it, else through a buck or boost to 5 V. */
    private void feedBoard(Rails.Rail in, List<Part> asked) {
        // a regulator or converter the prompt named goes in the path when it can take this input
        Part wanted = Session.first(asked, p -> isConverter(p) && accepts(p, in.volts));
        if (wanted != null) {
            feedThrough(in, wanted, "as asked");
            return;
        }
        PartPin direct = null;
        for (PartPin p : s.board.pins()) {
            if (p.type() == PinType.POWER_IN && p.can(PinFunction.POWER) && p.range() != null
                    && p.range().contains(in.volts)) {
                direct = p;
                break;
            }
        }
        double heat = 0;
        if (direct != null && s.board.onboard() != null && s.board.onboard().regulator() != null) {
            heat = (in.volts - s.board.onboard().regulator().output()) * Session.typicalCurrent(s.board);
        }
        if (direct != null && heat <= 0.5) {
            s.plan.connect(in.net, Session.BOARD + ":" + Session.pinRef(s.board, direct));
            in.draw(Session.typicalCurrent(s.board));
            s.plan.why("power", (BareChip.isBare(s.board) ? "The chip takes " : "The board takes ") + in.net + " (" + Values.v(in.volts) + ") straight into its "
                            + direct.name() + " pin, whose range" + Session.range(direct, s.board) + " includes it"
                            + (heat > 0 ? "; its regulator dissipates about " + String.format(Locale.ROOT, "%.2f W",
                            heat) : "") + ".",
                    s.board.id() + ": " + direct.name() + Session.range(direct, s.board));
            PartPin five = boardPower(PinType.POWER_OUT, 5.0);
            boolean regulatedFive = s.board.onboard() != null && s.board.onboard().regulator() != null
                    && Math.abs(s.board.onboard().regulator().output() - 5.0) < 0.3;
            if (five != null && regulatedFive && Math.abs(in.volts - 5.0) > 0.3) {
                Rails.Rail r = s.rails.add("5V", 5.0, Session.BOARD + ":" + five.name() + " (the board's regulator)",
                        five.maxCurrent(), in);
                feedPins.put(r, List.of(Session.BOARD + ":" + Session.pinRef(s.board, five)));
            }
            if (boardPower(PinType.POWER_OUT, in.volts) == null || Math.abs(in.volts - 3.3) > 0.2) {
                addBoardLogicRail(in);
            }
            return;
        }
        PartPin same = boardPower(PinType.POWER_OUT, in.volts);
        if (same != null && Math.abs(in.volts - 5.0) < 0.3) {
            // a regulated 5 V supply goes onto the board's 5 V pin, bypassing its regulator
            s.plan.connect(in.net, Session.BOARD + ":" + Session.pinRef(s.board, same));
            in.draw(Session.typicalCurrent(s.board));
            s.plan.why("power", "The regulated " + Values.v(in.volts) + " supply feeds the board's " + same.name()
                            + " pin directly, past its own regulator (whose input needs more).",
                    s.board.id() + ": " + same.name() + " " + Values.v(same.voltage()));
            addBoardLogicRail(in);
            return;
        }
        boolean buck = in.volts > 5.5;
        Part conv = converter(buck, in.volts);
        String why = direct != null
                ? "feeding " + Values.v(in.volts) + " into " + direct.name() + " would burn "
                + String.format(Locale.ROOT, "%.2f W", heat) + " in the board's linear regulator"
                : Values.v(in.volts) + " is outside every supply input of the board";
        if (!buck && s.board.onboard() != null && s.board.onboard().regulator() != null
                && s.board.onboard().regulator().dropout() != null) {
            why += "; an LDO to 3.3 V would need " + Values.v(3.3 + s.board.onboard().regulator().dropout())
                    + " at least (dropout " + Values.v(s.board.onboard().regulator().dropout()) + ")";
        }
        feedThrough(in, conv, why);
    }

    private static boolean isConverter(Part p) {
        return p.category() == Category.POWER && p.model() != null && p.model().kind() == ModelKind.REGULATOR
                && !p.id().startsWith("tp4056") && p.pins().stream().anyMatch(x -> x.type() == PinType.POWER_OUT);
    }

    /** Whether a converter can take {@code volts} in: inside its input range, above its output plus dropout. */
    private static boolean accepts(Part conv, double volts) {
        PartPin vin = conv.pins().stream().filter(p -> p.type() == PinType.POWER_IN && p.can(PinFunction.POWER))
                .findFirst().orElse(null);
        double out = sourceVolts(conv);
        double dropout = conv.model().parameter("dropout", 0);
        boolean boost = conv.id().contains("boost") || conv.id().startsWith("mt3608");
        boolean range = vin == null || vin.range() == null || vin.range().contains(volts);
        return range && (boost ? volts < out : volts >= out + dropout - 1e-9);
    }

    /** Puts a converter between {@code in} and the board: its output becomes the 5 V (or 3.3 V) rail. */
    private void feedThrough(Rails.Rail in, Part conv, String why) {
        String ref = s.plan.nextRef("U");
        double out = sourceVolts(conv);
        String outNet = Math.abs(out - 3.3) < 0.2 ? "3V3" : Math.abs(out - 5.0) < 0.3 ? "5V"
                : Session.netName(Values.v(out).replace(" ", "").replace(".", "V"));
        s.plan.part(ref, conv.id(), conv.name() + ": " + Values.v(out) + " for the board");
        PartPin vin = conv.pins().stream().filter(p -> p.type() == PinType.POWER_IN && p.can(PinFunction.POWER))
                .findFirst().orElseThrow();
        PartPin vout = conv.pins().stream().filter(p -> p.type() == PinType.POWER_OUT).findFirst().orElseThrow();
        s.plan.connect(in.net, ref + ":" + Session.pinRef(conv, vin));
        boolean grounded = false;
        for (PartPin p : conv.pins()) {
            if (p.can(PinFunction.GROUND) && (!grounded || conv.form() == Form.MODULE)) {
                s.plan.connect(Session.GND, ref + ":" + Session.pinRef(conv, p));
                grounded = true;
            }
        }
        Rails.Rail rail = s.rails.add(outNet, out, ref + " (" + conv.name() + ")", vout.maxCurrent(), in);
        s.plan.connect(outNet, ref + ":" + Session.pinRef(conv, vout));
        live.add(rail);
        rail.draw(Session.typicalCurrent(s.board));
        PartPin into = null;
        for (PartPin p : s.board.pins()) {
            if (p.type() == PinType.POWER_IN && p.can(PinFunction.POWER) && p.range() != null
                    && p.range().contains(out)) {
                into = p;
                break;
            }
        }
        if (into == null) {
            into = boardPower(PinType.POWER_OUT, out);
        }
        if (into == null) {
            throw new DesignException(DesignException.Reason.REFUSED, s.board.id() + " has no supply pin that takes "
                    + Values.v(out) + " from " + conv.id(), List.of("power the board from USB"));
        }
        s.plan.connect(outNet, Session.BOARD + ":" + Session.pinRef(s.board, into));
        if (conv.form() == Form.IC) {
            regulatorCaps(ref, conv, in.net, outNet);
        }
        s.plan.why("power", "A " + conv.name() + " (" + ref + ") makes " + Values.v(out) + " from " + in.net + " ("
                        + Values.v(in.volts) + ") for the board's " + into.name() + " pin: " + why + ".",
                conv.id() + ": input" + Session.range(vin, conv) + ", output " + Values.v(out) + " up to "
                        + Values.ma(vout.maxCurrent() == null ? 0 : vout.maxCurrent())
                        + (conv.model().parameters().containsKey("dropout") ? ", dropout "
                        + Values.v(conv.model().parameter("dropout", 0)) : ""));
        if (Math.abs(out - 3.3) < 0.2) {
            PartPin three = boardPower(PinType.POWER_OUT, 3.3);
            if (three != null && three != into) {
                s.plan.connect(outNet, Session.BOARD + ":" + Session.pinRef(s.board, three));
            }
        } else {
            addBoardLogicRail(rail);
        }
    }

    /** The first 5 V converter whose input range and dropout suit {@code volts}: a buck module, else an LDO. */
    private Part converter(boolean buck, double volts) {
        List<String> ids = buck ? List.of("mp1584-buck-module", "lm2596-buck-module", "lm2940-5", "lm7805")
                : List.of("mt3608-module");
        for (String id : ids) {
            Optional<Part> p = s.kb.part(id);
            if (p.isEmpty() || p.get().model() == null) {
                continue;
            }
            double dropout = p.get().model().parameter("dropoutMax", p.get().model().parameter("dropout", 0));
            double vinMax = p.get().model().parameter("vinMax", 100);
            double vinMin = p.get().model().parameter("vinMin", 0);
            if (volts <= vinMax && volts >= vinMin && (!buck || 5.0 + dropout <= volts)) {
                return p.get();
            }
        }
        throw new DesignException(DesignException.Reason.REFUSED, "no converter in the knowledge base makes 5 V from "
                + Values.v(volts), List.of("use a 9 V or 12 V supply", "power the board from USB"));
    }

    /**
     * A rail at {@code volts} that can give {@code amps} more: an existing one, the board's s.pins, or a new adapter
     * with common ground for load voltages the board does not have.
     */
    Optional<Rails.Rail> rail(double volts, double amps, String who) {
        Optional<Rails.Rail> have = s.rails.at(volts);
        if (have.isPresent()) {
            Rails.Rail r = have.get();
            if (!r.fits(amps) && Math.abs(volts - 3.3) < 0.2 && s.rails.at(5.0).isPresent()) {
                Rails.Rail ldo = ldoRail(r, who, amps);
                if (ldo.fits(amps)) {
                    use(ldo);
                    return Optional.of(ldo);
                }
            }
            if (!r.fits(amps) && (s.hints.externalSupply || Math.abs(volts - 5.0) < 0.3)) {
                Rails.Rail ext = externalFive(r, who, amps);
                if (ext != null) {
                    use(ext);
                    return Optional.of(ext);
                }
            }
            if (!r.fits(amps) && volts > 5.5 && r.parent == null) {
                String net = r.net + "_" + (s.rails.all().stream().filter(x -> x.net.startsWith(r.net)).count() + 1);
                Optional<Rails.Rail> spare = s.rails.all().stream().filter(x -> x.net.startsWith(r.net + "_")
                        && x.fits(amps)).findFirst();
                if (spare.isPresent()) {
                    return spare;
                }
                Rails.Rail second = adapterRail(volts, null, net);
                s.plan.why("power", who + " would take " + r.net + " to " + Values.ma(r.load + amps) + ", over 80 % of "
                        + "its adapter's " + Values.ma(r.capacity) + ": a second " + Values.v(volts) + " adapter feeds "
                        + net + " (or use one adapter rated for " + Values.ma(r.load + amps) + " and join the nets).");
                return Optional.of(second);
            }
            use(r);
            return have;
        }
        if (Math.abs(volts - 3.3) < 0.2 && BareChip.isBare(s.board) && s.rails.at(5.0).isPresent()) {
            // a bare chip has no 3.3 V pin of its own: a 3.3 V module gets an LDO from the 5 V rail
            Rails.Rail ldo = ldoRail(null, who, amps);
            use(ldo);
            return Optional.of(ldo);
        }
        if (Math.abs(volts - 3.3) < 0.2 || Math.abs(volts - 5.0) < 0.3 && !usbPowered && s.rails.at(3.7).isPresent()) {
            if (Math.abs(volts - 5.0) < 0.3) {
                Rails.Rail in = s.rails.at(3.7).get();
                Part boost = s.kb.part("mt3608-module").orElseThrow();
                String ref = s.plan.nextRef("U");
                s.plan.part(ref, boost.id(), "boost converter to 5 V for the 5 V modules");
                s.plan.connect(in.net, ref + ":VIN+");
                s.plan.connect(Session.GND, ref + ":VIN-", ref + ":VOUT-");
                Rails.Rail five = s.rails.add("5V", 5.0, ref + " (" + boost.name() + ", set to 5 V)", 1.0, in);
                s.plan.connect("5V", ref + ":VOUT+");
                live.add(five);
                s.plan.why("power", "The 5 V modules get 5 V from a " + boost.name() + " on " + in.net
                        + ": the cell gives only 3.0–4.2 V.", boost.id() + ": input 2–24 V, output up to 1 A");
                return Optional.of(five);
            }
            return Optional.empty();
        }
        if (volts > 5.5) {
            Rails.Rail r = adapterRail(volts, null);
            s.plan.why("power", who + " needs " + Values.v(volts) + ": a separate " + Values.v(volts) + " supply feeds "
                    + r.net + (usbPowered ? " while the board stays on USB" : "") + ", with its ground joined to "
                    + "the board's GND so the driver's gate or base is referred to the same 0 V.");
            return Optional.of(r);
        }
        return Optional.empty();
    }

    /** An AMS1117-3.3 from the 5 V rail, for 3.3 V modules the board's own 3.3 V pin cannot carry. */
    private Rails.Rail ldoRail(Rails.Rail full, String who, double amps) {
        Optional<Rails.Rail> have = s.rails.net("3V3_LDO");
        if (have.isPresent()) {
            return have.get();
        }
        Rails.Rail five = s.rails.at(5.0).orElseThrow();
        use(five);
        Part ldo = s.kb.part("ams1117-3-3").orElseThrow();
        String ref = s.plan.nextRef("U");
        s.plan.part(ref, ldo.id(), "3.3 V regulator for the modules the board's 3.3 V pin cannot carry");
        s.plan.connect(five.net, ref + ":VIN");
        s.plan.connect(Session.GND, ref + ":GND");
        PartPin out = ldo.pin("VOUT").orElseThrow();
        s.plan.connect("3V3_LDO", ref + ":" + Session.pinRef(ldo, out));
        Rails.Rail r = s.rails.add("3V3_LDO", 3.3, ref + " (" + ldo.name() + ")", out.maxCurrent(), five);
        live.add(r);
        regulatorCaps(ref, ldo, five.net, "3V3_LDO");
        s.plan.why("power", (full == null ? who + " needs 3.3 V and " + s.board.id() + " has no 3.3 V pin"
                        : who + " would take " + full.net + " to " + Values.ma(full.load + amps) + ", over 80 % of the "
                        + "board pin's " + Values.ma(full.capacity == null ? 0 : full.capacity)) + ": an " + ldo.name()
                        + " makes 3V3_LDO from " + five.net + " (" + Values.v(five.volts) + " ≥ 3.3 V + "
                        + Values.v(ldo.model().parameter("dropout", 1.1)) + " dropout).",
                ldo.id() + ": dropout " + Values.v(ldo.model().parameter("dropout", 1.1)) + ", up to "
                        + Values.ma(out.maxCurrent() == null ? 0 : out.maxCurrent()));
        return r;
    }

    /** The input and output capacitors a regulator's data names (cin, cout). */
    private void regulatorCaps(String ref, Part reg, String in, String out) {
        if (reg.model() == null) {
            return;
        }
        String[][] caps = {{"cin", in, "input"}, {"cout", out, "output"}};
        for (String[] c : caps) {
            double farads = reg.model().parameter(c[0], 0);
            if (farads <= 0) {
                continue;
            }
            String cref = s.plan.nextRef("C");
            s.plan.component(cref, ComponentKind.CAPACITOR, "capacitor-ceramic", Values.text(farads, ""),
                    c[2] + " capacitor of " + ref);
            s.plan.connect(c[1], cref + ":1");
            s.plan.connect(Session.GND, cref + ":2");
            s.plan.why(cref, cref + " (" + Values.text(farads, "F") + ") is " + ref + "'s " + c[2] + " capacitor, as its "
                    + "data asks for stability.", reg.id() + ": " + c[0] + " " + Values.text(farads, "F"));
        }
    }

    /** A separate 5 V supply (adapter and buck module) for loads the board's 5 V pin cannot carry. */
    private Rails.Rail externalFive(Rails.Rail full, String who, double amps) {
        Optional<Rails.Rail> ext = s.rails.net("5V_EXT");
        if (ext.isPresent()) {
            return ext.get();
        }
        Rails.Rail twelve = adapterRail(12.0, null);
        Part buck = s.kb.part("lm2596-buck-module").orElseThrow();
        String ref = s.plan.nextRef("U");
        s.plan.part(ref, buck.id(), "buck converter: 5 V for the loads the board's 5 V pin cannot carry");
        s.plan.connect(twelve.net, ref + ":IN+");
        s.plan.connect(Session.GND, ref + ":IN-", ref + ":OUT-");
        Rails.Rail r = s.rails.add("5V_EXT", 5.0, ref + " (" + buck.name() + ", set to 5 V)", 3.0, twelve);
        s.plan.connect("5V_EXT", ref + ":OUT+");
        live.add(r);
        s.plan.why("power", who + " would take " + full.net + " to " + Values.ma(full.load + amps) + ", over 80 % of its "
                        + Values.ma(full.capacity == null ? 0 : full.capacity) + ": loads move to 5V_EXT, an "
                        + buck.name() + " from a 12 V adapter, grounds joined.",
                buck.id() + ": up to 3 A");
        return r;
    }

    /** Puts a rail's feeding pin (the board's 3V3 or 5V pin) on its net the first time something uses it. */
    void use(Rails.Rail r) {
        if (live.add(r)) {
            for (String p : feedPins.getOrDefault(r, List.of())) {
                s.plan.connect(r.net, p);
            }
        }
    }

    void finishRails() {
        for (Rails.Rail r : s.rails.all()) {
            if (live.contains(r)) {
                s.plan.rail(new DesignPlan.Rail(r.net, r.volts, r.source, r.capacity,
                        Math.round(r.load * 1e5) / 1e5));
                if (r.capacity != null && r.load > r.capacity) {
                    s.plan.note(r.net + " carries " + Values.ma(r.load) + ", more than its " + Values.ma(r.capacity)
                            + ": use a stronger supply");
                } else if (r.capacity != null) {
                    s.plan.why("budget " + r.net, r.net + " (" + Values.v(r.volts) + " from " + r.source + ") carries "
                            + Values.ma(r.load) + " typical of its " + Values.ma(r.capacity) + ".");
                }
            }
        }
    }
}
