package dev.kirchhoff.generation.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Encodes a {@link Topology} as a token sequence and decodes one back. Thread-safe (no state of its own).
 *
 * <p>A sequence is the circuit type, then a walk over the bipartite device/net graph from {@code VSS} that covers
 * every edge (device terminal on a net) exactly once, then {@code <eos>}; the syntax is in {@link WalkState}. The
 * walk is random (seeded): from a net it enters a device through a random unused terminal, from a device it leaves
 * through a random unused terminal, and when the current node has none left it jumps to a random node seen before
 * that still has one. Devices are numbered per type and internal nets in order of first appearance, so each walk of
 * a circuit also renames its devices and nets: many walks of one circuit are the augmentation the training data
 * uses.
 *
 * <pre>{@code
 * <Opamp> VSS NM1:S NM1:D N1 PM1:D PM1:S VDD PM1:G ... <eos>
 * }</pre>
 */
public final class TopologySequence {

    private TopologySequence() {
    }

    /**
     * One random walk of {@code t} as token ids.
     *
     * @throws UnsupportedTopologyException when the circuit has no VSS, a net or type the vocabulary lacks, more
     *     devices or internal nets than its caps, or a part no walk from VSS or a named net reaches
     */
    public static int[] encode(Topology t, Vocabulary v, Random random) {
        int typeToken = v.typeToken(t.type()).orElseThrow(() ->
                new UnsupportedTopologyException("the vocabulary has no circuit type " + t.type()));
        int nets = t.nets().size();
        int vss = t.nets().indexOf("VSS");
        if (vss < 0) {
            throw new UnsupportedTopologyException("it has no VSS net to start from");
        }
        int devices = t.devices().size();
        // edges per net and per device: edge = device * 4 + terminal
        List<List<Integer>> netEdges = new ArrayList<>();
        for (int n = 0; n < nets; n++) {
            netEdges.add(new ArrayList<>());
        }
        for (int d = 0; d < devices; d++) {
            Device dev = t.devices().get(d);
            for (int k = 0; k < dev.type().terminalCount(); k++) {
                netEdges.get(dev.net(k)).add(d * 4 + k);
            }
        }
        boolean[] covered = new boolean[devices * 4];
        int[] uncoveredAt = new int[nets];
        int[] uncoveredOf = new int[devices];
        int remaining = 0;
        for (int d = 0; d < devices; d++) {
            uncoveredOf[d] = t.devices().get(d).type().terminalCount();
            remaining += uncoveredOf[d];
            for (int n : t.devices().get(d).nets()) {
                uncoveredAt[n]++;
            }
        }
        int[] slotOfDevice = new int[devices];
        Arrays.fill(slotOfDevice, -1);
        int[] perType = new int[DeviceType.values().length];
        int[] netSlot = new int[nets];
        Arrays.fill(netSlot, -1);
        int internal = 0;
        // passives: which original terminal is labelled 1 (the one covered first)
        int[] firstTerminal = new int[devices];
        Arrays.fill(firstTerminal, -1);
        boolean[] netSeen = new boolean[nets];
        boolean[] deviceSeen = new boolean[devices];

        List<Integer> out = new ArrayList<>();
        out.add(typeToken);
        out.add(v.netToken(v.namedSlot("VSS")));
        netSeen[vss] = true;
        netSlot[vss] = v.namedSlot("VSS");
        boolean onNet = true;
        int at = vss;
        while (true) {
            List<Integer> choices = new ArrayList<>();
            if (onNet) {
                for (int e : netEdges.get(at)) {
                    if (!covered[e]) {
                        choices.add(e);
                    }
                }
            } else {
                Device dev = t.devices().get(at);
                for (int k = 0; k < dev.type().terminalCount(); k++) {
                    if (!covered[at * 4 + k]) {
                        choices.add(at * 4 + k);
                    }
                }
            }
            if (!choices.isEmpty()) {
                int e = choices.get(random.nextInt(choices.size()));
                int d = e / 4;
                int k = e % 4;
                Device dev = t.devices().get(d);
                if (slotOfDevice[d] < 0) {
                    int index = ++perType[dev.type().ordinal()];
                    if (index > v.cap(dev.type())) {
                        throw new UnsupportedTopologyException("it has more than " + v.cap(dev.type()) + " "
                                + dev.type() + " devices");
                    }
                    slotOfDevice[d] = v.deviceSlot(dev.type(), index);
                }
                deviceSeen[d] = true;
                int label = k;
                if (dev.type().isPassive()) {
                    if (firstTerminal[d] < 0) {
                        firstTerminal[d] = k;
                    }
                    label = k == firstTerminal[d] ? 0 : 1;
                }
                out.add(v.terminalToken(slotOfDevice[d], label));
                covered[e] = true;
                remaining--;
                uncoveredAt[dev.net(k)]--;
                uncoveredOf[d]--;
                if (onNet) {
                    onNet = false;
                    at = d;
                } else {
                    int n = dev.net(k);
                    if (netSlot[n] < 0) {
                        boolean isInternal = Topology.isInternal(t.nets().get(n));
                        netSlot[n] = slotOf(t.nets().get(n), isInternal ? ++internal : 0, v);
                    }
                    netSeen[n] = true;
                    out.add(v.netToken(netSlot[n]));
                    onNet = true;
                    at = n;
                }
                continue;
            }
            if (remaining == 0) {
                out.add(Vocabulary.EOS);
                break;
            }
            // jump: to a seen net or device that still has an uncovered edge
            List<Integer> targets = new ArrayList<>();
            for (int n = 0; n < nets; n++) {
                if (netSeen[n] && uncoveredAt[n] > 0 && !(onNet && n == at)) {
                    targets.add(n);
                }
            }
            for (int d = 0; d < devices; d++) {
                if (deviceSeen[d] && uncoveredOf[d] > 0 && (onNet || d != at)) {
                    targets.add(nets + d);
                }
            }
            if (targets.isEmpty()) {
                for (int n = 0; n < nets; n++) {
                    if (!netSeen[n] && uncoveredAt[n] > 0 && !Topology.isInternal(t.nets().get(n))) {
                        targets.add(n);
                    }
                }
            }
            if (targets.isEmpty()) {
                throw new UnsupportedTopologyException("part of it is reached from neither VSS nor a named net");
            }
            int target = targets.get(random.nextInt(targets.size()));
            if (target < nets) {
                if (netSlot[target] < 0) {
                    netSlot[target] = slotOf(t.nets().get(target), 0, v);
                }
                netSeen[target] = true;
                out.add(v.netToken(netSlot[target]));
                onNet = true;
                at = target;
            } else {
                int d = target - nets;
                Device dev = t.devices().get(d);
                int label = -1;
                for (int k = 0; k < dev.type().terminalCount() && label < 0; k++) {
                    if (covered[d * 4 + k]) {
                        label = dev.type().isPassive() ? (k == firstTerminal[d] ? 0 : 1) : k;
                    }
                }
                out.add(v.terminalToken(slotOfDevice[d], label));
                onNet = false;
                at = d;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int slotOf(String name, int internalIndex, Vocabulary v) {
        if (Topology.isInternal(name)) {
            if (internalIndex > v.internalCap()) {
                throw new UnsupportedTopologyException("it has more than " + v.internalCap() + " internal nets");
            }
            return v.namedNets().size() + internalIndex - 1;
        }
        int slot = v.namedSlot(name);
        if (slot < 0) {
            throw new UnsupportedTopologyException("the vocabulary has no net " + name);
        }
        return slot;
    }

    /**
     * Decodes a sequence (with or without its {@code <eos>}; padding after it is ignored).
     *
     * @param lenient put terminals the sequence leaves on no net on nets of their own rather than failing
     * @throws MalformedSequenceException when it breaks the walk syntax
     */
    public static Topology decode(int[] tokens, Vocabulary v, boolean lenient) {
        WalkState s = new WalkState(v);
        for (int id : tokens) {
            if (id == Vocabulary.PAD || s.position() == WalkState.Position.DONE) {
                break;
            }
            s.advance(id);
        }
        if (s.position() != WalkState.Position.DONE && !lenient) {
            throw new MalformedSequenceException("the sequence ends " + s.describe() + " without <eos>");
        }
        return s.topology(lenient);
    }

    /** Token ids as space-separated tokens. */
    public static String text(int[] tokens, Vocabulary v) {
        StringBuilder b = new StringBuilder();
        for (int id : tokens) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(v.token(id));
        }
        return b.toString();
    }

    /** Space-separated tokens as ids. */
    public static int[] ids(String text, Vocabulary v) {
        if (text.isBlank()) {
            return new int[0];
        }
        String[] parts = text.trim().split("\\s+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            ids[i] = v.id(p).orElseThrow(() -> new MalformedSequenceException("unknown token " + p));
        }
        return ids;
    }
}
