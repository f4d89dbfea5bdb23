/** Analog topology generation: sampling circuits from a language model over topology tokens, under a grammar mask. */
package dev.kirchhoff.generation;
