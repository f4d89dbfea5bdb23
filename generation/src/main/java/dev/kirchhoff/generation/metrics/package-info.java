/** Generation metrics: validity under the validator, uniqueness, novelty against the training circuits. */
package dev.kirchhoff.generation.metrics;
