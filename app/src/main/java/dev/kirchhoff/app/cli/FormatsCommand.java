package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.NetlistFormats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kirchhoff formats}: lists the netlist formats this build reads and writes. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "List the netlist formats Kirchhoff reads and writes.")
final class FormatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (NetlistFormat f : NetlistFormats.all()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", f.name());
                m.put("description", f.description());
                m.put("extensions", f.extensions());
                m.put("hierarchical", f.hierarchical());
                m.put("transistorLevel", f.transistorLevel());
                m.put("read", true);
                m.put("write", true);
                list.add(m);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
            return ExitCodes.OK;
        }
        int width = "EXTENSIONS".length();
        for (NetlistFormat f : NetlistFormats.all()) {
            width = Math.max(width, String.join(" ", f.extensions()).length());
        }
        String row = "%-13s %-10s %-12s %-" + width + "s  %s%n";
        out.printf(row, "FORMAT", "HIERARCHY", "TRANSISTORS", "EXTENSIONS", "DESCRIPTION");
        for (NetlistFormat f : NetlistFormats.all()) {
            out.printf(row, f.name(), f.hierarchical() ? "yes" : "flattened",
                    f.transistorLevel() ? "yes" : "no", String.join(" ", f.extensions()), f.description());
        }
        out.println();
        out.println("Every format is read and written. Formats without hierarchy get flattened circuits.");
        return ExitCodes.OK;
    }
}
