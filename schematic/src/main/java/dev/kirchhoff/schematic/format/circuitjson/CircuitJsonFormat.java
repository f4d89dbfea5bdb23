package dev.kirchhoff.schematic.format.circuitjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import java.io.IOException;
import java.util.List;

/**
 * tscircuit's Circuit JSON: a flat array of typed elements, of which Kirchhoff reads and writes the netlist part
 * ({@code source_component}, {@code source_port}, {@code source_net}, {@code source_trace}) and ignores the
 * schematic, PCB and CAD elements. Component kinds map to ftypes ({@code simple_resistor}, {@code simple_mosfet},
 * …); what Circuit JSON cannot hold rides along in a {@code "kirchhoff"} object on each component, so SPICE to
 * Circuit JSON and back keeps every component, pin, model name and parameter.
 *
 * <pre>{@code
 * Circuit c = new CircuitJsonFormat().read(Source.read(Path.of("board.circuit.json")), notices);
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class CircuitJsonFormat implements NetlistFormat {

    private static final int SNIFF_LIMIT = 65536;

    @Override
    public String name() {
        return "circuit-json";
    }

    @Override
    public String description() {
        return "tscircuit Circuit JSON (source_* elements)";
    }

    @Override
    public List<String> extensions() {
        return List.of(".circuit.json", ".json");
    }

    @Override
    public boolean hierarchical() {
        return false;
    }

    @Override
    public boolean transistorLevel() {
        return true;
    }

    /**
     * 95 when the text is a JSON array whose first typed element is a {@code source_}, {@code schematic_} or
     * {@code pcb_} element. Looks at the first 64 KB only, with a streaming parser.
     */
    @Override
    public int sniff(Source source) {
        if (source.firstSignificant() != '[') {
            return 0;
        }
        String text = source.text();
        String head = text.length() > SNIFF_LIMIT ? text.substring(0, SNIFF_LIMIT) : text;
        try (JsonParser p = Json.FACTORY.createParser(head)) {
            p.nextToken();
            for (int element = 0; element < 8 && p.nextToken() == JsonToken.START_OBJECT; element++) {
                String type = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                        type = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (type != null) {
                    return type.startsWith("source_") || type.startsWith("schematic_") || type.startsWith("pcb_")
                            ? 95 : 0;
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Circuit read(Source source, Notices notices) throws ParseException {
        return new CircuitJsonReader(source, notices).read();
    }

    @Override
    public void write(Circuit circuit, Appendable out, Notices notices) throws IOException {
        new CircuitJsonWriter(notices).write(circuit, out);
    }
}
