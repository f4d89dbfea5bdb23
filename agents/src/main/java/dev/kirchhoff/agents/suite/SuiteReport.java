package dev.kirchhoff.agents.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one suite run: every item's result, the share of prompts that gave a circuit without validation
 * errors and the share that met every expectation, and the median and 95th-percentile time per prompt. Renders as
 * Markdown for people and JSON for tools. Immutable.
 *
 * @param engine the engine that designed ({@code offline})
 * @param source the suite file
 * @param items  one result per item, in suite order
 */
public record SuiteReport(String engine, String source, List<ItemResult> items) {

    public SuiteReport {
        items = List.copyOf(items);
    }

    public int total() {
        return items.size();
    }

    /** Items whose circuit has no validation error. */
    public int passedValidation() {
        return (int) items.stream().filter(ItemResult::passedValidation).count();
    }

    /** Items that met every expectation. */
    public int met() {
        return (int) items.stream().filter(ItemResult::met).count();
    }

    /** {@link #passedValidation()} as a fraction of {@link #total()}; 0 for an empty run. */
    public double validationRate() {
        return items.isEmpty() ? 0 : (double) passedValidation() / total();
    }

    /** {@link #met()} as a fraction of {@link #total()}; 0 for an empty run. */
    public double expectationRate() {
        return items.isEmpty() ? 0 : (double) met() / total();
    }

    /** The median time per prompt, milliseconds. */
    public double p50Millis() {
        return percentile(0.50);
    }

    /** The 95th-percentile time per prompt, milliseconds. */
    public double p95Millis() {
        return percentile(0.95);
    }

    /** The nearest-rank percentile of the per-prompt times, milliseconds; 0 for an empty run. */
    public double percentile(double p) {
        if (items.isEmpty()) {
            return 0;
        }
        double[] t = items.stream().mapToDouble(ItemResult::millis).toArray();
        Arrays.sort(t);
        int rank = (int) Math.ceil(p * t.length);
        return t[Math.max(0, Math.min(t.length - 1, rank - 1))];
    }

    /** Items that did not meet every expectation. */
    public List<ItemResult> failures() {
        return items.stream().filter(i -> !i.met()).toList();
    }

    /** One line per failed item and reason: {@code id: reason}. */
    public List<String> failureLines() {
        List<String> out = new ArrayList<>();
        for (ItemResult r : failures()) {
            for (String f : r.failures()) {
                out.add(r.id() + ": " + f);
            }
        }
        return out;
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Design suite report\n\n");
        sb.append("Engine: ").append(engine).append(". Suite: `").append(source).append("`.\n\n");
        sb.append("| measure | value |\n|---|---|\n");
        sb.append("| prompts | ").append(total()).append(" |\n");
        sb.append("| circuit without validation errors | ").append(passedValidation()).append(" (")
                .append(pct(validationRate())).append(") |\n");
        sb.append("| every expectation met | ").append(met()).append(" (").append(pct(expectationRate())).append(") |\n");
        sb.append("| p50 time per prompt | ").append(ms(p50Millis())).append(" |\n");
        sb.append("| p95 time per prompt | ").append(ms(p95Millis())).append(" |\n\n");
        sb.append("## By difficulty and domain\n\n| slice | prompts | no errors | all met |\n|---|---|---|---|\n");
        for (SuiteItem.Difficulty d : SuiteItem.Difficulty.values()) {
            slice(sb, d.key(), items.stream().filter(i -> i.difficulty() == d).toList());
        }
        for (SuiteItem.Domain d : SuiteItem.Domain.values()) {
            slice(sb, d.key(), items.stream().filter(i -> i.domain() == d).toList());
        }
        sb.append("\n## Failures\n\n");
        if (failures().isEmpty()) {
            sb.append("None.\n");
        }
        for (ItemResult r : failures()) {
            sb.append("- **").append(r.id()).append("** (").append(r.difficulty() == null ? "" : r.difficulty().key())
                    .append(", ").append(r.domain() == null ? "" : r.domain().key()).append(", ").append(ms(r.millis()))
                    .append("): ").append(escape(r.prompt())).append('\n');
            for (String f : r.failures()) {
                sb.append("  - ").append(escape(f)).append('\n');
            }
        }
        sb.append("\n## Every item\n\n| id | no errors | all met | errors | warnings | repairs | time |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ItemResult r : items) {
            sb.append("| ").append(r.id()).append(" | ").append(r.passedValidation() ? "yes" : "no").append(" | ")
                    .append(r.met() ? "yes" : "no").append(" | ").append(r.errors()).append(" | ").append(r.warnings())
                    .append(" | ").append(r.repairRounds()).append(" | ").append(ms(r.millis())).append(" |\n");
        }
        return sb.toString();
    }

    private static void slice(StringBuilder sb, String name, List<ItemResult> part) {
        if (part.isEmpty()) {
            return;
        }
        long valid = part.stream().filter(ItemResult::passedValidation).count();
        long met = part.stream().filter(ItemResult::met).count();
        sb.append("| ").append(name).append(" | ").append(part.size()).append(" | ").append(valid).append(" | ")
                .append(met).append(" |\n");
    }

    private static String escape(String s) {
        return s.replace("\n", " ").replace("|", "\\|");
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f %%", f * 100);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** The report as JSON: totals, rates, times and every item. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine);
        m.put("source", source);
        m.put("total", total());
        m.put("passedValidation", passedValidation());
        m.put("met", met());
        m.put("validationRate", validationRate());
        m.put("expectationRate", expectationRate());
        m.put("p50Millis", p50Millis());
        m.put("p95Millis", p95Millis());
        m.put("items", items);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the suite report cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
