/** Language-model providers: model specs, settings, the LangChain4j chat models behind retries and a response cache. */
package dev.kirchhoff.agents.llm.provider;
