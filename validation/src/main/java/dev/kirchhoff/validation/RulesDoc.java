package dev.kirchhoff.validation;

import java.util.List;

/**
 * Renders {@code docs/rules.md} from the rules themselves, so the documentation cannot drift from the code: a
 * table of contents by group, then each rule's id, title, group and paragraph. A test fails when the committed file
 * differs from what this renders.
 */
public final class RulesDoc {

    private RulesDoc() {
    }

    /** The markdown for {@code rules}. */
    public static String render(List<Rule> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Validation rules\n\n");
        sb.append("<!-- Generated from the rules' own documentation by dev.kirchhoff.validation.RulesDoc; ")
                .append("do not edit by hand. Regenerate with:\n")
                .append("     mvn -B -q -pl validation test -Dtest=RulesDocTest -Dkirchhoff.writeDocs=true -->\n\n");
        sb.append("Kirchhoff runs ").append(rules.size()).append(" rules. A circuit passes when no rule reports an ")
                .append("error; warnings and notes never fail it. Findings of the Structure group make up the ")
                .append("*structural* score, all others the *electrical* score; each is ")
                .append("`10 × (1 − (errors + warnings/4) / (components + nets))`, clamped to 0–10. The Simulation ")
                .append("rules run only under `kirchhoff simulate` or `validate --simulate`, on ngspice's ")
                .append("operating point.\n\n");
        for (RuleGroup g : RuleGroup.values()) {
            List<Rule> of = rules.stream().filter(r -> r.group() == g).toList();
            if (of.isEmpty()) {
                continue;
            }
            sb.append("- **").append(g.title()).append("** (").append(of.size()).append("): ");
            for (int i = 0; i < of.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('[').append(of.get(i).id()).append("](#")
                        .append(anchor(of.get(i).id())).append(')');
            }
            sb.append('\n');
        }
        for (RuleGroup g : RuleGroup.values()) {
            List<Rule> of = rules.stream().filter(r -> r.group() == g).toList();
            if (of.isEmpty()) {
                continue;
            }
            sb.append("\n## ").append(g.title()).append("\n");
            for (Rule r : of) {
                sb.append("\n### ").append(r.id()).append("\n\n**").append(r.title()).append("**\n\n")
                        .append(r.documentation().strip()).append('\n');
            }
        }
        return sb.toString();
    }

    /** GitHub's heading anchor for an id: lower case, dots removed. */
    static String anchor(String id) {
        return id.toLowerCase(java.util.Locale.ROOT).replace(".", "");
    }
}
