package dev.kirchhoff.schematic.transform;

import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.model.Circuit;

/**
 * Prepares a circuit read in one format for writing in another: flattens hierarchy when asked or when the target
 * is flat, and stubs missing models and values when asked. Stateless.
 */
public final class Conversion {

    /**
     * What to do besides translating syntax.
     *
     * @param flatten expand subcircuit hierarchy even when the target can hold it
     * @param stubModels add level-1 model cards and placeholder values so a topology loads in a simulator
     */
    public record Options(boolean flatten, boolean stubModels) {
        /** Translate only. */
        public static final Options NONE = new Options(false, false);
    }

    private Conversion() {
    }

    /** {@code circuit} made ready for {@code target}. */
    public static Circuit prepare(Circuit circuit, NetlistFormat target, Options options, Notices notices) {
        Circuit c = circuit;
        boolean hasDefinitions = !c.subcircuits().isEmpty();
        if (options.flatten()) {
            c = Flattener.flatten(c, notices);
        } else if (hasDefinitions && !target.hierarchical()) {
            notices.info(0, target.name() + " netlists are flat: the subcircuit hierarchy was flattened");
            c = Flattener.flatten(c, notices);
        }
        if (options.stubModels()) {
            c = ModelStubs.apply(c, notices);
        } else if (target.requiresDeviceModels()) {
            c = ModelStubs.nameUnnamedDevices(c, notices);
        }
        return c;
    }
}
