package dev.kirchhoff.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The top-level {@code kirchhoff} command; its subcommands do the work. */
@Command(name = "kirchhoff",
        mixinStandardHelpOptions = true,
        versionProvider = KirchhoffCommand.Version.class,
        description = "Kirchhoff: circuit design from a description, validated before export; netlist conversion between SPICE dialects, Spectre, KiCad, Circuit JSON and Wokwi; "
                + "a component knowledge base with hybrid search; an electrical validity checker with ngspice simulation.",
        subcommands = {DesignCommand.class, ConvertCommand.class, FormatsCommand.class, KbCommand.class, ValidateCommand.class, EvalCommand.class,
                ExportCommand.class, SimulateCommand.class, GenerateCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 findings or failed verification, 2 bad input or usage, 3 internal error."})
public final class KirchhoffCommand implements Runnable {

    private final InputStream stdin;

    @Option(names = "--debug", description = "Show stack traces for errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    KirchhoffCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version filtered into {@code version.properties} at build time. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = KirchhoffCommand.class.getResourceAsStream("/dev/kirchhoff/app/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"kirchhoff " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
