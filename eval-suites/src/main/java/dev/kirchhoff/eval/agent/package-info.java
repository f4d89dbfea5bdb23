/** kirchhoff-agent: answers analysis items with the symbolic solver and ngspice, design items with the pipeline. */
package dev.kirchhoff.eval.agent;
