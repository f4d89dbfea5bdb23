/** The offline engine's first stage: reading a prompt into requirements by entity linking through the knowledge base. */
package dev.kirchhoff.agents.offline.identify;
