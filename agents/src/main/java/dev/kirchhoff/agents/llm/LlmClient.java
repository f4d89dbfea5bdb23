package dev.kirchhoff.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.tool.DefaultToolExecutor;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a LangChain4j {@link ChatModel} for structured answers. Each call sends the request's JSON Schema as the
 * response format when the model declares {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA} (so a conforming server can
 * only produce what the schema allows), and otherwise puts the schema into the system message. Whatever comes back
 * is parsed, validated against the schema and checked by the call's {@link StructuredCall.AnswerCheck}; an unusable
 * answer goes back to the model with its problems, up to the call's repair limit. Tool calls are executed in between.
 *
 * <p>A server that refuses the response format (HTTP 400) is asked again with the schema in the prompt, and one that
 * then still refuses the request is asked without tools; this client remembers each fallback once a request without
 * it was answered. Thread-safe; the usage of each thread is kept apart so that a pipeline
 * stage can take what its own calls cost.
 */
public final class LlmClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final int MAX_PROBLEMS_SHOWN = 12;
    private static final java.util.regex.Pattern THINKING =
            java.util.regex.Pattern.compile("(?s)<think(?:ing)?>.*?</think(?:ing)?>");

    private final ChatModel model;
    private final String modelName;
    private final AtomicBoolean schemaInPrompt;
    private final AtomicBoolean toolsRefused = new AtomicBoolean();
    private final ThreadLocal<Usage> spent = ThreadLocal.withInitial(() -> Usage.NONE);

    /**
     * @param model     the chat model, usually wrapped for retries and caching
     * @param modelName {@code provider:name}, for messages and the trace
     */
    public LlmClient(ChatModel model, String modelName) {
        this.model = Objects.requireNonNull(model, "The parameter 'model' must not be null.");
        this.modelName = Objects.requireNonNull(modelName, "The parameter 'modelName' must not be null.");
        this.schemaInPrompt = new AtomicBoolean(!model.supportedCapabilities()
                .contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA));
    }

    public String modelName() {
        return modelName;
    }

    /** Whether the server refused tool specifications, so calls go without them. */
    public boolean toolsRefused() {
        return toolsRefused.get();
    }

    /** Whether answers are constrained by the server (response format) rather than by the prompt alone. */
    public boolean schemaEnforced() {
        return !schemaInPrompt.get();
    }

    /** What the calling thread spent since the last call of this method; resets it. */
    public Usage takeUsage() {
        Usage u = spent.get();
        spent.set(Usage.NONE);
        return u;
    }

    /**
     * Runs one structured exchange.
     *
     * @throws LlmException when the provider fails or the model gives no usable answer within the repair limit
     */
    public Reply structured(StructuredCall call) {
        Objects.requireNonNull(call, "The parameter 'call' must not be null.");
        Map<String, Object> schemaMap = JsonSchemaElementUtils.toMap(call.schema().rootElement(), true);
        JsonNode schemaTree = JSON.valueToTree(schemaMap);
        com.networknt.schema.JsonSchema validator = SCHEMAS.getSchema(schemaTree);
        Tools tools = Tools.of(call.tools());

        boolean enforced = !schemaInPrompt.get();
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(systemText(call, schemaTree, enforced)));
        messages.add(UserMessage.from(call.user()));
        List<Reply.ToolCall> toolCalls = new ArrayList<>();
        Usage usage = Usage.NONE;
        int repairs = 0;
        boolean fellBack = false;
        boolean toolsDropped = toolsRefused.get();
        boolean fellBackTools = false;
        List<String> lastProblems = List.of();
        try {
            while (true) {
                boolean offerTools = !toolsDropped && !tools.specs().isEmpty() && toolCalls.size() < call.maxToolCalls();
                ChatRequest.Builder request = ChatRequest.builder().messages(messages);
                if (offerTools) {
                    request.toolSpecifications(tools.specs());
                }
                if (enforced) {
                    request.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                            .jsonSchema(call.schema()).build());
                }
                ChatResponse response;
                long t = System.nanoTime();
                try {
                    response = model.chat(request.build());
                } catch (LlmException e) {
                    if (enforced && e.kind() == LlmException.Kind.BAD_REQUEST) {
                        // the server may not take a JSON Schema response format: give the schema in the prompt, and
                        // remember that only once a request without it was answered (a 404 for an unknown model is
                        // also a BAD_REQUEST, and must not switch the schema off for good)
                        fellBack = true;
                        enforced = false;
                        messages.set(0, SystemMessage.from(systemText(call, schemaTree, false)));
                        continue;
                    }
                    if (offerTools && e.kind() == LlmException.Kind.BAD_REQUEST) {
                        // nor tools (many local models): ask without them; the model answers from the facts given
                        fellBackTools = true;
                        toolsDropped = true;
                        continue;
                    }
                    throw e;
                } finally {
                    usage = usage.plus(new Usage(0, 0, 0, 0, 0, 0, (System.nanoTime() - t) / 1_000_000));
                }
                if (fellBack) {
                    schemaInPrompt.set(true);
                    fellBack = false;
                }
                if (fellBackTools) {
                    toolsRefused.set(true);
                    fellBackTools = false;
                }
                usage = usage.plus(usageOf(response));
                AiMessage ai = response.aiMessage();
                if (ai != null && ai.hasToolExecutionRequests() && offerTools) {
                    messages.add(ai);
                    for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
                        String result = tools.execute(r);
                        toolCalls.add(new Reply.ToolCall(r.name(), r.arguments(), abbreviate(result, 400)));
                        messages.add(ToolExecutionResultMessage.from(r, result));
                        usage = usage.plus(new Usage(0, 0, 0, 0, 1, 0, 0));
                    }
                    continue;
                }
                String text = ai == null ? null : ai.text();
                List<String> problems = new ArrayList<>();
                JsonNode answer = parse(text, problems);
                if (answer != null) {
                    problems.addAll(checked(call, validator, answer));
                }
                if (problems.isEmpty()) {
                    return new Reply(answer, toolCalls, repairs, enforced, usage);
                }
                lastProblems = problems;
                if (repairs >= call.maxRepairs()) {
                    throw new LlmException(LlmException.Kind.BAD_RESPONSE, "model " + modelName + " gave no usable "
                            + call.stage() + " answer" + (repairs == 0 ? "" : " after " + repairs + " repair round(s)")
                            + ": " + String.join("; ", head(lastProblems, 3)));
                }
                repairs++;
                usage = usage.plus(new Usage(0, 0, 0, 0, 0, 1, 0));
                messages.add(AiMessage.from(text == null ? "" : text));
                messages.add(UserMessage.from(repairText(problems)));
            }
        } finally {
            spent.set(spent.get().plus(usage));
        }
    }

    /**
     * The problems of a parsed answer: schema violations (a value outside an enumeration named by its value, not by
     * the whole list), then the call's own check. The check also runs when the only violations are values outside
     * an enumeration, since it can say more (which pins the part does have); a check that cannot read an answer
     * that breaks the schema adds nothing.
     */
    static List<String> checked(StructuredCall call, com.networknt.schema.JsonSchema validator, JsonNode answer) {
        List<String> problems = new ArrayList<>();
        boolean onlyEnums = true;
        for (ValidationMessage m : validator.validate(answer)) {
            if ("enum".equals(m.getType())) {
                JsonNode bad = m.getInstanceNode();
                problems.add("schema: " + m.getInstanceLocation() + ": "
                        + (bad == null ? "the value" : "'" + (bad.isTextual() ? bad.asText() : bad.toString()) + "'")
                        + " is not one of the values the schema allows there");
            } else {
                onlyEnums = false;
                problems.add("schema: " + m.getMessage());
            }
        }
        if (problems.isEmpty() || onlyEnums) {
            try {
                for (String p : call.check().problems(answer)) {
                    if (!problems.contains(p)) {
                        problems.add(p);
                    }
                }
            } catch (RuntimeException e) {
                // the check assumes a schema-valid answer; the schema problems above are enough to repair it
            }
        }
        return problems;
    }

    private static String systemText(StructuredCall call, JsonNode schemaTree, boolean enforced) {
        if (enforced) {
            return call.system();
        }
        return call.system() + "\n\nAnswer with one JSON object only, no prose and no code fence, that conforms to "
                + "this JSON Schema:\n" + schemaTree.toString();
    }

    static String repairText(List<String> problems) {
        StringBuilder sb = new StringBuilder("Your answer cannot be used:\n");
        for (String p : head(problems, MAX_PROBLEMS_SHOWN)) {
            sb.append("- ").append(p).append('\n');
        }
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            sb.append("- … and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more\n");
        }
        sb.append("Answer again with the whole corrected JSON object only.");
        return sb.toString();
    }

    /**
     * Reads the JSON object in a model's text: the whole text, or the part inside a code fence, or from the first
     * '{' to the last '}'.
     */
    static JsonNode parse(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("the answer was empty; answer with the JSON object");
            return null;
        }
        // a reasoning model's thoughts come first and may hold braces of their own
        String s = THINKING.matcher(text).replaceAll("").strip();
        if (s.isEmpty()) {
            problems.add("the answer held only reasoning, no JSON; answer with the JSON object");
            return null;
        }
        int fence = s.indexOf("```");
        if (fence >= 0) {
            int start = s.indexOf('\n', fence);
            int end = s.indexOf("```", Math.max(start, fence + 3));
            if (start > 0 && end > start) {
                s = s.substring(start + 1, end).strip();
            }
        }
        if (!s.startsWith("{")) {
            int a = s.indexOf('{');
            int b = s.lastIndexOf('}');
            if (a >= 0 && b > a) {
                s = s.substring(a, b + 1);
            }
        }
        try {
            JsonNode node = JSON.readTree(s);
            if (node == null || !node.isObject()) {
                problems.add("the answer was not a JSON object");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            problems.add("the answer was not valid JSON (" + e.getOriginalMessage() + ")");
            return null;
        }
    }

    private static Usage usageOf(ChatResponse response) {
        TokenUsage t = response.tokenUsage();
        long in = t == null || t.inputTokenCount() == null ? 0 : t.inputTokenCount();
        long out = t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount();
        boolean cached = response.metadata() != null && response.id() != null
                && response.id().startsWith(CACHED_ID_PREFIX);
        return new Usage(in, out, 1, cached ? 1 : 0, 0, 0, 0);
    }

    /** A response id starting with this marks an answer that came from the response cache. */
    public static final String CACHED_ID_PREFIX = "kirchhoff-cache:";

    private static List<String> head(List<String> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The {@code @Tool} methods of one object, as specifications and executors. */
    private record Tools(List<ToolSpecification> specs, Map<String, DefaultToolExecutor> executors) {

        static Tools of(Object target) {
            if (target == null) {
                return new Tools(List.of(), Map.of());
            }
            List<ToolSpecification> specs = ToolSpecifications.toolSpecificationsFrom(target);
            Map<String, DefaultToolExecutor> executors = new LinkedHashMap<>();
            for (Method m : target.getClass().getMethods()) {
                Tool tool = m.getAnnotation(Tool.class);
                if (tool != null) {
                    String name = tool.name().isBlank() ? m.getName() : tool.name();
                    executors.put(name, new DefaultToolExecutor(target, m));
                }
            }
            return new Tools(specs, executors);
        }

        String execute(ToolExecutionRequest r) {
            DefaultToolExecutor executor = executors.get(r.name());
            if (executor == null) {
                return "There is no tool named '" + r.name() + "'. Tools: " + String.join(", ", executors.keySet());
            }
            try {
                String result = executor.execute(r, null);
                return result == null ? "" : result;
            } catch (RuntimeException e) {
                return "The tool failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
    }
}
