/** The offline reasoner for boards and modules: power architecture, pin assignment and supporting parts. */
package dev.kirchhoff.agents.offline.embedded;
