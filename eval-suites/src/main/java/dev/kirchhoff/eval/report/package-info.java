/** Run summaries, summary.json, the Markdown and self-contained HTML reports, and comparisons of two runs. */
package dev.kirchhoff.eval.report;
