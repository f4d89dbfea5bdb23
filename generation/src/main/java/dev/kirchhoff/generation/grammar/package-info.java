/** Token-level grammar masks for constrained decoding: the interface, and the grammar of valid topologies. */
package dev.kirchhoff.generation.grammar;
