package dev.kirchhoff.agents.suite;

import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.PartResolver;
import dev.kirchhoff.validation.ValidationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A designed circuit as expectations read it: which knowledge-base part each component is, which net each pin is on,
 * which nets are ground and what voltage each rail has (from {@link CircuitFacts}, the validator's own view), and
 * the two-terminal components between nets. Immutable after construction; one per evaluated result.
 */
public final class CircuitView {

    private final DesignResult result;
    private final KnowledgeBase kb;
    private final CircuitFacts facts;

    public CircuitView(DesignResult result, KnowledgeBase kb) {
        this.result = result;
        this.kb = kb;
        this.facts = CircuitFacts.of(result.circuit(), new PartResolver(kb, () -> null));
    }

    public DesignResult result() {
        return result;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** The validation report of the result. */
    public ValidationReport report() {
        return result.report();
    }

    public int size() {
        return facts.componentCount();
    }

    public Component component(int i) {
        return facts.component(i);
    }

    /** The knowledge-base part of component {@code i}, or null. */
    public Part part(int i) {
        return facts.part(i);
    }

    /** The indexes of the components {@code s} selects. */
    public List<Integer> select(Selector s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (s.matches(component(i), part(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The index of the pin of component {@code i} called {@code name}: a knowledge-base pin number, name or alias
     * for parts, a terminal name or alias ({@code A}, {@code anode}, {@code D}) for primitives; -1 when none.
     */
    public int pinIndex(int i, String name) {
        Component c = component(i);
        Part p = part(i);
        if (p != null && c.kind() == ComponentKind.PART) {
            PartPin pp = p.pin(name).orElse(null);
            if (pp != null) {
                int at = c.pinIndexByNumber(pp.number());
                if (at >= 0) {
                    return at;
                }
            }
        }
        int at = c.pinIndex(name);
        if (at < 0 && p != null) {
            // a primitive bound to a part answers to the part's pin names too (MOSFET named by its part's G D S)
            for (int k = 0; k < c.pins().size(); k++) {
                PartPin pp = facts.partPin(i, k);
                if (pp != null && pp.answersTo(name)) {
                    return k;
                }
            }
        }
        return at;
    }

    /** The net id of pin {@code p} of component {@code i}, or -1 when unconnected. */
    public int net(int i, int p) {
        return p < 0 ? -1 : facts.net(i, p);
    }

    public String netName(int net) {
        return net < 0 ? "(unconnected)" : facts.netName(net);
    }

    /** {@code REF:PIN} of a pin. */
    public String label(int i, int p) {
        return facts.label(i, p);
    }

    public boolean isGround(int net) {
        return net >= 0 && facts.isGround(net);
    }

    /** The rail voltage of {@code net} as the validator infers it, or null. */
    public Double voltage(int net) {
        return net < 0 ? null : facts.voltage(net);
    }

    /** The pins on {@code net} as {@code (component, pin)} pairs. */
    public List<CircuitFacts.PinAt> pinsOn(int net) {
        return net < 0 ? List.of() : facts.pinsOn(net);
    }

    /** The knowledge-base pin behind pin {@code p} of component {@code i}, or null. */
    public PartPin partPin(int i, int p) {
        return facts.partPin(i, p);
    }

    /** Whether {@code net} carries a board pin with {@code function} (and is the board's default for it, if asked). */
    public boolean hasBoardPin(int net, PinFunction function, boolean asDefault) {
        return boardPin(net, function, asDefault) != null;
    }

    /** The label of a board pin on {@code net} that can do {@code function}, or null. */
    public String boardPin(int net, PinFunction function, boolean asDefault) {
        Selector board = new Selector("board");
        for (CircuitFacts.PinAt at : pinsOn(net)) {
            if (!board.matches(component(at.component()), part(at.component()))) {
                continue;
            }
            PartPin pp = partPin(at.component(), at.pin());
            if (pp != null && pp.can(function) && (!asDefault || pp.defaultFor().contains(function))) {
                return label(at.component(), at.pin());
            }
        }
        return null;
    }

    /** Board pins on {@code net}, as labels. */
    public List<String> boardPins(int net) {
        Selector board = new Selector("board");
        List<String> out = new ArrayList<>();
        for (CircuitFacts.PinAt at : pinsOn(net)) {
            if (board.matches(component(at.component()), part(at.component()))) {
                out.add(label(at.component(), at.pin()));
            }
        }
        return out;
    }

    /** Whether a board pin answering to {@code name} (number, name or alias) is on {@code net}. */
    public boolean hasBoardPinNamed(int net, String name) {
        Selector board = new Selector("board");
        for (CircuitFacts.PinAt at : pinsOn(net)) {
            if (board.matches(component(at.component()), part(at.component()))) {
                PartPin pp = partPin(at.component(), at.pin());
                if (pp != null ? pp.answersTo(name) || pp.name().equalsIgnoreCase(name)
                        : component(at.component()).pins().get(at.pin()).label().equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A two-terminal component with one end on each of two nets.
     *
     * @param component its index
     * @param netA      the net of its first terminal
     * @param netB      the net of its second terminal
     */
    public record TwoTerminal(int component, int netA, int netB) {
        /** The net on the other side from {@code net}, or -1 when it does not touch {@code net}. */
        public int other(int net) {
            return netA == net ? netB : netB == net ? netA : -1;
        }
    }

    /** Every component {@code s} selects that has exactly two connected pins, with its nets. */
    public List<TwoTerminal> twoTerminals(Selector s) {
        List<TwoTerminal> out = new ArrayList<>();
        for (int i : select(s)) {
            int[] nets = connectedNets(i);
            if (nets.length == 2) {
                out.add(new TwoTerminal(i, nets[0], nets[1]));
            }
        }
        return out;
    }

    private int[] connectedNets(int i) {
        List<Integer> nets = new ArrayList<>();
        for (int p = 0; p < component(i).pins().size(); p++) {
            int n = net(i, p);
            if (n >= 0) {
                nets.add(n);
            }
        }
        return nets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The numeric value of component {@code i} (ohms, farads), or null. */
    public Double value(int i) {
        return facts.value(i);
    }

    /** The sum of the conductances of the resistors directly between two nets, as one resistance; null when none. */
    public Double resistanceBetween(int a, int b) {
        double g = 0;
        boolean any = false;
        for (TwoTerminal t : twoTerminals(new Selector("resistor"))) {
            if (t.other(a) == b && a != b) {
                Double r = value(t.component());
                if (r != null && r > 0) {
                    g += 1 / r;
                    any = true;
                }
            }
        }
        return any ? 1 / g : null;
    }

    /** Whether {@code net} is a supply rail: ground, or a net whose voltage a power output or source sets. */
    public boolean isRail(int net) {
        return isGround(net) || voltage(net) != null;
    }

    /** Short description of a component for reasons: {@code R1 (10k)}, {@code U1 (lm358)}. */
    public String describe(int i) {
        Component c = component(i);
        Part p = part(i);
        String what = c.value() != null ? c.value().text() : p != null ? p.id() : c.kind().name().toLowerCase(Locale.ROOT);
        return c.ref() + " (" + what + ")";
    }
}
