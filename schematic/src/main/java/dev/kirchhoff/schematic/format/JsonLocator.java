package dev.kirchhoff.schematic.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Finds where in a JSON text a value lives, so errors found after parsing into a tree can still name the line and
 * column. Also turns Jackson's syntax errors into {@link ParseException}s. Stateless.
 */
public final class JsonLocator {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern JACKSON_SOURCE =
            Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]", Pattern.DOTALL);

    private JsonLocator() {
    }

    /** {line, column} of the value at {@code pointer} (e.g. {@code /parts/3/id}), or {0, 0} when not found. */
    public static int[] locate(String json, String pointer) {
        JsonPointer target = JsonPointer.compile(pointer);
        try (JsonParser p = FACTORY.createParser(json)) {
            while (p.nextToken() != null) {
                if (p.getParsingContext().pathAsPointer().equals(target)
                        && p.currentToken() != JsonToken.FIELD_NAME) {
                    JsonLocation loc = p.currentTokenLocation();
                    return new int[] {loc.getLineNr(), loc.getColumnNr()};
                }
            }
        } catch (IOException e) {
            return new int[] {0, 0};
        }
        return new int[] {0, 0};
    }

    /** A {@link ParseException} at the value {@code pointer} points to. */
    public static ParseException error(Source source, String pointer, String problem, String expected) {
        int[] at = locate(source.text(), pointer);
        return new ParseException(source.name(), at[0], at[1], problem + " (at " + pointer + ")", expected);
    }

    /**
     * A {@link ParseException} for invalid JSON, at the place Jackson stopped, with Jackson's message made
     * readable (its {@code [Source: …; line: 3, column: 5]} becomes {@code line 3, column 5}).
     */
    public static ParseException syntaxError(String file, JsonProcessingException e, String expected) {
        JsonLocation loc = e.getLocation();
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        message = JACKSON_SOURCE.matcher(message).replaceAll("line $1, column $2").replace('\n', ' ').strip();
        return new ParseException(file, loc == null ? 0 : Math.max(0, loc.getLineNr()),
                loc == null ? 0 : Math.max(0, loc.getColumnNr()), "invalid JSON: " + message, expected);
    }

    /** What a token is, for messages: "an object", "an array", "a string", … */
    public static String describe(JsonToken t) {
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
}
