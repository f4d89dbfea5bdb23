/** The circuit model every room shares: circuits, components, pins, nets and subcircuit definitions. */
package dev.kirchhoff.schematic.model;
