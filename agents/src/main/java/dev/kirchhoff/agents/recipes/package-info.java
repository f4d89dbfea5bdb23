/** Analog building blocks with their formulas, and the standard value series their values snap to. */
package dev.kirchhoff.agents.recipes;
