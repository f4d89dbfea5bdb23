/** SPICE export of designed circuits, running ngspice, and the findings drawn from its operating point. */
package dev.kirchhoff.validation.simulation;
