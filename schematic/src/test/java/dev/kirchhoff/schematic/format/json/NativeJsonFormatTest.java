package dev.kirchhoff.schematic.format.json;

import static dev.kirchhoff.schematic.testing.Netlists.error;
import static dev.kirchhoff.schematic.testing.Netlists.read;
import static dev.kirchhoff.schematic.testing.Netlists.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.Connectivity;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NativeJsonFormatTest {

    private static final String DECK = """
            mixed deck
            .param rr=2k
            .subckt buf in out vdd vss params: g=2
            E1 out vss in vss {g}
            .ends buf
            .model nch nmos level=1 vto=0.5
            .include "lib/models.sp"
            V1 vdd 0 DC 3.3
            R1 vdd a {rr}
            M1 a a 0 0 nch w=1u l=1u
            X1 a b vdd 0 buf params: g=4
            C1 b 0 10n
            .tran 1u 1m
            .end
            """;

    private static JsonSchema schema() throws Exception {
        try (InputStream in = NativeJsonFormat.class.getResourceAsStream(NativeJsonFormat.SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void everythingSurvivesTheRoundTrip() {
        Circuit c = read("ngspice", DECK);
        String json = write("json", c);
        Circuit back = read("json", json);
        assertThat(Connectivity.differences(c, back, Map.of())).isEmpty();
        assertThat(back.title()).isEqualTo("mixed deck");
        assertThat(back.subcircuit("buf").orElseThrow().body().component("E1").orElseThrow().value().text())
                .isEqualTo("g");
        assertThat(back.models()).isEqualTo(c.models());
        assertThat(back.parameters()).isEqualTo(c.parameters());
        assertThat(back.includes()).isEqualTo(c.includes());
        assertThat(back.directives()).isEqualTo(c.directives());
        assertThat(back.components()).isEqualTo(c.components());
        assertThat(write("json", back)).isEqualTo(json);
        assertThat(write("ngspice", back)).isEqualTo(write("ngspice", c));
    }

    @Test
    void outputValidatesAgainstThePublishedSchema() throws Exception {
        Circuit c = read("ngspice", DECK);
        Component mcu = Component.builder("U1", ComponentKind.PART).part("esp32-devkit-v1")
                .property("kicad.footprint", "Module:ESP32")
                .pins(List.of(new Pin("21", "GPIO21", PinType.BIDIRECTIONAL, Set.of(PinFunction.I2C_SDA,
                        PinFunction.GPIO)), Pin.of("GND", "GND", PinType.POWER_IN))).build();
        c = c.toBuilder().add(mcu, "a", "0").build();
        JsonNode node = new ObjectMapper().readTree(write("json", c));
        Set<ValidationMessage> problems = schema().validate(node);
        assertThat(problems).isEmpty();
        assertThat(read("json", write("json", c)).component("U1").orElseThrow().pins().get(0).functions())
                .containsExactlyInAnyOrder(PinFunction.I2C_SDA, PinFunction.GPIO);
    }

    @Test
    void schemaRejectsAComponentWithoutPins() throws Exception {
        String bad = "{\"format\":\"kirchhoff-circuit\",\"version\":1,\"components\":[{\"ref\":\"R1\",\"kind\":"
                + "\"resistor\"}],\"nets\":[]}";
        assertThat(schema().validate(new ObjectMapper().readTree(bad))).isNotEmpty();
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        ParseException e = error("json", "c.json", "{\n  \"format\": \"kirchhoff-circuit\",\n  \"version\": 1,,\n}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("c.json:3:").contains("invalid JSON");
    }

    @Test
    void unknownKindIsReportedAtItsPlace() {
        String text = "{\"format\": \"kirchhoff-circuit\", \"version\": 1,\n \"components\": [\n"
                + "  {\"ref\": \"R1\", \"kind\": \"resistr\", \"pins\": []}\n ], \"nets\": []}";
        ParseException e = error("json", "c.json", text);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).contains("unknown component kind 'resistr'").contains("/components/0/kind");
    }

    @Test
    void pinsOnNetsMustExist() {
        String text = "{\"format\": \"kirchhoff-circuit\", \"version\": 1, \"components\": [{\"ref\": \"R1\","
                + " \"kind\": \"resistor\", \"pins\": [{\"number\": \"1\", \"name\": \"1\", \"type\": \"passive\"}]}],"
                + "\n \"nets\": [{\"name\": \"a\", \"pins\": [\"R1:1\", \"R1:9\"]}]}";
        ParseException e = error("json", "c.json", text);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("R1 has no pin '9'");
    }

    @Test
    void valuesKeepTheirSyntax() {
        Circuit c = Circuit.builder()
                .add(Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("2M",
                        dev.kirchhoff.schematic.units.ValueSyntax.SPECTRE)).build(), "a", "0").build();
        Circuit back = read("json", write("json", c));
        assertThat(back.component("R1").orElseThrow().value().magnitude()).isEqualTo(2e6);
        assertThat(write("ngspice", back)).contains("R1 a 0 2meg");
    }
}
