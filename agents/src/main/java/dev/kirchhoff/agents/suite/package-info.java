/** The design suite: prompts with machine-checkable expectations, their runner and report. */
package dev.kirchhoff.agents.suite;
