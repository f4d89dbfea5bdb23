/** The offline engine: deterministic, knowledge-based implementations of the design stages; no network. */
package dev.kirchhoff.agents.offline;
