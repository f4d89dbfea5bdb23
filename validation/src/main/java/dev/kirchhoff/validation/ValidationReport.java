package dev.kirchhoff.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of validating one circuit: the findings, whether it passes (no errors), and two scores from 0 to 10.
 *
 * <p><b>Scores.</b> Each score is {@code 10 × (1 − (E + W/4) / N)}, clamped to [0, 10] and rounded to one decimal,
 * where {@code E} and {@code W} are the errors and warnings of the score's groups and {@code N} is the number of
 * things those groups judge: components plus nets. The <i>structural</i> score counts the
 * {@link RuleGroup#STRUCTURE} group (library compliance: parts and pins exist, wiring well-formed); the
 * <i>electrical</i> score counts every other group. A circuit with no findings scores 10 and 10; notes never lower a
 * score. Dividing by the circuit's size keeps one fault in a 200-part board from scoring like one fault in a
 * three-part divider. Immutable.
 *
 * @param subject what was validated (a file name or a title)
 * @param findings everything found, errors first
 * @param rulesRun how many rules ran
 * @param components the number of components
 * @param nets the number of nets
 * @param dropped findings beyond the per-rule limit, by rule id
 */
public record ValidationReport(String subject, List<Finding> findings, int rulesRun, int components, int nets,
                               Map<String, Integer> dropped) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ValidationReport {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> a.severity().compareTo(b.severity()));
        findings = List.copyOf(sorted);
        dropped = dropped == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
    }

    /** True when there is no error. */
    public boolean passed() {
        return count(Severity.ERROR) == 0;
    }

    /** The number of findings of {@code severity} kept in the report (those beyond the per-rule limit are in {@link #dropped}). */
    public int count(Severity severity) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /** The findings of rule {@code id}. */
    public List<Finding> of(String id) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.rule().equals(id)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether rule {@code id} found anything. */
    public boolean fired(String id) {
        for (Finding f : findings) {
            if (f.rule().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** The structural score, 0–10 (see the class comment). */
    public double structuralScore() {
        return score(true);
    }

    /** The electrical score, 0–10 (see the class comment). */
    public double electricalScore() {
        return score(false);
    }

    private double score(boolean structural) {
        double errors = 0;
        double warnings = 0;
        for (Finding f : findings) {
            RuleGroup g = Rules.groupOf(f.rule());
            if (g == null || g.structural() != structural) {
                continue;
            }
            if (f.severity() == Severity.ERROR) {
                errors++;
            } else if (f.severity() == Severity.WARNING) {
                warnings++;
            }
        }
        for (Map.Entry<String, Integer> e : dropped.entrySet()) {
            RuleGroup g = Rules.groupOf(e.getKey());
            if (g != null && g.structural() == structural) {
                errors += e.getValue();
            }
        }
        double n = Math.max(1, components + nets);
        double s = 10 * (1 - (errors + warnings / 4) / n);
        return Math.round(Math.max(0, Math.min(10, s)) * 10) / 10.0;
    }

    /** The report for people: a verdict line, the scores, and each finding with its fix. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(subject).append(": ").append(passed() ? "PASS" : "FAIL").append(" — ")
                .append(count(Severity.ERROR)).append(" error(s), ").append(count(Severity.WARNING))
                .append(" warning(s), ").append(count(Severity.INFO)).append(" note(s); ").append(components)
                .append(" components, ").append(nets).append(" nets, ").append(rulesRun).append(" rules\n");
        sb.append("scores: structural ").append(structuralScore()).append("/10, electrical ")
                .append(electricalScore()).append("/10\n");
        for (Finding f : findings) {
            sb.append(f.severity().label()).append(" [").append(f.rule()).append("] ").append(f.message())
                    .append('\n');
            if (!f.fix().isEmpty()) {
                sb.append("    fix: ").append(f.fix()).append('\n');
            }
        }
        dropped.forEach((rule, n) -> sb.append("… and ").append(n).append(" more from [").append(rule)
                .append("]\n"));
        return sb.toString();
    }

    /** The report for machines. */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("subject", subject);
        root.put("passed", passed());
        root.put("errors", count(Severity.ERROR));
        root.put("warnings", count(Severity.WARNING));
        root.put("notes", count(Severity.INFO));
        ObjectNode scores = root.putObject("scores");
        scores.put("structural", structuralScore());
        scores.put("electrical", electricalScore());
        root.put("components", components);
        root.put("nets", nets);
        root.put("rulesRun", rulesRun);
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = list.addObject();
            o.put("rule", f.rule());
            o.put("severity", f.severity().label());
            o.put("message", f.message());
            o.put("fix", f.fix());
            f.components().forEach(o.putArray("components")::add);
            f.pins().forEach(o.putArray("pins")::add);
            f.nets().forEach(o.putArray("nets")::add);
        }
        ObjectNode d = root.putObject("dropped");
        dropped.forEach(d::put);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
