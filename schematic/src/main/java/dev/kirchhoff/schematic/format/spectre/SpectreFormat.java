package dev.kirchhoff.schematic.format.spectre;

import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/** A Cadence Spectre netlist. Stateless and thread-safe. */
public final class SpectreFormat implements NetlistFormat {

    private static final Pattern SUBCKT = Pattern.compile("(?m)^\\s*(subckt\\s|ends\\b)");
    private static final Pattern COMMENT = Pattern.compile("(?m)^\\s*//");
    private static final Pattern SPICE_DOT = Pattern.compile("(?m)^\\s*\\.(subckt|end|model|tran|op)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTANCE = Pattern.compile("(?m)^\\s*[A-Za-z_][\\w\\\\<>\\[\\]!]*\\s*\\([^)]*\\)\\s*"
            + "[A-Za-z_]\\w*");

    @Override
    public String name() {
        return "spectre";
    }

    @Override
    public String description() {
        return "Cadence Spectre netlist";
    }

    @Override
    public List<String> extensions() {
        return List.of(".scs", ".spectre");
    }

    @Override
    public boolean hierarchical() {
        return true;
    }

    @Override
    public boolean transistorLevel() {
        return true;
    }

    @Override
    public boolean requiresDeviceModels() {
        return true;
    }

    @Override
    public int sniff(Source source) {
        String text = source.text();
        String head = text.length() > 65536 ? text.substring(0, 65536) : text;
        if (head.contains("simulator lang=spectre")) {
            return 100;
        }
        char first = source.firstSignificant();
        if (first == '(' || first == '{' || first == '[') {
            return 0;
        }
        int score = 0;
        if (SUBCKT.matcher(head).find()) {
            score += 40;
        }
        if (INSTANCE.matcher(head).find()) {
            score += 45;
        }
        if (COMMENT.matcher(head).find()) {
            score += 5;
        }
        if (SPICE_DOT.matcher(head).find()) {
            score -= 40;
        }
        return Math.max(0, Math.min(95, score));
    }

    @Override
    public Circuit read(Source source, Notices notices) throws ParseException {
        return new SpectreReader(source, notices).read();
    }

    @Override
    public void write(Circuit circuit, Appendable out, Notices notices) throws IOException {
        new SpectreWriter(notices).write(circuit, out);
    }
}
