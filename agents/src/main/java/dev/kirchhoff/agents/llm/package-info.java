/** The LLM design engine: a client that asks LangChain4j chat models for schema-constrained answers, and its assembly. */
package dev.kirchhoff.agents.llm;
