/** Local HTTP servers that speak the real wire protocols of language-model providers, for tests. */
package dev.kirchhoff.agents.llm.wire;
