package dev.kirchhoff.generation.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a topology sequence one token at a time: the walk's syntax, and the partial circuit built so far. Mutable
 * and not thread-safe; {@link #copy()} is cheap (a few small arrays).
 *
 * <p>The syntax, with the walk standing either on a net or on a device:
 * <pre>
 * sequence  := TYPE VSS step* EOS
 * on net x  : T(d,t) with t unused   -- enter device d through terminal t: the edge (x, d:t)
 *           | T(d,t) with t used     -- jump to device d (which still has an unused terminal)
 *           | NET y, y != x          -- jump to net y (one already seen, or a named net)
 * on device d: T(d,t) with t unused  -- leave d through terminal t, then NET y: the edge (d:t, y)
 *           | T(e,t) with t used, e != d -- jump to device e (which still has an unused terminal)
 *           | NET y                  -- jump to net y (seen or named)
 * </pre>
 * A device appears first with the next free index of its type ({@code NM1}, then {@code NM2}); an internal net
 * first as the next free {@code Nk}, and only at the end of an edge. A passive's terminals are used in the order 1,
 * 2. So every terminal is on at most one net by construction; whether all are, and the electrical rules, are the
 * grammar's business ({@code dev.kirchhoff.generation.grammar}).
 */
public final class WalkState {

    /** Where the walk stands. */
    public enum Position { START, NEED_VSS, AT_NET, AT_DEVICE, LEAVING, DONE }

    private final Vocabulary v;
    private final int vss;
    private final int vdd;
    private int length;
    private int typeToken = -1;
    private Position pos = Position.START;
    private int current = -1;
    private int leavingTerminal = -1;
    private int[] deviceCount;
    private int[] terminalNet;
    private int[] used;
    private int[] degree;
    private boolean[] seen;
    private int internalNets;
    private int[] dc;
    private int[] inductive;
    private int unused;
    private int[] created;
    private int devices;

    /** A fresh walk before its type token. */
    public WalkState(Vocabulary v) {
        this.v = v;
        vss = v.namedSlot("VSS");
        vdd = v.namedSlot("VDD");
        deviceCount = new int[DeviceType.values().length];
        terminalNet = new int[v.deviceSlots() * 4];
        Arrays.fill(terminalNet, -1);
        used = new int[v.deviceSlots()];
        degree = new int[v.netSlots()];
        seen = new boolean[v.netSlots()];
        dc = new int[v.netSlots()];
        inductive = new int[v.netSlots()];
        for (int i = 0; i < dc.length; i++) {
            dc[i] = i;
            inductive[i] = i;
        }
        // an inductor path between the supplies would short them at DC, so the supplies start as one inductive group
        inductive[vdd] = vss;
        created = new int[v.deviceSlots()];
    }

    private WalkState(WalkState o) {
        v = o.v;
        vss = o.vss;
        vdd = o.vdd;
        length = o.length;
        typeToken = o.typeToken;
        pos = o.pos;
        current = o.current;
        leavingTerminal = o.leavingTerminal;
        deviceCount = o.deviceCount.clone();
        terminalNet = o.terminalNet.clone();
        used = o.used.clone();
        degree = o.degree.clone();
        seen = o.seen.clone();
        internalNets = o.internalNets;
        dc = o.dc.clone();
        inductive = o.inductive.clone();
        unused = o.unused;
        created = o.created.clone();
        devices = o.devices;
    }

    /** An independent copy. */
    public WalkState copy() {
        return new WalkState(this);
    }

    public Vocabulary vocabulary() {
        return v;
    }

    /** Tokens read so far. */
    public int length() {
        return length;
    }

    public Position position() {
        return pos;
    }

    /** The net slot (on a net) or device slot (on or leaving a device) the walk stands on. */
    public int current() {
        return current;
    }

    /** While leaving a device: the terminal it leaves through. */
    public int leavingTerminal() {
        return leavingTerminal;
    }

    /** The type token read first, -1 before. */
    public int typeToken() {
        return typeToken;
    }

    public int vss() {
        return vss;
    }

    public int vdd() {
        return vdd;
    }

    /** Whether device slot {@code s} exists. */
    public boolean exists(int s) {
        return v.deviceIndexOf(v.terminalToken(s, 0)) <= deviceCount[v.slotType(s).ordinal()];
    }

    /** Devices of {@code type} so far. */
    public int count(DeviceType type) {
        return deviceCount[type.ordinal()];
    }

    /** Terminals of existing devices not yet on a net (while leaving, including the one being left through). */
    public int unusedTerminals() {
        return unused;
    }

    /** Used terminals of device slot {@code s}. */
    public int usedTerminals(int s) {
        return used[s];
    }

    /** The net slot of terminal {@code t} of device slot {@code s}, -1 while it is on none. */
    public int netOf(int s, int t) {
        return terminalNet[s * 4 + t];
    }

    /** Device slots in order of first appearance. */
    public int deviceCount() {
        return devices;
    }

    /** The {@code i}-th device slot in order of first appearance. */
    public int device(int i) {
        return created[i];
    }

    /** Terminals on net slot {@code n}. */
    public int degree(int n) {
        return degree[n];
    }

    /** Whether net slot {@code n} was named by a token. */
    public boolean seen(int n) {
        return seen[n];
    }

    /** Internal nets so far. */
    public int internalNets() {
        return internalNets;
    }

    /** The DC group of net slot {@code n}: nets joined through conducting terminals share it. */
    public int dcGroup(int n) {
        return find(dc, n);
    }

    /** The inductive group of net slot {@code n}: nets joined by inductors, with VSS and VDD joined from the start. */
    public int inductiveGroup(int n) {
        return find(inductive, n);
    }

    private static int find(int[] parent, int n) {
        while (parent[n] != n) {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        return n;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[ra] = rb;
        }
    }

    /** Whether the device slot of terminal token {@code id} is new: the next free index of its type. */
    public boolean isNewDevice(int id) {
        return v.deviceIndexOf(id) == deviceCount[v.deviceTypeOf(id).ordinal()] + 1;
    }

    /**
     * The terminal a passive must use next ({@code 0} then {@code 1}); for other types -1 (any unused terminal).
     */
    private int nextPassiveTerminal(int s) {
        return v.slotType(s).isPassive() ? used[s] : -1;
    }

    /** Whether terminal {@code t} of existing device {@code s} is unused and may be used now. */
    public boolean canUse(int s, int t) {
        if (terminalNet[s * 4 + t] >= 0) {
            return false;
        }
        int next = nextPassiveTerminal(s);
        return next < 0 || next == t;
    }

    /** Whether the walk's syntax allows token {@code id} next. */
    public boolean allows(int id) {
        Vocabulary.Kind k = v.kind(id);
        switch (pos) {
            case START:
                return k == Vocabulary.Kind.TYPE;
            case NEED_VSS:
                return k == Vocabulary.Kind.NET && v.netSlot(id) == vss;
            case AT_NET: {
                if (k == Vocabulary.Kind.EOS) {
                    return true;
                }
                if (k == Vocabulary.Kind.NET) {
                    int y = v.netSlot(id);
                    return y != current && (seen[y] || !v.isInternalSlot(y));
                }
                if (k == Vocabulary.Kind.TERMINAL) {
                    int s = v.deviceSlotOf(id);
                    int t = v.terminalOf(id);
                    if (isNewDevice(id)) {
                        return !v.slotType(s).isPassive() || t == 0;
                    }
                    if (!exists(s)) {
                        return false;
                    }
                    if (terminalNet[s * 4 + t] < 0) {
                        return canUse(s, t);
                    }
                    return used[s] < v.slotType(s).terminalCount();
                }
                return false;
            }
            case AT_DEVICE: {
                if (k == Vocabulary.Kind.EOS) {
                    return true;
                }
                if (k == Vocabulary.Kind.NET) {
                    int y = v.netSlot(id);
                    return seen[y] || !v.isInternalSlot(y);
                }
                if (k == Vocabulary.Kind.TERMINAL) {
                    int s = v.deviceSlotOf(id);
                    int t = v.terminalOf(id);
                    if (s == current) {
                        return canUse(s, t);
                    }
                    return exists(s) && terminalNet[s * 4 + t] >= 0 && used[s] < v.slotType(s).terminalCount();
                }
                return false;
            }
            case LEAVING: {
                if (k != Vocabulary.Kind.NET) {
                    return false;
                }
                int y = v.netSlot(id);
                return seen[y] || !v.isInternalSlot(y) || y == v.namedNets().size() + internalNets;
            }
            default:
                return false;
        }
    }

    /**
     * Reads token {@code id}.
     *
     * @throws MalformedSequenceException when the syntax does not allow it
     */
    public void advance(int id) {
        if (!allows(id)) {
            throw new MalformedSequenceException("token " + length + " (" + v.token(id) + ") is not allowed "
                    + describe());
        }
        length++;
        Vocabulary.Kind k = v.kind(id);
        switch (pos) {
            case START -> {
                typeToken = id;
                pos = Position.NEED_VSS;
            }
            case NEED_VSS -> {
                seen[vss] = true;
                current = vss;
                pos = Position.AT_NET;
            }
            case AT_NET, AT_DEVICE -> {
                if (k == Vocabulary.Kind.EOS) {
                    pos = Position.DONE;
                } else if (k == Vocabulary.Kind.NET) {
                    current = v.netSlot(id);
                    seen[current] = true;
                    pos = Position.AT_NET;
                } else {
                    int s = v.deviceSlotOf(id);
                    int t = v.terminalOf(id);
                    if (isNewDevice(id)) {
                        deviceCount[v.deviceTypeOf(id).ordinal()]++;
                        created[devices++] = s;
                        unused += v.slotType(s).terminalCount();
                    }
                    if (terminalNet[s * 4 + t] >= 0) {
                        current = s;
                        pos = Position.AT_DEVICE;
                    } else if (pos == Position.AT_NET) {
                        connect(s, t, current);
                        current = s;
                        pos = Position.AT_DEVICE;
                    } else {
                        // the terminal's net follows
                        leavingTerminal = t;
                        pos = Position.LEAVING;
                    }
                }
            }
            case LEAVING -> {
                int y = v.netSlot(id);
                if (!seen[y] && v.isInternalSlot(y)) {
                    internalNets++;
                }
                seen[y] = true;
                connect(current, leavingTerminal, y);
                leavingTerminal = -1;
                current = y;
                pos = Position.AT_NET;
            }
            default -> throw new MalformedSequenceException("the sequence has ended");
        }
    }

    private void connect(int s, int t, int net) {
        terminalNet[s * 4 + t] = net;
        used[s]++;
        unused--;
        degree[net]++;
        DeviceType type = v.slotType(s);
        if (type.conducts(t)) {
            for (int o = 0; o < type.terminalCount(); o++) {
                int on = terminalNet[s * 4 + o];
                if (o != t && on >= 0 && type.conducts(o)) {
                    union(dc, net, on);
                }
            }
        }
        if (type == DeviceType.L) {
            int on = terminalNet[s * 4 + (1 - t)];
            if (on >= 0) {
                union(inductive, net, on);
            }
        }
    }

    /** Where the walk stands, for messages. */
    public String describe() {
        return switch (pos) {
            case START -> "at the start (a type token must come first)";
            case NEED_VSS -> "after the type token (VSS must follow)";
            case AT_NET -> "on net " + v.token(v.netToken(current));
            case AT_DEVICE -> "on device " + v.slotType(current).prefix() + v.slotIndex(current);
            case LEAVING -> "leaving " + v.token(v.terminalToken(current, leavingTerminal)) + " (a net must follow)";
            case DONE -> "after the end";
        };
    }

    /**
     * The topology read so far. With {@code lenient}, a terminal on no net is put on a net of its own
     * ({@code openK}) so that an unfinished sequence still becomes a circuit for the validator to judge; otherwise
     * an unused terminal is an error.
     *
     * @throws MalformedSequenceException when the type token is missing, or a terminal is unused and not lenient
     */
    public Topology topology(boolean lenient) {
        if (typeToken < 0) {
            throw new MalformedSequenceException("the sequence has no type token");
        }
        List<String> names = new ArrayList<>();
        int[] index = new int[v.netSlots()];
        Arrays.fill(index, -1);
        List<Device> out = new ArrayList<>(devices);
        int open = 0;
        for (int i = 0; i < devices; i++) {
            int s = created[i];
            DeviceType type = v.slotType(s);
            Integer[] nets = new Integer[type.terminalCount()];
            for (int t = 0; t < nets.length; t++) {
                int n = terminalNet[s * 4 + t];
                if (n < 0) {
                    if (!lenient) {
                        throw new MalformedSequenceException(v.token(v.terminalToken(s, t)) + " is on no net");
                    }
                    names.add("open" + (++open));
                    nets[t] = names.size() - 1;
                    continue;
                }
                if (index[n] < 0) {
                    names.add(v.netName(n));
                    index[n] = names.size() - 1;
                }
                nets[t] = index[n];
            }
            out.add(new Device(type, List.of(nets)));
        }
        return new Topology(v.typeOf(typeToken), names, out);
    }
}
