package dev.kirchhoff.schematic.render.svg;

/**
 * Where a component's pin ends in the drawing, and how its net is shown there. Immutable.
 *
 * @param ref the component's reference designator
 * @param pin the pin number
 * @param name the pin name shown beside it (empty for symbols whose pins are implied by the shape)
 * @param net the net the pin is on, or {@code null}
 * @param x the x of the pin's outer end, where wires attach
 * @param y the y of the pin's outer end
 * @param facing the direction the pin points out of its symbol
 * @param attachment how the net is shown at this pin
 */
public record Terminal(String ref, String pin, String name, String net, int x, int y, Facing facing,
                       Attachment attachment) {

    /** {@code REF:PIN}. */
    public String id() {
        return ref + ":" + pin;
    }

    Terminal with(Attachment a) {
        return new Terminal(ref, pin, name, net, x, y, facing, a);
    }
}
