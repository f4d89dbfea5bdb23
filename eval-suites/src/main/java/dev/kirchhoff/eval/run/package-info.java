/** Running a suite against a system under test: selection, concurrency, retries, resumable results, shards and merge. */
package dev.kirchhoff.eval.run;
