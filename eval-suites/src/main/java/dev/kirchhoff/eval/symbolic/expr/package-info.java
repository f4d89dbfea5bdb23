/** A complex-valued expression parser for answers written in sympy syntax or light LaTeX. */
package dev.kirchhoff.eval.symbolic.expr;
