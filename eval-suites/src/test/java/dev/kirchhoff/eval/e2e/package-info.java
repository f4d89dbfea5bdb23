/** End-to-end test support: the answer-book chat model, the expected-result tables and the run-folder checks. */
package dev.kirchhoff.eval.e2e;
