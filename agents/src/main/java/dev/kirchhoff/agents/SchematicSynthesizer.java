package dev.kirchhoff.agents;

import dev.kirchhoff.schematic.model.Circuit;

/** Stage 4: turns a plan into a circuit, every wire on a real pin. */
public interface SchematicSynthesizer {
    /**
     * @throws DesignException when the plan names a part or pin that does not exist
     */
    Circuit synthesize(DesignPlan plan);
}
