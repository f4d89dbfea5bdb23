/** The stages of the LLM design engine: schemas built from the knowledge base, prompts, tools, identifier and reasoners. */
package dev.kirchhoff.agents.llm.stages;
