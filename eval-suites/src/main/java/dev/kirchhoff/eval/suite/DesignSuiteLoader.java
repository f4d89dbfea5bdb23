package dev.kirchhoff.eval.suite;

import dev.kirchhoff.agents.suite.DesignSuite;
import dev.kirchhoff.agents.suite.SuiteException;
import dev.kirchhoff.agents.suite.SuiteItem;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.Malformed;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.SuiteLoader;
import dev.kirchhoff.knowledge.KnowledgeBase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads Kirchhoff's design suite ({@code eval-suites/design/design-suite.jsonl}, format in its README) through
 * {@link DesignSuite}, checking each item against the knowledge base; each prompt becomes a DESIGN item whose id is
 * the suite item's id, labelled with its difficulty and domain. Unlike {@link DesignSuite#load}, which refuses a file
 * with any bad item, a bad line here is reported and skipped. Stateless and thread-safe.
 */
public final class DesignSuiteLoader implements SuiteLoader {

    public static final String NAME = "design";
    private static final String FILE_NAME = "design-suite.jsonl";

    /** What was read: the checked suite (for the design scorer) and its items as evaluation items. Immutable. */
    public record Read(DesignSuite suite, LoadResult result) {
    }

    private final Supplier<KnowledgeBase> kb;

    /** Checks items against the bundled knowledge base, read on first use. */
    public DesignSuiteLoader() {
        this(KnowledgeBase::bundled);
    }

    public DesignSuiteLoader(Supplier<KnowledgeBase> kb) {
        this.kb = kb;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Kirchhoff's design suite: design prompts with checkable expectations, " + DesignSuite.DEFAULT_PATH
                + " or its folder";
    }

    @Override
    public LoadResult load(Path path) throws IOException {
        return read(path).result();
    }

    /** Reads the suite file (or the folder holding {@code design-suite.jsonl}). */
    public Read read(Path path) throws IOException {
        SuiteFiles.requireExists(path, NAME, DesignSuite.DEFAULT_PATH + " or its folder");
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            throw new IOException(path + ": no " + FILE_NAME + " in this folder; give the design suite file ("
                    + DesignSuite.DEFAULT_PATH + ")");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        KnowledgeBase base = kb.get();
        String source = file.toString();
        List<SuiteItem> good = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        String[] one = new String[lines.size()];
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            // DesignSuite.parse refuses a whole file for one bad item, so each line is checked on its own, at its
            // own line number (the other lines blank), and only the bad ones are dropped.
            Arrays.fill(one, "");
            one[n] = lines.get(n);
            try {
                SuiteItem item = DesignSuite.parse(source, List.of(one), base).items().get(0);
                Integer before = ids.putIfAbsent(item.id(), n + 1);
                if (before != null) {
                    malformed.add(new Malformed(new ItemSource(source, n + 1), "item '" + item.id()
                            + "': the id is already used on line " + before + "; give every item its own id"));
                } else {
                    good.add(item);
                }
            } catch (SuiteException e) {
                malformed.add(new Malformed(new ItemSource(source, n + 1), problems(e.getMessage(), source, n + 1)));
            }
        }
        DesignSuite suite = new DesignSuite(source, good);
        List<EvalItem> items = new ArrayList<>();
        for (SuiteItem i : good) {
            items.add(new EvalItem(NAME, i.id(), QuestionType.DESIGN, "", i.prompt(), List.of(), "", List.of(), "",
                    Map.of("difficulty", i.difficulty().key(), "domain", i.domain().key()),
                    new ItemSource(source, i.line())));
        }
        return new Read(suite, new LoadResult(NAME, items, malformed));
    }

    /** The problems of one line without the header and the repeated {@code file:line: } prefix. */
    private static String problems(String message, String source, int line) {
        String prefix = source + ":" + line + ": ";
        List<String> out = new ArrayList<>();
        for (String l : message.split("\n")) {
            if (l.startsWith(prefix)) {
                out.add(l.substring(prefix.length()));
            }
        }
        return out.isEmpty() ? message : String.join("; ", out);
    }
}
