package dev.kirchhoff.schematic.format.circuitjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON machinery the Circuit JSON reader shares: one factory and mapper, and plain syntax-error messages. */
final class Json {

    static final JsonFactory FACTORY = JsonFactory.builder().build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Json() {
    }

    /** The text of field {@code name} when it is a string, else {@code null}. */
    static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** A scalar as property text: strings as they are, numbers as JavaScript prints them, booleans. */
    static String scalarText(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return PrettyJson.number(v.doubleValue());
        }
        return v.asText();
    }
}
