package dev.kirchhoff.generation.metrics;

import dev.kirchhoff.generation.topology.Device;
import dev.kirchhoff.generation.topology.DeviceType;
import dev.kirchhoff.generation.topology.Ports;
import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import dev.kirchhoff.validation.simulation.NgspiceRun;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether real ngspice finds an operating point for a generated topology after a default sizing and biasing pass.
 * Thread-safe.
 *
 * <p>The pass, the same for every circuit (a topology carries no values): level-1 MOSFETs W/L = 10u/1u (VTO
 * ±0.5 V, KP 200u/100u), BJTs with β 100, diodes IS 1e-14; resistors 10 kΩ, capacitors 1 pF, inductors 1 nH; VSS is
 * ground, VDD a 1.8 V source; input, reference, common-mode, clock, control and logic ports sit at 0.9 V; a bias
 * port {@code VBk} at 0.7 V when it drives only NMOS gates, 1.1 V when only PMOS gates, else 0.9 V; a current port
 * ({@code IBk}, {@code IINk}, {@code IREFk}) gets 10 µA, pushed in from VDD when it reaches an NMOS or NPN device,
 * pulled out to ground otherwise. Outputs are left to the circuit. Converged means ngspice printed the operating
 * point and no "singular matrix", "check node", "no convergence" or failed-analysis line.
 */
public final class OperatingPointCheck {

    private static final Pattern FAILURE = Pattern.compile("(?i)singular matrix|check node|no convergence"
            + "|timestep too small|doanalyses:|dc solution failed|simulation\\(s\\) aborted|^\\s*error|fatal");
    private static final String BEGIN = "KIRCHHOFF-OP-BEGIN";
    private static final String END = "KIRCHHOFF-OP-END";

    private final Ngspice ngspice;

    public OperatingPointCheck(Ngspice ngspice) {
        this.ngspice = ngspice;
    }

    /** The check with the ngspice on this machine, or empty-handed: {@link NgspiceException} when there is none. */
    public static OperatingPointCheck locate() throws NgspiceException {
        return new OperatingPointCheck(Ngspice.locate());
    }

    /** Whether ngspice solves {@code t}'s operating point. */
    public boolean converges(Topology t) throws NgspiceException {
        NgspiceRun run = ngspice.run(deck(t));
        if (run.exitCode() != 0) {
            return false;
        }
        boolean inside = false;
        int values = 0;
        for (String line : (run.stdout() + "\n" + run.stderr()).split("\\R")) {
            String l = line.strip();
            if (l.equals(BEGIN)) {
                inside = true;
            } else if (l.equals(END)) {
                inside = false;
            } else if (inside && l.contains("=")) {
                if (l.toLowerCase(Locale.ROOT).contains("nan")) {
                    return false;
                }
                values++;
            } else if (FAILURE.matcher(l).find()) {
                return false;
            }
        }
        return values > 0;
    }

    /** The sized and biased SPICE deck of {@code t}. */
    public static String deck(Topology t) {
        StringBuilder b = new StringBuilder();
        b.append("* ").append(t.type().isEmpty() ? "generated topology" : t.type())
                .append(": default sizing and biasing\n");
        b.append(".model nmos4 nmos level=1 vto=0.5 kp=200u lambda=0.05\n");
        b.append(".model pmos4 pmos level=1 vto=-0.5 kp=100u lambda=0.05\n");
        b.append(".model npn npn bf=100 is=1e-15 vaf=100\n");
        b.append(".model pnp pnp bf=100 is=1e-15 vaf=100\n");
        b.append(".model diode d is=1e-14\n");
        String[] node = new String[t.nets().size()];
        for (int n = 0; n < node.length; n++) {
            String name = t.nets().get(n);
            node[n] = name.equals("VSS") || name.equals("0") ? "0" : name;
        }
        Map<DeviceType, Integer> counts = new EnumMap<>(DeviceType.class);
        boolean[] nmosGate = new boolean[node.length];
        boolean[] pmosGate = new boolean[node.length];
        boolean[] nType = new boolean[node.length];
        for (Device d : t.devices()) {
            DeviceType type = d.type();
            int k = counts.merge(type, 1, Integer::sum);
            String ref = type.refPrefix() + k;
            switch (type) {
                case NM, PM -> {
                    b.append(ref).append(' ').append(node[d.net(0)]).append(' ').append(node[d.net(1)]).append(' ')
                            .append(node[d.net(2)]).append(' ').append(node[d.net(3)]).append(' ')
                            .append(type.model()).append(" w=10u l=1u\n");
                    (type == DeviceType.NM ? nmosGate : pmosGate)[d.net(1)] = true;
                    if (type == DeviceType.NM) {
                        for (int n : d.nets()) {
                            nType[n] = true;
                        }
                    }
                }
                case NPN, PNP -> {
                    b.append(ref).append(' ').append(node[d.net(0)]).append(' ').append(node[d.net(1)]).append(' ')
                            .append(node[d.net(2)]).append(' ').append(type.model()).append('\n');
                    if (type == DeviceType.NPN) {
                        for (int n : d.nets()) {
                            nType[n] = true;
                        }
                    }
                }
                case R -> b.append(ref).append(' ').append(node[d.net(0)]).append(' ').append(node[d.net(1)])
                        .append(" 10k\n");
                case C -> b.append(ref).append(' ').append(node[d.net(0)]).append(' ').append(node[d.net(1)])
                        .append(" 1p\n");
                case L -> b.append(ref).append(' ').append(node[d.net(0)]).append(' ').append(node[d.net(1)])
                        .append(" 1n\n");
                case D -> b.append(ref).append(' ').append(node[d.net(0)]).append(' ').append(node[d.net(1)])
                        .append(" diode\n");
            }
        }
        int sources = 0;
        for (int n = 0; n < node.length; n++) {
            String name = t.nets().get(n);
            if (node[n].equals("0") || Topology.isInternal(name)) {
                continue;
            }
            if (name.equals("VDD")) {
                b.append("VSUPPLY VDD 0 DC 1.8\n");
            } else if (name.matches("(?:IB|IIN|IREF)\\d*")) {
                b.append("IBIAS").append(++sources).append(nType[n] ? " VDD " + name : " " + name + " 0")
                        .append(" DC 10u\n");
            } else if (Ports.isDriven(name)) {
                double v = 0.9;
                if (name.matches("VBB?\\d*")) {
                    v = nmosGate[n] && !pmosGate[n] ? 0.7 : pmosGate[n] && !nmosGate[n] ? 1.1 : 0.9;
                }
                b.append("VBIAS").append(++sources).append(' ').append(name).append(" 0 DC ").append(v).append('\n');
            }
        }
        if (!t.nets().contains("VDD")) {
            b.append("VSUPPLY VDD 0 DC 1.8\n");
        }
        b.append(".control\nop\necho ").append(BEGIN).append("\nprint all\necho ").append(END)
                .append("\nquit\n.endc\n.end\n");
        return b.toString();
    }
}
