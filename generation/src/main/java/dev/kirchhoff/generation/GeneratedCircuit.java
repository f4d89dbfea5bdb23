package dev.kirchhoff.generation;

import dev.kirchhoff.generation.topology.Topology;

/**
 * One sampled sequence and what it decodes to. Immutable (the token array is not copied: do not change it).
 *
 * @param type the circuit type it was conditioned on
 * @param tokens the token ids, from the type token to {@code <eos>} (or to the length limit when it never ended)
 * @param topology the decoded circuit, {@code null} when the sequence does not decode
 * @param problem why it does not decode, {@code null} when it does
 */
public record GeneratedCircuit(String type, int[] tokens, Topology topology, String problem) {
}
