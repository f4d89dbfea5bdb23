package dev.kirchhoff.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.kirchhoff.schematic.model.PinType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads part files: one part, or a family {@code {"family": ..., "parts": [...]}}. Errors name the file and the JSON
 * path of the fault. Reading checks the structure a part cannot do without (id, name, category, form, typed pins);
 * {@link KnowledgeBaseCheck} checks the rest.
 */
public final class PartReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(module())
            .build();

    private PartReader() {
    }

    /** The mapper that reads part files, shared with the checker. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads the parts in one file. */
    public static List<Part> read(String file, byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new KnowledgeBaseException(file, "", "not valid JSON at line " + loc.getLineNr() + ", column "
                    + loc.getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KnowledgeBaseException(file, "", "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new KnowledgeBaseException(file, "$", "expected a JSON object (a part, or {\"family\": ..., \"parts\": [...]})");
        }
        List<Part> out = new ArrayList<>();
        if (root.has("parts") && !root.has("id")) {
            JsonNode parts = root.get("parts");
            if (!parts.isArray() || parts.isEmpty()) {
                throw new KnowledgeBaseException(file, "$.parts", "expected a non-empty array of parts");
            }
            for (int i = 0; i < parts.size(); i++) {
                out.add(readPart(file, "$.parts[" + i + "]", parts.get(i)));
            }
        } else {
            out.add(readPart(file, "$", root));
        }
        return out;
    }

    private static Part readPart(String file, String base, JsonNode node) {
        Part part;
        try {
            part = MAPPER.treeToValue(node, Part.class);
        } catch (UnrecognizedPropertyException e) {
            throw new KnowledgeBaseException(file, base + path(e).replaceFirst("^\\$", ""),
                    "unknown field '" + e.getPropertyName() + "'; see data/part.schema.json for the fields", e);
        } catch (JsonMappingException e) {
            throw new KnowledgeBaseException(file, base + path(e).replaceFirst("^\\$", ""), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new KnowledgeBaseException(file, base, e.getOriginalMessage(), e);
        }
        require(file, base, "id", part.id());
        require(file, base, "name", part.name());
        require(file, base, "category", part.category());
        require(file, base, "form", part.form());
        require(file, base, "description", part.description());
        for (int i = 0; i < part.pins().size(); i++) {
            PartPin p = part.pins().get(i);
            String at = base + ".pins[" + i + "]";
            if (p == null) {
                throw new KnowledgeBaseException(file, at, "a pin cannot be null");
            }
            require(file, at, "number", p.number());
            require(file, at, "name", p.name());
            require(file, at, "type", p.type());
        }
        return part.withOrigin(Tier.CURATED, file);
    }

    private static void require(String file, String at, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new KnowledgeBaseException(file, at + "." + field, "missing required field '" + field + "'");
        }
    }

    /** {@code $.pins[3].type} from a Jackson mapping error. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static SimpleModule module() {
        SimpleModule m = new SimpleModule("kirchhoff-knowledge");
        m.setDeserializers(new EnumAwareDeserializers());
        m.addDeserializer(PinType.class, new StdDeserializer<>(PinType.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public PinType deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                if (text == null) {
                    throw JsonMappingException.from(p, "expected a pin type name such as \"power_in\"");
                }
                try {
                    return PinType.fromKicad(text);
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, e.getMessage());
                }
            }
        });
        return m;
    }

    /** Reads every {@link JsonEnum} by its hyphenated name and says which names are valid otherwise. */
    private static final class EnumAwareDeserializers extends SimpleDeserializers {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                                                        BeanDescription beanDesc) throws JsonMappingException {
            if (JsonEnum.class.isAssignableFrom(type)) {
                return enumDeserializer(type);
            }
            return super.findEnumDeserializer(type, config, beanDesc);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static JsonDeserializer<?> enumDeserializer(Class<?> type) {
            Class raw = type;
            return new StdDeserializer<Object>(raw) {
                private static final long serialVersionUID = 1L;

                @Override
                public Object deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                    String text = p.getValueAsString();
                    Object value = text == null ? null : JsonEnum.parse(raw, text);
                    if (value == null) {
                        throw JsonMappingException.from(p, "unknown " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " '"
                                + text + "'; expected one of " + JsonEnum.choices(raw));
                    }
                    return value;
                }
            };
        }
    }
}
