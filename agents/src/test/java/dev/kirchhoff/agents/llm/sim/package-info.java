/** A simulated language model that drives the LLM engine over the design suite, and the engine comparison it runs. */
package dev.kirchhoff.agents.llm.sim;
