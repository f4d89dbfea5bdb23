/** Scorers that turn a response into a verdict: choice letters, sets, values with units, expressions, judged text, designs. */
package dev.kirchhoff.eval.score;
