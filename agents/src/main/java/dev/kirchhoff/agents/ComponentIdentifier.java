package dev.kirchhoff.agents;

/** Stage 1: reads a prompt and says which parts, supply, values and constraints it asks for. */
public interface ComponentIdentifier {
    /**
     * @throws DesignException when the prompt cannot be used at all
     */
    Requirements identify(String prompt);
}
