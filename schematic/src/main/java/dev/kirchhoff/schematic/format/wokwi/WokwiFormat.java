package dev.kirchhoff.schematic.format.wokwi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Wokwi simulator {@code diagram.json}: parts ({@code wokwi-arduino-uno}, {@code wokwi-led}, …) placed on a
 * canvas and wires between their pins ({@code "uno:13"}). Resistors and LEDs read as the primitives, everything
 * else as a part {@code wokwi:<type>} with the pins of its type; positions and attributes are kept as
 * {@code wokwi.*} properties so a diagram read and written again looks the same in Wokwi. Wire colours and routes
 * are not kept: written wires are straight, one chain per net, coloured by what the net carries.
 *
 * <p>A component is written with the Wokwi type its part names ({@code wokwi:wokwi-servo}), its
 * {@code wokwi.type} property, its kind (resistor, LED), or a knowledge-base part id Wokwi also has
 * ({@code esp32-devkit-v1}); components with none of these are left out and reported. Stateless and thread-safe.
 */
public final class WokwiFormat implements NetlistFormat {

    static final JsonFactory FACTORY = JsonFactory.builder().build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private static final int SNIFF_LIMIT = 65536;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public String name() {
        return "wokwi";
    }

    @Override
    public String description() {
        return "Wokwi simulator diagram.json";
    }

    @Override
    public List<String> extensions() {
        return List.of(".diagram.json", ".json");
    }

    @Override
    public boolean hierarchical() {
        return false;
    }

    @Override
    public boolean transistorLevel() {
        return false;
    }

    /**
     * 95 when the text is a JSON object with {@code "parts"} and {@code "connections"} keys; 80 when only the
     * first 64 KB were seen and they show one of them and {@code "editor": "wokwi"}. Streams the first 64 KB only.
     */
    @Override
    public int sniff(Source source) {
        if (source.firstSignificant() != '{') {
            return 0;
        }
        String text = source.text();
        String head = text.length() > SNIFF_LIMIT ? text.substring(0, SNIFF_LIMIT) : text;
        boolean parts = false;
        boolean connections = false;
        boolean wokwiEditor = false;
        try (JsonParser p = FACTORY.createParser(head)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                parts |= field.equals("parts") && value == JsonToken.START_ARRAY;
                connections |= field.equals("connections") && value == JsonToken.START_ARRAY;
                wokwiEditor |= field.equals("editor") && value == JsonToken.VALUE_STRING
                        && p.getText().equals("wokwi");
                if (parts && connections) {
                    return 95;
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return (parts || connections) && wokwiEditor ? 80 : 0;
        }
        return 0;
    }

    @Override
    public Circuit read(Source source, Notices notices) throws ParseException {
        return new WokwiReader(source, notices).read();
    }

    @Override
    public void write(Circuit circuit, Appendable out, Notices notices) throws IOException {
        new WokwiWriter(notices).write(circuit, out);
    }

    /** Whether {@code text} is a bare decimal number, which is all Wokwi reads from a value attribute. */
    static boolean isPlainNumber(String text) {
        return PLAIN_NUMBER.matcher(text).matches();
    }

    /** A number the way a Wokwi attribute holds it: {@code 220}, {@code 4700}, {@code 0.5}. */
    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
