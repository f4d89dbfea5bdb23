package dev.kirchhoff.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One question of a benchmark, as every loader delivers it. A record with several sub-questions
 * (MMCircuitEval) becomes several items sharing one statement. Immutable.
 *
 * @param suite     the suite's name ({@code mmcircuiteval}, {@code circuitsense}, {@code amsbench}, {@code design})
 * @param id        unique within the suite and stable across runs, so results can be resumed and compared
 * @param type      how the item is answered and scored
 * @param statement shared context (MMCircuitEval's statement); empty when there is none
 * @param question  the question itself, as the suite wrote it
 * @param options   answer options in order (A, B, C, ...), empty when they are inside the question or absent
 * @param reference the reference answer as the suite wrote it (a letter, letters, text, a value, an expression)
 * @param images    image files the item refers to, resolved against the suite's folder; may be empty
 * @param netlist   a SPICE netlist of the item's circuit when the suite gives one, else empty
 * @param labels    breakdown labels: {@code split}, {@code ability}, {@code difficulty}, {@code level},
 *                  {@code domain} and any other the suite carries (all lower-case keys)
 * @param source    the file and line it was read from
 */
public record EvalItem(
        String suite,
        String id,
        QuestionType type,
        String statement,
        String question,
        List<String> options,
        String reference,
        List<Path> images,
        String netlist,
        Map<String, String> labels,
        ItemSource source) {

    /** The label keys every report breaks accuracy down by, when items carry them. */
    public static final List<String> BREAKDOWNS = List.of("ability", "difficulty", "type", "domain", "level", "split");

    public EvalItem {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        statement = statement == null ? "" : statement;
        question = question == null ? "" : question;
        options = options == null ? List.of() : List.copyOf(options);
        reference = reference == null ? "" : reference;
        images = images == null ? List.of() : List.copyOf(images);
        netlist = netlist == null ? "" : netlist;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        source = source == null ? new ItemSource("", 0) : source;
    }

    /** A label's value, or the empty string. {@code type} is always the question type's key. */
    public String label(String key) {
        if ("type".equals(key)) {
            return type.key();
        }
        return labels.getOrDefault(key, "");
    }

    /** Whether the item has a netlist a solver can read. */
    public boolean hasNetlist() {
        return !netlist.isBlank();
    }
}
