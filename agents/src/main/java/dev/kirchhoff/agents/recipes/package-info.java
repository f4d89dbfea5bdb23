/** Analog building blocks as formulas with their citations, and the standard value series their values snap to. */
package dev.kirchhoff.agents.recipes;
