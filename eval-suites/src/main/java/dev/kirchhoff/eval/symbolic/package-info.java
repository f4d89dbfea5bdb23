/** Symbolic analysis of linear circuits: polynomials, rational functions, modified nodal analysis. */
package dev.kirchhoff.eval.symbolic;
