/** The offline reasoner for analog building blocks: picks a recipe, computes its values and wires it with its supply. */
package dev.kirchhoff.agents.offline.analog;
