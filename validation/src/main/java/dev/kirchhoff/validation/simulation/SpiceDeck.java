package dev.kirchhoff.validation.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ngspice operating-point deck exported from a circuit, with what is needed to read the results back in the
 * circuit's own terms: which SPICE node each net became, which instance each component became, and the probes the
 * export added (a 0 V source in series with each LED, the source behind each driven output pin). Names of nodes,
 * instances and vectors are kept in lower case, as ngspice prints them. Immutable.
 *
 * @param text the deck, ready for {@code ngspice -b}
 * @param nodes circuit net name to SPICE node ({@code 0} for ground nets)
 * @param owners SPICE instance name or internal node to the reference designator of the component it stands for
 * @param leds one probe per simulated LED
 * @param outputs one entry per output pin the export drives
 * @param notes the modelling decisions, one line each, as written in the deck's header comment
 */
public record SpiceDeck(String text, Map<String, String> nodes, Map<String, String> owners, List<LedProbe> leds,
                        List<DrivenOutput> outputs, List<String> notes) {

    public SpiceDeck {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        owners = Collections.unmodifiableMap(new LinkedHashMap<>(owners));
        leds = List.copyOf(leds);
        outputs = List.copyOf(outputs);
        notes = List.copyOf(notes);
    }

    /** The SPICE node of net {@code net}, or {@code null} when the net is not in the deck. */
    public String node(String net) {
        return nodes.get(net);
    }

    /**
     * The reference designator behind a name ngspice printed: a node or branch of a module ({@code xuno.n1},
     * {@code v.xuno.vout_p14#branch}), an instance ({@code r1}) or a probe ({@code vsense_d1}); {@code null} when
     * the name is a plain net node or unknown. The own node of an unconnected pin ({@code nc_r1_2}) belongs to its
     * component.
     */
    public String ownerOf(String spiceName) {
        String n = spiceName.toLowerCase(Locale.ROOT);
        int hash = n.indexOf('#');
        if (hash >= 0) {
            n = n.substring(0, hash);
        }
        String direct = owners.get(n);
        if (direct != null) {
            return direct;
        }
        // devices inside a subcircuit are printed with their letter first: v.xuno.vout_p14
        if (n.length() > 2 && n.charAt(1) == '.') {
            n = n.substring(2);
        }
        int dot = n.indexOf('.');
        String owner = owners.get(dot >= 0 ? n.substring(0, dot) : n);
        // an unconnected pin's own node is nc_<instance>_<pin>
        for (int cut = n.lastIndexOf('_'); owner == null && n.startsWith("nc_") && cut > 3;
             cut = n.lastIndexOf('_', cut - 1)) {
            owner = owners.get(n.substring(3, cut));
        }
        return owner;
    }

    /** The net whose node ngspice printed as {@code node}, or {@code null}. */
    public String netOf(String node) {
        String n = node.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : nodes.entrySet()) {
            if (e.getValue().equals(n)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * A 0 V source the export put in series with an LED, so its current is measured.
     *
     * @param ref the LED's reference designator
     * @param anode the component's pin index of the anode
     * @param cathode the component's pin index of the cathode
     * @param vector the ngspice vector of the source's current, positive from anode to cathode
     * @param rating the LED's forward current rating in amperes ({@code ifMax} of its part, else 20 mA)
     * @param ratingSource where the rating came from ({@code ifMax of led-red}, {@code default})
     */
    public record LedProbe(String ref, int anode, int cathode, String vector, double rating, String ratingSource) {
    }

    /**
     * An output pin the export drives: a voltage source behind {@link SpiceExport#OUTPUT_OHMS}.
     *
     * @param ref the component's reference designator
     * @param pin the component's pin index
     * @param volts the source's voltage relative to the part's ground
     * @param high whether it is driven HIGH (else LOW, sinking the current of an LED on its cathode)
     * @param vector the ngspice vector of the source's current
     * @param reason why it is driven and in which state, in words
     */
    public record DrivenOutput(String ref, int pin, double volts, boolean high, String vector, String reason) {
    }
}
