package dev.kirchhoff.agents.llm.stages;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders for the response-format schemas, in the shape OpenAI's strict mode accepts: every object lists all
 * its properties as required and forbids additional ones, and no type is nullable (absent values use sentinels such
 * as {@code 0}, {@code ""} or {@code "NONE"}).
 */
final class Schemas {

    private Schemas() {
    }

    /** An object whose properties are all required and which allows no others; pairs of name, element. */
    static JsonObjectSchema object(Object... nameElementPairs) {
        Map<String, JsonSchemaElement> props = new LinkedHashMap<>();
        for (int i = 0; i < nameElementPairs.length; i += 2) {
            props.put((String) nameElementPairs[i], (JsonSchemaElement) nameElementPairs[i + 1]);
        }
        return JsonObjectSchema.builder().addProperties(props).required(new ArrayList<>(props.keySet()))
                .additionalProperties(false).build();
    }

    static JsonArraySchema array(JsonSchemaElement items) {
        return JsonArraySchema.builder().items(items).build();
    }

    static JsonStringSchema string(String description) {
        return JsonStringSchema.builder().description(description).build();
    }

    static JsonStringSchema string() {
        return JsonStringSchema.builder().build();
    }

    static JsonNumberSchema number(String description) {
        return JsonNumberSchema.builder().description(description).build();
    }

    static JsonIntegerSchema integer(String description) {
        return JsonIntegerSchema.builder().description(description).build();
    }

    static JsonEnumSchema enumOf(List<String> values) {
        return JsonEnumSchema.builder().enumValues(List.copyOf(values)).build();
    }

    static JsonEnumSchema enumOf(Enum<?>[] values, String... extra) {
        List<String> names = new ArrayList<>();
        for (Enum<?> e : values) {
            names.add(e.name());
        }
        names.addAll(Arrays.asList(extra));
        return enumOf(names);
    }

    static JsonSchema named(String name, JsonObjectSchema root) {
        return JsonSchema.builder().name(name).rootElement(root).build();
    }
}
