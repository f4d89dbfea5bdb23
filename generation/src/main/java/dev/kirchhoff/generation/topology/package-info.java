/** Circuits as device/net graphs and as token sequences (a walk from VSS), with the vocabulary and graph identity. */
package dev.kirchhoff.generation.topology;
