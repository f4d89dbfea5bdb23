package dev.kirchhoff.agents.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.transform.Conversion;
import dev.kirchhoff.validation.simulation.SpiceDeck;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Renders every output of a design run in memory and then writes them into a folder, each through a temporary file
 * moved into place: a run that fails while rendering writes nothing, and a file is only ever replaced by a complete
 * one. The SPICE deck is written only when validation passed. Thread-safe.
 */
public final class DesignOutputs {

    /** The files in the order they are listed. */
    public static final List<String> FILES = List.of("design.json", "circuit.json", "diagram.json", "design.net",
            "design.cir", "schematic.svg", "report.md", "report.html", "trace.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final KnowledgeBase kb;
    private final Function<Circuit, String> drawing;

    /**
     * @param drawing renders the schematic as SVG text
     */
    public DesignOutputs(KnowledgeBase kb, Function<Circuit, String> drawing) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
        this.drawing = Objects.requireNonNull(drawing, "The parameter 'drawing' must not be null.");
    }

    /**
     * Every output's name and text, in {@link #FILES} order.
     *
     * @param deck the SPICE deck, or null (then no {@code design.cir}); ignored when validation failed
     */
    public Map<String, String> render(DesignResult result, SpiceDeck deck, DesignReport.Simulation simulation) {
        Map<String, String> out = new LinkedHashMap<>();
        Circuit circuit = result.circuit();
        if (result.passed()) {
            // a design that still fails validation is reported, never exported: no file another tool would build from
            out.put("design.json", write(circuit, "json"));
            out.put("circuit.json", write(circuit, "circuit-json"));
            out.put("diagram.json", write(circuit, "wokwi"));
            out.put("design.net", write(circuit, "kicad"));
            if (deck != null) {
                out.put("design.cir", deck.text());
            }
        }
        out.put("schematic.svg", drawing.apply(circuit));
        List<String> files = new ArrayList<>(out.keySet());
        files.add("report.md");
        files.add("report.html");
        files.add("trace.json");
        ReportDocument doc = DesignReport.build(result, kb, simulation, files);
        out.put("report.md", doc.markdown());
        out.put("report.html", doc.html());
        try {
            out.put("trace.json", JSON.writeValueAsString(result.trace().toJson()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Writes {@code files} into {@code dir}, creating it when needed.
     *
     * @return the paths written
     * @throws IOException when the folder cannot be made or written; files already moved into place stay complete
     */
    public static List<Path> write(Map<String, String> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> temps = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try {
            // All temporaries first, so a full disk or a permission problem stops the run before anything is replaced.
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path temp = Files.createTempFile(dir, "." + e.getKey() + ".", ".part");
                temps.add(temp);
                Files.writeString(temp, e.getValue(), StandardCharsets.UTF_8);
            }
            int i = 0;
            for (String name : files.keySet()) {
                Path target = dir.resolve(name);
                Path temp = temps.get(i++);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(target);
            }
        } finally {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
        return written;
    }

    private static String write(Circuit circuit, String formatName) {
        NetlistFormat format = NetlistFormats.named(formatName).orElseThrow();
        Notices notices = new Notices();
        Circuit prepared = Conversion.prepare(circuit, format, Conversion.Options.NONE, notices);
        StringWriter w = new StringWriter();
        try {
            format.write(prepared, w, notices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
