package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.Malformed;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.SuiteLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads CircuitSense question folders: {@code <Domain>/<Level>/qN/} (or the flat {@code equation_derivation_full/qN/})
 * holding {@code qN_question.txt}, {@code qN_ta.txt} (the reference answer, an expression in sympy syntax or a
 * number with an optional unit), {@code qN_image.png} or {@code .jpg}, and optionally the circuit's SPICE netlist
 * {@code qN_netlist.txt} (CircuitSense's own name, written by its {@code scripts/add_netlist_files.py};
 * {@code qN_netlist.cir} and {@code .sp} are accepted too). An item is NUMERIC when its reference is a number,
 * otherwise SYMBOLIC. Item id: the folder path below the given root, {@code <Domain>/<Level>/qN}; a flat layout is
 * named after the root folder ({@code equation_derivation_full/q15}). Stateless and thread-safe.
 */
public final class CircuitSenseLoader implements SuiteLoader {

    public static final String NAME = "circuitsense";
    private static final Pattern QUESTION_DIR = Pattern.compile("q(\\d+)");
    /** A number with an optional exponent, SI prefix and unit: {@code 0.5}, {@code -6 dB}, {@code 4.7 kΩ}, {@code 1e-3 A}. */
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*(?:[a-zA-ZµμΩ°%]{1,6}(?:/[a-zA-Z]{1,4})?)?");
    private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg");
    private static final List<String> NETLIST_EXTENSIONS = List.of(".txt", ".cir", ".sp");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CircuitSense (armanakbari): <Domain>/<Level>/qN/ folders with qN_question.txt, qN_ta.txt (sympy or a"
                + " number), qN_image.png|jpg and qN_netlist.txt; symbolic derivations and numeric values";
    }

    @Override
    public LoadResult load(Path path) throws IOException {
        SuiteFiles.requireExists(path, NAME, "the folder holding <Domain>/<Level>/qN/ question folders");
        if (!Files.isDirectory(path)) {
            throw new IOException(path + ": CircuitSense items are folders; give the folder that holds"
                    + " <Domain>/<Level>/qN/ (or qN/) folders, not a file");
        }
        Path root = path.toAbsolutePath().normalize();
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(root)) {
            dirs = s.filter(Files::isDirectory)
                    .filter(d -> QUESTION_DIR.matcher(d.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(CircuitSenseLoader::sortKey))
                    .toList();
        }
        if (dirs.isEmpty()) {
            throw new IOException(path + ": no qN question folders found; give the CircuitSense folder that holds"
                    + " <Domain>/<Level>/qN/ or qN/ folders");
        }
        List<EvalItem> items = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        for (Path dir : dirs) {
            item(root, dir, items, malformed);
        }
        return new LoadResult(NAME, items, malformed);
    }

    private static void item(Path root, Path dir, List<EvalItem> items, List<Malformed> malformed) throws IOException {
        String q = dir.getFileName().toString();
        Path questionFile = dir.resolve(q + "_question.txt");
        Path answerFile = dir.resolve(q + "_ta.txt");
        if (!Files.isRegularFile(questionFile)) {
            malformed.add(new Malformed(new ItemSource(dir.toString(), 0), "no " + q + "_question.txt in " + q
                    + "; add the question text or remove the folder"));
            return;
        }
        ItemSource where = new ItemSource(questionFile.toString(), 0);
        String question = Files.readString(questionFile, StandardCharsets.UTF_8).strip();
        if (question.isEmpty()) {
            malformed.add(new Malformed(where, "the question file is empty; write the question"));
            return;
        }
        if (!Files.isRegularFile(answerFile)) {
            malformed.add(new Malformed(new ItemSource(dir.toString(), 0), "no " + q + "_ta.txt in " + q
                    + "; add the reference answer (a sympy expression or a number with its unit)"));
            return;
        }
        String reference = Files.readString(answerFile, StandardCharsets.UTF_8).strip();
        if (reference.isEmpty()) {
            malformed.add(new Malformed(new ItemSource(answerFile.toString(), 0),
                    "the reference answer is empty; write a sympy expression or a number with its unit"));
            return;
        }
        List<Path> images = new ArrayList<>();
        for (String ext : IMAGE_EXTENSIONS) {
            Path img = dir.resolve(q + "_image" + ext);
            if (Files.isRegularFile(img)) {
                images.add(img);
                break;
            }
        }
        String netlist = "";
        for (String ext : NETLIST_EXTENSIONS) {
            Path n = dir.resolve(q + "_netlist" + ext);
            if (Files.isRegularFile(n)) {
                netlist = Files.readString(n, StandardCharsets.UTF_8);
                break;
            }
        }
        Path rel = root.relativize(dir);
        List<String> parts = new ArrayList<>();
        for (Path p : rel) {
            parts.add(p.toString());
        }
        parts.remove(parts.size() - 1);
        Map<String, String> labels = new LinkedHashMap<>();
        if (parts.size() >= 2) {
            labels.put("domain", SuiteFiles.lower(parts.get(parts.size() - 2)));
            labels.put("level", SuiteFiles.lower(parts.get(parts.size() - 1)));
        }
        String id = parts.isEmpty() ? root.getFileName() + "/" + q : rel.toString().replace('\\', '/');
        items.add(new EvalItem(NAME, id, typeOf(reference), "", question, List.of(), reference, images, netlist,
                labels, where));
    }

    /** NUMERIC when the reference (its right-hand side after the last {@code =}) is a number with an optional unit. */
    static QuestionType typeOf(String reference) {
        String rhs = reference.substring(reference.lastIndexOf('=') + 1).strip();
        return NUMBER.matcher(rhs).matches() ? QuestionType.NUMERIC : QuestionType.SYMBOLIC;
    }

    /** Orders q2 before q10 within a folder. */
    private static String sortKey(Path dir) {
        Matcher m = QUESTION_DIR.matcher(dir.getFileName().toString());
        m.matches();
        return dir.getParent().toString() + "/" + String.format("%09d", Long.parseLong(m.group(1)));
    }
}
