package dev.kirchhoff.generation.grammar;

import dev.kirchhoff.generation.topology.DeviceType;
import dev.kirchhoff.generation.topology.Ports;
import dev.kirchhoff.generation.topology.Vocabulary;
import dev.kirchhoff.generation.topology.WalkState;
import java.util.BitSet;

/**
 * The grammar of valid topology sequences: every sequence it lets finish decodes to a circuit the validator's analog
 * rules pass. Immutable and thread-safe; its states are not.
 *
 * <p>A token is allowed when
 * <ol>
 *   <li>the walk syntax allows it ({@link WalkState}): so every device terminal lands on at most one net, devices and
 *   internal nets are numbered in order, and the sequence starts {@code <type> VSS};</li>
 *   <li>it keeps the circuit electrically sound: a passive's second terminal never goes to the net of its first
 *   ({@code analog.passive-shorted}), an inductor's second terminal never to a net the inductors already join to its
 *   first, with VSS and VDD counted as joined ({@code analog.voltage-loop}: a loop of inductors, which are 0 V
 *   sources at DC, or an inductor path shorting the supplies);</li>
 *   <li>{@code <eos>} only when the circuit is complete: every terminal on a net ({@code analog.terminal-unconnected}),
 *   every internal net on two terminals or more ({@code analog.internal-net-single}), VDD used, and every net in a
 *   DC-conducting group (resistors, inductors, diodes, BJT terminals, MOSFET drain-source-bulk) with a supply or a
 *   driven port ({@code analog.no-dc-path});</li>
 *   <li>the sequence can still be completed within {@code maxLength} tokens and the device and net caps.</li>
 * </ol>
 *
 * <p>The last point is what makes the mask never strand a sequence. It rests on a fixed completion policy, a
 * deterministic function of the state: put each open terminal on VSS (or VDD, or another allowed net), then give
 * each floating net, dangling internal net and a missing VDD a new resistor to VSS, then end. A token is allowed
 * when an upper bound of that policy's length from the state after the token ({@link Bound}, checked per token in
 * constant time) fits the length and caps left; where it does not, the policy's own next token is allowed too if
 * the policy, simulated once, finishes in time. Every state reached this way can be completed by the policy, and
 * the policy's next token keeps it so: some token is always allowed.
 */
public final class TopologyGrammar implements TokenMask {

    private final Vocabulary v;
    private final int maxLength;
    private final boolean[] driven;

    /**
     * @param maxLength the longest sequence allowed, counting the type token and {@code <eos>}
     */
    public TopologyGrammar(Vocabulary v, int maxLength) {
        this.v = v;
        this.maxLength = maxLength;
        driven = new boolean[v.netSlots()];
        for (int n = 0; n < v.netSlots(); n++) {
            driven[n] = !v.isInternalSlot(n) && Ports.isDriven(v.netName(n));
        }
    }

    public Vocabulary vocabulary() {
        return v;
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public GrammarState start() {
        return new GrammarState(new WalkState(v));
    }

    /** One sequence's position in the grammar, with the circuit read so far. Mutable; not thread-safe. */
    public final class GrammarState implements TokenMask.State {

        private final WalkState walk;
        private final int[] candidates;
        private final int[] delta;

        GrammarState(WalkState walk) {
            this.walk = walk;
            candidates = new int[v.size()];
            delta = new int[v.size()];
        }

        /** The walk read so far. */
        public WalkState walk() {
            return walk;
        }

        @Override
        public void advance(int token) {
            walk.advance(token);
        }

        @Override
        public boolean finished() {
            return walk.position() == WalkState.Position.DONE;
        }

        @Override
        public void allowedTokens(BitSet out) {
            out.clear();
            switch (walk.position()) {
                case START -> {
                    for (String type : v.types()) {
                        out.set(v.typeToken(type).orElseThrow());
                    }
                    return;
                }
                case NEED_VSS -> {
                    out.set(v.netToken(walk.vss()));
                    return;
                }
                case DONE -> {
                    return;
                }
                default -> {
                }
            }
            int n = 0;
            for (int id = 1; id < v.size(); id++) {
                if (walk.allows(id) && sound(walk, id)) {
                    candidates[n++] = id;
                }
            }
            int rem = maxLength - walk.length();
            Bound b = bound(walk);
            int rLeft = v.cap(DeviceType.R) - walk.count(DeviceType.R);
            int netLeft = v.internalCap() - walk.internalNets();
            boolean rejected = false;
            for (int i = 0; i < n; i++) {
                int id = candidates[i];
                if (id == Vocabulary.EOS) {
                    if (TopologyGrammar.this.complete(walk)) {
                        out.set(id);
                    }
                    continue;
                }
                // the change this token can make to the bound, to the problems, open inductor terminals, resistors
                // and internal nets left: upper bounds, worked out in the class comment of Bound
                int delta = 0;
                int dProblems = 0;
                int dL = 0;
                int dR = 0;
                int dNet = 0;
                Vocabulary.Kind kind = v.kind(id);
                WalkState.Position pos = walk.position();
                if (pos == WalkState.Position.LEAVING) {
                    boolean inductor = v.slotType(walk.current()).equals(DeviceType.L);
                    int leaving = inductor ? 5 : 1;
                    dL = inductor ? -1 : 0;
                    int y = v.netSlot(id);
                    boolean fresh = !walk.seen(y) && v.isInternalSlot(y);
                    if (fresh || walk.degree(y) == 0 && !driven[y]) {
                        delta = 4 - leaving;
                        dProblems = 1;
                        dNet = fresh ? -1 : 0;
                    } else {
                        delta = -leaving;
                    }
                } else if (kind == Vocabulary.Kind.TERMINAL) {
                    int s = v.deviceSlotOf(id);
                    int t = v.terminalOf(id);
                    DeviceType type = v.slotType(s);
                    boolean inductor = type == DeviceType.L;
                    if (walk.isNewDevice(id) || walk.exists(s) && walk.netOf(s, t) < 0) {
                        if (pos == WalkState.Position.AT_DEVICE) {
                            delta = inductor ? -2 : -1;
                        } else {
                            if (walk.isNewDevice(id)) {
                                delta = inductor ? 7 : 2 * (type.terminalCount() - 1);
                                dL = inductor ? 1 : 0;
                                dR = type == DeviceType.R ? -1 : 0;
                            } else {
                                delta = inductor ? -7 : -2;
                                dL = inductor ? -1 : 0;
                            }
                            int x = walk.current();
                            if (walk.degree(x) == 0 && !driven[x]) {
                                delta += 4;
                                dProblems = 1;
                            }
                        }
                    }
                }
                this.delta[id] = delta;
                if (b.value + delta <= rem - 1 && b.problems + dProblems + b.openInductor + dL <= rLeft + dR
                        && b.openInductor + dL <= netLeft + dNet) {
                    out.set(id);
                } else {
                    rejected = true;
                }
            }
            if (rejected) {
                // near a limit: the completion policy's own token is always safe when the policy fits
                WalkState sim = walk.copy();
                int token = policy(sim);
                if (token >= 0 && completion(walk, rem) >= 0) {
                    out.set(token);
                }
            }
            if (out.isEmpty()) {
                // cannot happen while the bound holds (see Bound); keep decoding going regardless
                int fallback = policy(walk.copy());
                if (fallback >= 0) {
                    out.set(fallback);
                }
            }
        }

        /**
         * Narrows {@code allowed} (as {@link #allowedTokens} just set it) to the tokens that work towards the end:
         * those that lower the completion bound (placing an open terminal, naming the net of one) and the
         * completion policy's own next token. For a model that wants to end while the circuit is unfinished: it
         * then finishes with its own choices where it can, instead of growing the circuit to the length limit.
         * Leaves {@code allowed} as it is when nothing would remain.
         */
        public void narrowToCompletion(BitSet allowed) {
            BitSet keep = new BitSet(v.size());
            for (int id = allowed.nextSetBit(0); id >= 0; id = allowed.nextSetBit(id + 1)) {
                if (id == Vocabulary.EOS || delta[id] < 0) {
                    keep.set(id);
                }
            }
            int token = walk.position() == WalkState.Position.DONE ? -1 : policy(walk.copy());
            if (token >= 0 && allowed.get(token)) {
                keep.set(token);
            }
            if (!keep.isEmpty()) {
                allowed.and(keep);
            }
        }

        /** Whether the sequence could end here. */
        public boolean complete() {
            return TopologyGrammar.this.complete(walk);
        }
    }

    /**
     * An upper bound on the tokens the completion policy needs, with what it depends on. Per open terminal the
     * policy spends at most 2 tokens (jump to a net and enter, or leave and name the net), an inductor terminal at
     * most 7 (when no net takes it: jump to the inductor, leave, a new internal net, then that net's resistor);
     * the terminal being left through costs 1 (an inductor's 5); each problem net (dangling internal net, floating
     * group, missing VDD) at most 4 (jump, enter a new resistor, leave it, VSS); then {@code <eos>}. The policy
     * never creates a problem except the inductors' new nets, so the bound holds whenever enough resistors and
     * internal nets are left: {@code problems + openInductor} resistors and {@code openInductor} nets.
     *
     * <p>One token changes the bound by at most: a jump 0; entering an existing device's terminal -2 (an inductor's
     * -7); entering a new device +2 per further terminal (an inductor +7); leaving through a terminal -1 (-2); the
     * net after leaving -1 (-5), or +3 (-1) when it is a new internal net or an unused undriven port, which becomes a
     * problem; entering from an unused undriven port a further +4.
     */
    record Bound(int value, int problems, int openInductor) {
    }

    Bound bound(WalkState w) {
        int value = 1;
        int openInductor = 0;
        boolean leaving = w.position() == WalkState.Position.LEAVING;
        for (int i = 0; i < w.deviceCount(); i++) {
            int s = w.device(i);
            DeviceType type = v.slotType(s);
            int open = type.terminalCount() - w.usedTerminals(s);
            if (open == 0) {
                continue;
            }
            if (leaving && s == w.current()) {
                open--;
                value += type == DeviceType.L ? 5 : 1;
                openInductor += type == DeviceType.L ? 1 : 0;
            }
            value += open * (type == DeviceType.L ? 7 : 2);
            openInductor += type == DeviceType.L ? open : 0;
        }
        int problems = problems(w);
        return new Bound(value + 4 * problems, problems, openInductor);
    }

    /** Rule 2: whether token {@code id}, which the syntax allows, keeps passives and inductors sound. */
    boolean sound(WalkState w, int id) {
        Vocabulary.Kind k = v.kind(id);
        switch (w.position()) {
            case AT_NET -> {
                if (k == Vocabulary.Kind.TERMINAL && !w.isNewDevice(id)) {
                    int s = v.deviceSlotOf(id);
                    int t = v.terminalOf(id);
                    if (w.netOf(s, t) < 0) {
                        return acceptable(w, s, t, w.current());
                    }
                }
                return true;
            }
            case LEAVING -> {
                return acceptable(w, w.current(), w.leavingTerminal(), v.netSlot(id));
            }
            default -> {
                return true;
            }
        }
    }

    /** Whether terminal {@code t} of device {@code s} may go on net {@code net}. */
    boolean acceptable(WalkState w, int s, int t, int net) {
        DeviceType type = v.slotType(s);
        if (!type.isPassive()) {
            return true;
        }
        int other = w.netOf(s, 1 - t);
        if (other < 0) {
            return true;
        }
        if (other == net) {
            return false;
        }
        return type != DeviceType.L || w.inductiveGroup(other) != w.inductiveGroup(net);
    }

    /** Rule 3. */
    boolean complete(WalkState w) {
        WalkState.Position p = w.position();
        return (p == WalkState.Position.AT_NET || p == WalkState.Position.AT_DEVICE) && w.unusedTerminals() == 0
                && firstProblem(w) < 0;
    }

    /** The number of nets needing a resistor: dangling internal nets, floating groups and a missing VDD. */
    int problems(WalkState w) {
        int count = w.degree(w.vdd()) == 0 ? 1 : 0;
        boolean[] grounded = groundedGroups(w);
        boolean[] counted = new boolean[v.netSlots()];
        for (int n = 0; n < v.netSlots(); n++) {
            if (w.degree(n) == 0) {
                continue;
            }
            int g = w.dcGroup(n);
            if (v.isInternalSlot(n) && w.degree(n) == 1) {
                count++;
            } else if (!grounded[g] && !counted[g]) {
                counted[g] = true;
                count++;
            }
        }
        return count;
    }

    private boolean[] groundedGroups(WalkState w) {
        boolean[] grounded = new boolean[v.netSlots()];
        for (int n = 0; n < v.netSlots(); n++) {
            if (driven[n] && w.degree(n) > 0) {
                grounded[w.dcGroup(n)] = true;
            }
        }
        return grounded;
    }

    /**
     * The net the completion policy fixes next: the lowest dangling internal net or floating net, else VDD when it
     * is unused; -1 when there is none.
     */
    int firstProblem(WalkState w) {
        boolean[] grounded = groundedGroups(w);
        for (int n = 0; n < v.netSlots(); n++) {
            if (w.degree(n) > 0 && (!grounded[w.dcGroup(n)] || v.isInternalSlot(n) && w.degree(n) == 1)) {
                return n;
            }
        }
        return w.degree(w.vdd()) == 0 ? w.vdd() : -1;
    }

    /**
     * The number of tokens the completion policy needs to finish from {@code w} (up to and including
     * {@code <eos>}), or -1 when it fails or needs more than {@code budget}. {@code w} is not changed.
     */
    int completion(WalkState w, int budget) {
        if (w.position() == WalkState.Position.DONE) {
            return 0;
        }
        WalkState sim = w.copy();
        int steps = 0;
        while (sim.position() != WalkState.Position.DONE) {
            if (steps >= budget) {
                return -1;
            }
            int token = policy(sim);
            if (token < 0) {
                return -1;
            }
            sim.advance(token);
            steps++;
        }
        return steps;
    }

    /** The completion policy's next token from {@code w}, or -1 when it is stuck (a cap reached). */
    int policy(WalkState w) {
        int vss = w.vss();
        int vdd = w.vdd();
        WalkState.Position pos = w.position();
        if (pos == WalkState.Position.LEAVING) {
            int s = w.current();
            int t = w.leavingTerminal();
            int y = target(w, s, t);
            if (y < 0 && w.internalNets() < v.internalCap()) {
                y = v.namedNets().size() + w.internalNets();
            }
            return y < 0 ? -1 : v.netToken(y);
        }
        if (pos != WalkState.Position.AT_NET && pos != WalkState.Position.AT_DEVICE) {
            return -1;
        }
        if (w.unusedTerminals() > 0) {
            for (int i = 0; i < w.deviceCount(); i++) {
                int s = w.device(i);
                DeviceType type = v.slotType(s);
                if (w.usedTerminals(s) == type.terminalCount()) {
                    continue;
                }
                int t = -1;
                for (int k = 0; k < type.terminalCount() && t < 0; k++) {
                    if (w.canUse(s, k)) {
                        t = k;
                    }
                }
                if (pos == WalkState.Position.AT_DEVICE && w.current() == s) {
                    return v.terminalToken(s, t);
                }
                int y = target(w, s, t);
                if (y >= 0) {
                    if (pos == WalkState.Position.AT_NET && w.current() == y) {
                        return v.terminalToken(s, t);
                    }
                    return v.netToken(y);
                }
                // no net takes it: jump onto the device and leave through it to a new internal net
                for (int k = 0; k < type.terminalCount(); k++) {
                    if (w.netOf(s, k) >= 0) {
                        return v.terminalToken(s, k);
                    }
                }
                return -1;
            }
        }
        int x = firstProblem(w);
        if (x >= 0) {
            if (pos == WalkState.Position.AT_NET && w.current() == x) {
                int r = w.count(DeviceType.R);
                return r < v.cap(DeviceType.R) ? v.terminalToken(v.deviceSlot(DeviceType.R, r + 1), 0) : -1;
            }
            return v.netToken(x);
        }
        return Vocabulary.EOS;
    }

    /** The net the policy puts terminal {@code t} of device {@code s} on: VSS, else VDD, else the lowest used net. */
    private int target(WalkState w, int s, int t) {
        if (acceptable(w, s, t, w.vss())) {
            return w.vss();
        }
        if (acceptable(w, s, t, w.vdd())) {
            return w.vdd();
        }
        for (int n = 0; n < v.netSlots(); n++) {
            if (w.degree(n) > 0 && acceptable(w, s, t, n)) {
                return n;
            }
        }
        return -1;
    }
}
