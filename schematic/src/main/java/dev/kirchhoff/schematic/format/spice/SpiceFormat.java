package dev.kirchhoff.schematic.format.spice;

import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** A SPICE netlist in one dialect. Stateless and thread-safe; one instance per dialect. */
public final class SpiceFormat implements NetlistFormat {

    private final SpiceDialect dialect;

    public SpiceFormat(SpiceDialect dialect) {
        this.dialect = dialect;
    }

    public SpiceDialect dialect() {
        return dialect;
    }

    @Override
    public String name() {
        return dialect.formatName();
    }

    @Override
    public String description() {
        return dialect.description() + " netlist";
    }

    @Override
    public List<String> extensions() {
        return switch (dialect) {
            case NGSPICE -> List.of(".cir", ".sp", ".spice", ".ckt", ".spi");
            case LTSPICE -> List.of(".net", ".cir");
            case HSPICE -> List.of(".sp", ".hsp");
            case XYCE -> List.of(".cir");
            case PSPICE -> List.of(".cir", ".net");
        };
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
        int base = spiceLikelihood(source.text());
        if (base == 0) {
            return 0;
        }
        return Math.min(100, base + dialectHints(source.text()));
    }

    /** How much text looks like any SPICE deck, 0–80. */
    static int spiceLikelihood(String text) {
        String head = text.length() > 65536 ? text.substring(0, 65536) : text;
        String first = head.stripLeading();
        if (first.startsWith("(") || first.startsWith("{") || first.startsWith("[")) {
            return 0;
        }
        int score = 0;
        int lines = 0;
        for (String raw : head.split("\n", 400)) {
            String l = raw.strip().toLowerCase(Locale.ROOT);
            if (l.isEmpty()) {
                continue;
            }
            lines++;
            if (l.startsWith(".end") || l.startsWith(".subckt") || l.startsWith(".model") || l.startsWith(".param")
                    || l.startsWith(".tran") || l.startsWith(".op") || l.startsWith(".include")) {
                score += 10;
            } else if (l.startsWith("simulator lang=spectre") || l.startsWith("subckt ") || l.matches(
                    "^[a-z_][\\w]*\\s*\\(.*\\)\\s*\\w+.*")) {
                score -= 10;
            } else if (l.matches("^[rclvi][^\\s]*\\s+[^\\s]+\\s+[^\\s]+.*") || l.matches("^[mqdxjebfgh]\\S*\\s+.*")) {
                score += 2;
            }
            if (lines > 300) {
                break;
            }
        }
        return Math.max(0, Math.min(80, score));
    }

    private int dialectHints(String text) {
        String head = (text.length() > 65536 ? text.substring(0, 65536) : text).toLowerCase(Locale.ROOT);
        // a deck this writer made says which dialect it was written for
        int marker = head.indexOf("* written by kirchhoff for ");
        if (marker >= 0 && marker < 2000) {
            return head.startsWith(dialect.description().toLowerCase(Locale.ROOT), marker + 27) ? 40 : 0;
        }
        return switch (dialect) {
            case NGSPICE -> 1 + (head.contains(".control") ? 15 : 0);
            case LTSPICE -> (head.contains(".backanno") ? 15 : 0) + (head.contains("rser=") ? 5 : 0)
                    + (head.contains("µ") ? 3 : 0);
            case HSPICE -> (head.contains(".option post") ? 10 : 0) + (head.contains(".alter") ? 5 : 0)
                    + (head.matches("(?s).*=\\s*'[^']*'.*") ? 5 : 0);
            case XYCE -> (head.contains(".options timeint") || head.contains(".options device")
                    || head.contains(".preprocess") ? 15 : 0);
            case PSPICE -> (text.contains("PARAMS:") ? 8 : 0) + (head.contains(".probe") ? 8 : 0)
                    + (head.contains(".stmlib") ? 8 : 0);
        };
    }

    @Override
    public Circuit read(Source source, Notices notices) throws ParseException {
        return new SpiceReader(dialect, source, notices).read();
    }

    @Override
    public void write(Circuit circuit, Appendable out, Notices notices) throws IOException {
        new SpiceWriter(dialect, notices).write(circuit, out);
    }
}
