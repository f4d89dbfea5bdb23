package dev.kirchhoff.eval.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a report says about the run itself, taken from the run folder's manifest. Immutable; absent values are
 * empty strings.
 *
 * @param suite      the suite's name ({@code mmcircuiteval}, ...)
 * @param model      the system under test's name
 * @param input      the path the items were read from
 * @param template   the prompt template id and version
 * @param startedAt  ISO-8601 instant the run started
 * @param finishedAt ISO-8601 instant the last item finished
 */
@JsonPropertyOrder({"suite", "model", "input", "template", "startedAt", "finishedAt"})
public record RunInfo(String suite, String model, String input, String template, String startedAt,
                      String finishedAt) {
    public RunInfo {
        suite = orEmpty(suite);
        model = orEmpty(model);
        input = orEmpty(input);
        template = orEmpty(template);
        startedAt = orEmpty(startedAt);
        finishedAt = orEmpty(finishedAt);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
