/** Loaders for each benchmark's published format, the suite registry and the suites' official prompt templates. */
package dev.kirchhoff.eval.suite;
