package dev.kirchhoff.schematic.render.svg;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Net;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How each net is drawn, decided from its name: the main ground net gets a ground symbol at each pin, supply nets
 * (and any further ground-like nets, so that they stay distinguishable) a bar with the net name, and every other
 * net is a signal, wired or labelled by the router.
 */
final class NetStyles {

    private static final Pattern GROUND = Pattern.compile(
            "0|gnd|ground|0v|vss|[adpc]gnd|gnd[_.]?[a-z0-9]*|vss[_.]?[a-z0-9]*|earth", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUPPLY = Pattern.compile(
            "v(cc|dd|ee|bat|bus|in|sys|pp|ref|mot|led)[_a-z0-9]*|v[+-]|avcc|avdd|dvdd|iovdd|vs|pwr|power"
                    + "|[+-].+|v\\d+([._]\\d+)?v?|\\d+([.,]\\d+)?v\\d*|\\d+v\\d+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUND_PIN = Pattern.compile(
            "gnd[_.]?[a-z0-9]*|[adpc]gnd|vss[a-z0-9]*|ground|0v|v-|vee|gnd\\d*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUPPLY_PIN = Pattern.compile("v(cc|dd)[a-z0-9]*|v\\+|avcc|avdd|dvdd",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, Attachment> styles = new HashMap<>();

    NetStyles(Circuit circuit) {
        String mainGround = null;
        int most = -1;
        for (Net n : circuit.nets()) {
            if (isGroundName(n.name()) && n.pins().size() > most) {
                mainGround = n.name();
                most = n.pins().size();
            }
        }
        for (Net n : circuit.nets()) {
            Attachment a;
            if (n.name().equals(mainGround)) {
                a = Attachment.GROUND;
            } else if (isGroundName(n.name()) || isSupplyName(n.name())) {
                a = Attachment.SUPPLY;
            } else {
                a = Attachment.WIRE;
            }
            styles.put(n.name(), a);
        }
    }

    /** {@link Attachment#GROUND}, {@link Attachment#SUPPLY}, or {@link Attachment#WIRE} for a signal net. */
    Attachment style(String net) {
        return styles.getOrDefault(net, Attachment.WIRE);
    }

    boolean isSignal(String net) {
        return style(net) == Attachment.WIRE;
    }

    /** Whether {@code net} is drawn as ground or is named like a ground. */
    boolean isGround(String net) {
        return style(net) == Attachment.GROUND || isGroundName(net);
    }

    static boolean isGroundName(String name) {
        return GROUND.matcher(name).matches();
    }

    static boolean isSupplyName(String name) {
        return SUPPLY.matcher(name).matches();
    }

    static boolean isGroundPinName(String name) {
        return GROUND_PIN.matcher(name).matches();
    }

    static boolean isSupplyPinName(String name) {
        return SUPPLY_PIN.matcher(name).matches();
    }
}
