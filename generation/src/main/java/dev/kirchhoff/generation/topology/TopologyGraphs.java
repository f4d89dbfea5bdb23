package dev.kirchhoff.generation.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph identity of topologies: a canonical hash that ignores device numbering, internal net names and the order of
 * a passive's terminals, and an exact isomorphism test for when hashes agree. Stateless and thread-safe.
 *
 * <p>The hash is Weisfeiler-Lehman colour refinement over the bipartite graph (devices coloured by type, nets by
 * name if named, edges by terminal label); equal topologies always hash equal, and the exact test settles the rare
 * collisions of different ones.
 */
public final class TopologyGraphs {

    private TopologyGraphs() {
    }

    /** A hash equal for isomorphic topologies (the circuit type is not part of it). */
    public static long canonicalHash(Topology t) {
        long[] colour = refine(t);
        long[] sorted = colour.clone();
        Arrays.sort(sorted);
        long h = 1469598103934665603L;
        for (long c : sorted) {
            h = mix(h ^ c);
        }
        return h;
    }

    /** Whether two topologies are the same circuit up to device numbering, internal net names and passive flips. */
    public static boolean isomorphic(Topology a, Topology b) {
        if (a.devices().size() != b.devices().size() || a.nets().size() != b.nets().size()) {
            return false;
        }
        long[] ca = refine(a);
        long[] cb = refine(b);
        long[] sa = ca.clone();
        long[] sb = cb.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        if (!Arrays.equals(sa, sb)) {
            return false;
        }
        int nd = a.devices().size();
        int[] map = new int[nd];
        Arrays.fill(map, -1);
        boolean[] taken = new boolean[nd];
        int[] netMap = new int[a.nets().size()];
        Arrays.fill(netMap, -1);
        int[] netBack = new int[b.nets().size()];
        Arrays.fill(netBack, -1);
        Integer[] order = new Integer[nd];
        for (int i = 0; i < nd; i++) {
            order[i] = i;
        }
        // devices with rare colours first: fewer branches
        Map<Long, Integer> freq = new HashMap<>();
        for (int i = 0; i < nd; i++) {
            freq.merge(ca[i], 1, Integer::sum);
        }
        Arrays.sort(order, (x, y) -> Integer.compare(freq.get(ca[x]), freq.get(ca[y])));
        int nn = a.nets().size();
        for (int n = 0; n < nn; n++) {
            if (!Topology.isInternal(a.nets().get(n))) {
                int m = b.nets().indexOf(a.nets().get(n));
                if (m < 0) {
                    return false;
                }
                netMap[n] = m;
                netBack[m] = n;
            }
        }
        return match(a, b, ca, cb, order, 0, map, taken, netMap, netBack, new long[] {0});
    }

    private static final long BUDGET = 2_000_000;

    private static boolean match(Topology a, Topology b, long[] ca, long[] cb, Integer[] order, int depth, int[] map,
                                 boolean[] taken, int[] netMap, int[] netBack, long[] steps) {
        if (depth == order.length) {
            return true;
        }
        if (++steps[0] > BUDGET) {
            return false;
        }
        int i = order[depth];
        Device da = a.devices().get(i);
        for (int j = 0; j < b.devices().size(); j++) {
            if (taken[j] || cb[j] != ca[i]) {
                continue;
            }
            Device db = b.devices().get(j);
            int flips = da.type().isPassive() ? 2 : 1;
            for (int f = 0; f < flips; f++) {
                List<int[]> added = new ArrayList<>();
                boolean ok = true;
                for (int k = 0; k < da.type().terminalCount() && ok; k++) {
                    int na = da.net(k);
                    int nb = db.net(f == 0 ? k : 1 - k);
                    if (netMap[na] < 0 && netBack[nb] < 0) {
                        if (Topology.isInternal(b.nets().get(nb)) != Topology.isInternal(a.nets().get(na))) {
                            ok = false;
                        } else {
                            netMap[na] = nb;
                            netBack[nb] = na;
                            added.add(new int[] {na, nb});
                        }
                    } else if (netMap[na] != nb) {
                        ok = false;
                    }
                }
                if (ok) {
                    taken[j] = true;
                    map[i] = j;
                    if (match(a, b, ca, cb, order, depth + 1, map, taken, netMap, netBack, steps)) {
                        return true;
                    }
                    taken[j] = false;
                    map[i] = -1;
                }
                for (int[] p : added) {
                    netMap[p[0]] = -1;
                    netBack[p[1]] = -1;
                }
            }
        }
        return false;
    }

    /** Device colours after refinement (nets are refined alongside). */
    private static long[] refine(Topology t) {
        int nd = t.devices().size();
        int nn = t.nets().size();
        long[] dev = new long[nd];
        long[] net = new long[nn];
        for (int i = 0; i < nd; i++) {
            dev[i] = mix(t.devices().get(i).type().ordinal() + 17L);
        }
        for (int n = 0; n < nn; n++) {
            String name = t.nets().get(n);
            net[n] = Topology.isInternal(name) ? 7L : mix(name.hashCode() * 31L + 3);
        }
        for (int round = 0; round < 4; round++) {
            long[] nextNet = new long[nn];
            for (int n = 0; n < nn; n++) {
                nextNet[n] = net[n] * 0x9E3779B97F4A7C15L;
            }
            long[] nextDev = new long[nd];
            for (int i = 0; i < nd; i++) {
                Device d = t.devices().get(i);
                long acc = dev[i];
                long sum = 0;
                for (int k = 0; k < d.type().terminalCount(); k++) {
                    long label = d.type().isPassive() ? 11 : k + 1;
                    sum += mix(net[d.net(k)] * 131 + label);
                    nextNet[d.net(k)] += mix(dev[i] * 137 + label);
                }
                nextDev[i] = mix(acc * 31 + sum);
            }
            for (int n = 0; n < nn; n++) {
                nextNet[n] = mix(nextNet[n]);
            }
            dev = nextDev;
            net = nextNet;
        }
        long[] all = Arrays.copyOf(dev, nd);
        return all;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
