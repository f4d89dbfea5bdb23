package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses board pins for device signals from the board's own pin data: functions, default-bus pins, flags (input-only,
 * flash, reserved, strapping, boot output, Wi-Fi conflicts, internal pull-ups) and nothing hard-coded per board. Each
 * request is scored and the cheapest free pin wins; ties go to header order, so the answer is deterministic. Not
 * thread-safe: it remembers which pins are taken.
 */
final class PinSolver {

    /** Which way the signal goes, seen from the board. */
    enum Direction { OUT, IN, BIDIR }

    /**
     * A request for one board pin.
     *
     * @param function     the capability the pin must have (GPIO for a plain digital pin)
     * @param direction    which way the signal flows
     * @param fallbackGpio whether a plain GPIO will do when no pin has the function (a software UART or chip select)
     * @param wantPullUp   prefer pins with an internal pull-up the firmware can switch on
     */
    record Need(PinFunction function, Direction direction, boolean fallbackGpio, boolean wantPullUp,
                boolean avoidStrapping) {
        Need(PinFunction function, Direction direction, boolean fallbackGpio, boolean wantPullUp) {
            this(function, direction, fallbackGpio, wantPullUp, false);
        }

        static Need of(PinFunction f, Direction d) {
            return new Need(f, d, false, false);
        }

        /** The same need, kept off strapping pins (a divider's bottom resistor would hold one low at reset). */
        Need offStrapping() {
            return new Need(function, direction, fallbackGpio, wantPullUp, true);
        }
    }

    /** A chosen pin with the reason, in words, for the pin map. */
    record Choice(PartPin pin, String reason, boolean fallback) {
    }

    private final Part board;
    private final boolean wifi;
    private final Set<String> used = new HashSet<>();
    private final Set<String> avoid;
    /** A bare chip is programmed in circuit: its ISP pins are better left to signals that tolerate the programmer. */
    private final boolean isp;

    PinSolver(Part board, Set<String> avoid) {
        this.board = board;
        this.avoid = avoid;
        this.isp = BareChip.isBare(board);
        this.wifi = board.interfaceOf(InterfaceKind.WIFI).isPresent();
    }

    boolean hasWifi() {
        return wifi;
    }

    /** Marks a pin as taken, with any pin that is the same header signal under another name. */
    void take(PartPin pin) {
        used.add(pin.number());
        for (PartPin other : board.pins()) {
            if (other != pin && (other.answersTo(pin.number()) || pin.answersTo(other.number()))) {
                used.add(other.number());
            }
        }
    }

    boolean isFree(PartPin pin) {
        return !used.contains(pin.number());
    }

    /** The cheapest free pin for {@code need}, or empty when the board has none left. */
    Optional<Choice> choose(Need need) {
        PartPin best = null;
        int bestCost = Integer.MAX_VALUE;
        boolean bestFallback = false;
        for (PartPin p : board.pins()) {
            if (!isSignal(p) || used.contains(p.number()) || p.has(PinFlag.FLASH)) {
                continue;
            }
            boolean capable = p.can(need.function());
            boolean fallback = !capable && need.fallbackGpio() && p.can(PinFunction.GPIO);
            if (!capable && !fallback) {
                continue;
            }
            if (need.direction() != Direction.IN && (p.has(PinFlag.INPUT_ONLY) || p.type() == PinType.INPUT)) {
                continue;
            }
            int cost = cost(p, need) + (fallback ? 40 : 0);
            if (cost < bestCost) {
                best = p;
                bestCost = cost;
                bestFallback = fallback;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        take(best);
        return Optional.of(new Choice(best, reason(best, need, bestFallback), bestFallback));
    }

    /** Takes a pin the prompt named, when it is free and can do what is needed. */
    Optional<Choice> takeWanted(PartPin p, Need need) {
        if (used.contains(p.number()) || p.has(PinFlag.FLASH) || !isSignal(p)) {
            return Optional.empty();
        }
        boolean capable = p.can(need.function()) || (need.function() == PinFunction.GPIO
                || need.function() == PinFunction.INTERRUPT || need.fallbackGpio()) && p.can(PinFunction.GPIO);
        if (!capable || need.direction() != Direction.IN && (p.has(PinFlag.INPUT_ONLY) || p.type() == PinType.INPUT)) {
            return Optional.empty();
        }
        take(p);
        return Optional.of(new Choice(p, "the pin the prompt asked for (" + p.name() + ")", false));
    }

    private int cost(PartPin p, Need need) {
        int cost = 0;
        PinFunction f = need.function();
        if (avoid.contains(p.number().toUpperCase(Locale.ROOT)) || avoid.contains(p.name().toUpperCase(Locale.ROOT))) {
            cost += 1000;
        }
        if (p.defaultFor().contains(f)) {
            // a chip select can be any pin: its default never outweighs a boot-time trap
            cost -= f == PinFunction.SPI_CS ? 20 : 100;
        } else if (!p.defaultFor().isEmpty()) {
            cost += 10; // keep the default bus pins free for a bus added later
        }
        if (p.has(PinFlag.RESERVED)) {
            cost += 200;
        }
        if (p.has(PinFlag.STRAPPING)) {
            cost += need.avoidStrapping() ? 500 : 60;
        }
        if (p.has(PinFlag.BOOT_OUTPUT)) {
            cost += 30;
        }
        if (p.has(PinFlag.ONBOARD_LED)) {
            cost += need.direction() == Direction.OUT ? 6 : 15;
        }
        if (p.has(PinFlag.WIFI_CONFLICT) && f == PinFunction.ADC && wifi) {
            cost += 80;
        }
        if (f != PinFunction.ADC && p.can(PinFunction.ADC)) {
            cost += 3;
        }
        if (f != PinFunction.PWM && f != PinFunction.GPIO && p.can(PinFunction.PWM) && need.direction() != Direction.OUT) {
            cost += 1;
        }
        if (f == PinFunction.GPIO && need.direction() == Direction.IN && p.has(PinFlag.INPUT_ONLY)) {
            cost -= 2; // reading is all an input-only pin can do: spend it here
        }
        boolean ispPin = p.can(PinFunction.SPI_MOSI) || p.can(PinFunction.SPI_MISO) || p.can(PinFunction.SPI_SCK);
        if (isp && ispPin && f != PinFunction.SPI_MOSI && f != PinFunction.SPI_MISO && f != PinFunction.SPI_SCK) {
            cost += 4; // the ISP programmer drives MOSI, MISO and SCK while it programs the chip
        }
        if (need.wantPullUp() && !p.has(PinFlag.INTERNAL_PULLUP)) {
            cost += 25;
        }
        return cost;
    }

    private String reason(PartPin p, Need need, boolean fallback) {
        List<String> why = new ArrayList<>();
        String fn = need.function().name();
        if (p.defaultFor().contains(need.function())) {
            why.add("the board's default " + fn + " pin");
        } else if (fallback) {
            why.add("no free " + fn + "-capable pin: a plain GPIO driven in software");
        } else {
            why.add(fn + "-capable");
        }
        if (need.wantPullUp() && p.has(PinFlag.INTERNAL_PULLUP)) {
            why.add("has an internal pull-up");
        }
        if (need.function() == PinFunction.ADC && p.has(PinFlag.WIFI_CONFLICT)) {
            why.add(wifi ? "ADC2 (unusable while Wi-Fi runs; no ADC1 pin was free)" : "ADC");
        } else if (need.function() == PinFunction.ADC && wifi) {
            why.add("ADC1, usable while Wi-Fi runs");
        }
        if (p.has(PinFlag.STRAPPING)) {
            why.add("strapping pin: no free alternative");
        } else if (p.has(PinFlag.RESERVED)) {
            why.add("reserved pin (" + (p.notes() == null ? "board use" : p.notes()) + "): no free alternative");
        } else if (!p.has(PinFlag.BOOT_OUTPUT)) {
            why.add("not a strapping, flash or boot pin");
        }
        return String.join(", ", why);
    }

    /** Signal pins: the ones a device can be wired to (not supplies, grounds, resets or no-connects). */
    static boolean isSignal(PartPin p) {
        if (p.isPower() || p.type() == PinType.NO_CONNECT || p.can(PinFunction.RESET)
                || p.can(PinFunction.POWER) || p.can(PinFunction.GROUND)) {
            return false;
        }
        return p.can(PinFunction.GPIO) || p.can(PinFunction.ADC) || p.can(PinFunction.I2C_SDA)
                || p.can(PinFunction.I2C_SCL) || p.can(PinFunction.UART_TX) || p.can(PinFunction.UART_RX)
                || p.can(PinFunction.SPI_SCK) || p.can(PinFunction.PWM);
    }
}
