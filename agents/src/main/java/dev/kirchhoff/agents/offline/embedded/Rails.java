package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supply nets of one design while it is planned: voltage, what feeds each, its capacity and the typical currents
 * hung on it so far, and which rail feeds it (a regulator's load is its input rail's load too). Not thread-safe.
 */
final class Rails {

    /** One supply net being planned. */
    static final class Rail {
        final String net;
        final double volts;
        final String source;
        final Double capacity;
        final Rail parent;
        double load;

        Rail(String net, double volts, String source, Double capacity, Rail parent) {
            this.net = net;
            this.volts = volts;
            this.source = source;
            this.capacity = capacity;
            this.parent = parent;
        }

        /** Adds a load here and on every rail upstream. */
        void draw(double amps) {
            for (Rail r = this; r != null; r = r.parent) {
                r.load += amps;
            }
        }

        /** Whether {@code amps} more would stay within 80 % of the capacity here and upstream. */
        boolean fits(double amps) {
            for (Rail r = this; r != null; r = r.parent) {
                if (r.capacity != null && r.load + amps > 0.8 * r.capacity) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, Rail> byNet = new LinkedHashMap<>();

    Rail add(String net, double volts, String source, Double capacity, Rail parent) {
        Rail r = new Rail(net, volts, source, capacity, parent);
        byNet.put(net, r);
        return r;
    }

    /** The first rail at {@code volts} (within 5 %), preferring the given net name. */
    Optional<Rail> at(double volts) {
        for (Rail r : byNet.values()) {
            if (Math.abs(r.volts - volts) <= 0.05 * volts) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    Optional<Rail> net(String net) {
        return Optional.ofNullable(byNet.get(net));
    }

    List<Rail> all() {
        return new ArrayList<>(byNet.values());
    }

    List<DesignPlan.Rail> records() {
        List<DesignPlan.Rail> out = new ArrayList<>();
        for (Rail r : byNet.values()) {
            out.add(new DesignPlan.Rail(r.net, r.volts, r.source, r.capacity, Math.round(r.load * 1e5) / 1e5));
        }
        return out;
    }
}
