package dev.kirchhoff.schematic.format.spice;

import dev.kirchhoff.schematic.units.ValueSyntax;
import java.util.List;
import java.util.Locale;

/**
 * The differences between SPICE simulators that matter to a netlist: number suffixes, end-of-line comments, how
 * expressions are delimited, how parameters are passed to subcircuits, and which directives exist.
 */
public enum SpiceDialect {
    /** ngspice: {@code ;}, {@code $} and {@code //} end-of-line comments, {@code {expr}}, {@code .control} blocks. */
    NGSPICE("ngspice", "ngspice (Berkeley SPICE 3 descendant)", ValueSyntax.SPICE, ";", "$", "//"),
    /** LTspice: {@code ;} comments, {@code µ} as micro, {@code {expr}}. */
    LTSPICE("ltspice", "LTspice", ValueSyntax.LTSPICE, ";"),
    /** HSPICE: {@code $} comments, {@code 'expr'}, {@code X} (mega) and {@code A} (atto), bare subcircuit parameters. */
    HSPICE("hspice", "Synopsys HSPICE", ValueSyntax.HSPICE, "$"),
    /** Xyce: {@code ;} comments, {@code {expr}}, {@code PARAMS:}. */
    XYCE("xyce", "Sandia Xyce", ValueSyntax.SPICE, ";"),
    /** PSpice: {@code ;} comments, {@code {expr}}, {@code PARAMS:} required on subcircuits and calls. */
    PSPICE("pspice", "Cadence PSpice", ValueSyntax.SPICE, ";");

    private final String formatName;
    private final String description;
    private final ValueSyntax valueSyntax;
    private final List<String> commentMarkers;

    SpiceDialect(String formatName, String description, ValueSyntax valueSyntax, String... commentMarkers) {
        this.formatName = formatName;
        this.description = description;
        this.valueSyntax = valueSyntax;
        this.commentMarkers = List.of(commentMarkers);
    }

    /** The name on the command line. */
    public String formatName() {
        return formatName;
    }

    public String description() {
        return description;
    }

    /** How numbers are written. */
    public ValueSyntax valueSyntax() {
        return valueSyntax;
    }

    /** End-of-line comment markers; {@code $} and {@code //} count only after whitespace. */
    public List<String> commentMarkers() {
        return commentMarkers;
    }

    /** Opening delimiter of an expression. */
    String expressionOpen() {
        return this == HSPICE ? "'" : "{";
    }

    /** Closing delimiter of an expression. */
    String expressionClose() {
        return this == HSPICE ? "'" : "}";
    }

    /** The keyword before parameters on {@code .subckt} lines and calls, or empty for bare parameters. */
    String paramsKeyword() {
        return switch (this) {
            case HSPICE -> "";
            case PSPICE, XYCE -> "PARAMS:";
            default -> "params:";
        };
    }

    /** Whether node {@code gnd} is ground, as in ngspice. */
    boolean gndIsGround() {
        return this == NGSPICE;
    }

    /** Whether this simulator knows the directive {@code keyword} (lower case, with the dot). */
    boolean knowsDirective(String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT);
        return switch (k) {
            case ".op", ".tran", ".ac", ".dc", ".noise", ".tf", ".four", ".print", ".options", ".option", ".temp",
                    ".ic", ".nodeset", ".save", ".meas", ".measure", ".func", ".end", ".param", ".model",
                    ".include", ".lib", ".subckt", ".ends", ".global", ".title", ".sens", ".disto", ".pz", ".plot",
                    ".probe", ".step", ".data", ".alter", ".csparam", ".width", ".endl" ->
                    !(k.equals(".probe") && this == NGSPICE);
            case ".control", ".endc" -> this == NGSPICE;
            case ".backanno", ".savebias", ".loadbias", ".net", ".wave", ".machine", ".endmachine",
                    ".ferret", ".mach" -> this == LTSPICE;
            case ".preprocess", ".result", ".dcop", ".mpde", ".hb", ".embeddedsampling", ".pce", ".sampling",
                    ".lin" -> this == XYCE;
            case ".stmlib", ".vector", ".wcase", ".mc", ".dist", ".loadbias2" -> this == PSPICE;
            case ".hdl", ".connect", ".malias", ".protect", ".unprotect", ".optgoal", ".variation", ".lprint" ->
                    this == HSPICE;
            default -> true;
        };
    }

    /** The dialect called {@code name} on the command line, or {@code null}. */
    public static SpiceDialect named(String name) {
        for (SpiceDialect d : values()) {
            if (d.formatName.equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }
}
