/** Modified nodal analysis of linear circuits read from SPICE-like netlists, solved exactly in s and the component symbols. */
package dev.kirchhoff.eval.symbolic.mna;
