/** Whole-circuit transformations used by conversion: flattening hierarchy and stubbing missing models and values. */
package dev.kirchhoff.schematic.transform;
