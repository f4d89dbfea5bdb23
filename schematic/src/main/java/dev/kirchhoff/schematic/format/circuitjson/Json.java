package dev.kirchhoff.schematic.format.circuitjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.schematic.format.ParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON machinery the Circuit JSON reader shares: one factory and mapper, and plain syntax-error messages. */
final class Json {

    static final JsonFactory FACTORY = JsonFactory.builder().build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]");

    private Json() {
    }

    /** A parse error for malformed JSON, at Jackson's line and column, with Jackson's message made readable. */
    static ParseException syntaxError(String file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        Matcher m = SOURCE.matcher(message);
        message = m.replaceAll("line $1, column $2").replace('\n', ' ').strip();
        return new ParseException(file, at == null ? 0 : Math.max(0, at.getLineNr()),
                at == null ? 0 : Math.max(0, at.getColumnNr()), "invalid JSON: " + message,
                "fix the JSON syntax here; the file must be valid JSON before anything else can be read");
    }

    /** The text of field {@code name} when it is a string, else {@code null}. */
    static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** What a token is, for messages: "an object", "an array", "a string", … */
    static String describe(com.fasterxml.jackson.core.JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
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
