/** Evaluation of models and of Kirchhoff itself on circuit benchmarks: items, systems under test, scores, results. */
package dev.kirchhoff.eval;
