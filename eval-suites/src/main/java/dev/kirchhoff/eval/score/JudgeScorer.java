package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.PromptFile;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.input.PromptTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores an open answer with an LLM judge: a LangChain4j {@link ChatModel} (a different model from the one under
 * test) is sent the template {@value #TEMPLATE} ({@code /prompts/eval/judge/open.v1.md} on the classpath) with the
 * question, the reference and the extracted answer ({@link AnswerExtractor#text}), and replies with a grade in 0..1.
 * The grade is the score's value; the answer counts as correct when the grade is at least {@value #PASS}. Method
 * {@code llm-judge}, official. Thread-safe when the model is.
 *
 * <p>The reply is read robustly ({@link #grade}); a reply with no grade is answered once with a request for the
 * number alone, and a second reply with no grade is an {@link IllegalStateException} quoting both, which the runner
 * records against the item.
 */
public final class JudgeScorer implements Scorer {

    public static final String METHOD = "llm-judge";
    public static final String TEMPLATE = "eval/judge/open.v1";
    public static final double PASS = 0.5;

    private static final Pattern LABELLED = Pattern.compile("(?i)\"?(?:grade|score)\"?\\s*[:=]\\s*\"?(\\d+(?:\\.\\d+)?|\\.\\d+)");
    private static final Pattern FRACTION = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(?:/|out\\s+of)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?|\\.\\d+)");

    private final ChatModel judge;
    private final String judgeName;
    private final String system;
    private final String user;

    /**
     * @param judge     the judge model
     * @param judgeName its name for score details ({@code openai:gpt-4o})
     */
    public JudgeScorer(ChatModel judge, String judgeName) {
        this.judge = Objects.requireNonNull(judge, "The parameter 'judge' must not be null.");
        this.judgeName = judgeName == null || judgeName.isBlank() ? "judge" : judgeName;
        PromptFile template = PromptFile.read(TEMPLATE);
        this.system = template.system();
        this.user = template.user();
    }

    @Override
    public Score score(EvalItem item, Response response) {
        String answer = AnswerExtractor.text(response.text()).value();
        String userText = PromptTemplate.from(user).apply(Map.of("question", question(item), "reference",
                item.reference().isBlank() ? "(none)" : item.reference(), "answer",
                answer.isBlank() ? "(no answer)" : answer)).text();
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(userText)));
        String first = ask(messages);
        OptionalDouble grade = grade(first);
        String second = null;
        if (grade.isEmpty()) {
            messages.add(AiMessage.from(first.isEmpty() ? "(empty)" : first));
            messages.add(UserMessage.from("That is not a grade. Reply with one number between 0 and 1 only."));
            second = ask(messages);
            grade = grade(second);
        }
        if (grade.isEmpty()) {
            throw new IllegalStateException("The judge " + judgeName + " replied without a grade twice for item "
                    + item.id() + " ('" + shorten(first) + "', then '" + shorten(second) + "'). Choose a judge model "
                    + "that follows instructions, or run without a judge to use the unofficial similarity score.");
        }
        double g = grade.getAsDouble();
        String detail = String.format(Locale.ROOT, "%s graded %.2f with %s%s", judgeName, g, TEMPLATE,
                second == null ? "" : " (asked twice)");
        return new Score(g, g >= PASS, METHOD, true, detail);
    }

    private String ask(List<ChatMessage> messages) {
        String text = judge.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text();
        return text == null ? "" : text.strip();
    }

    /**
     * The grade in a judge's reply: a labelled value ({@code grade: 0.8}, {@code {"score": 0.8}}), a fraction
     * ({@code 8/10}, {@code 4 out of 5}), a percentage ({@code 80%}) or a bare number, in that order of preference;
     * empty when none of them lies within 0..1.
     */
    public static OptionalDouble grade(String reply) {
        if (reply == null) {
            return OptionalDouble.empty();
        }
        Matcher m = LABELLED.matcher(reply);
        if (m.find()) {
            OptionalDouble g = within(Double.parseDouble(m.group(1)));
            if (g.isPresent()) {
                return g;
            }
        }
        m = FRACTION.matcher(reply);
        if (m.find()) {
            double den = Double.parseDouble(m.group(2));
            if (den > 0) {
                return within(Double.parseDouble(m.group(1)) / den);
            }
        }
        m = PERCENT.matcher(reply);
        if (m.find()) {
            return within(Double.parseDouble(m.group(1)) / 100);
        }
        m = NUMBER.matcher(reply);
        if (m.find()) {
            return within(Double.parseDouble(m.group(1)));
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble within(double g) {
        return g >= 0 && g <= 1 ? OptionalDouble.of(g) : OptionalDouble.empty();
    }

    /** The statement, the question and the options, as the model under test saw them. */
    static String question(EvalItem item) {
        StringBuilder b = new StringBuilder();
        if (!item.statement().isBlank()) {
            b.append(item.statement().strip()).append("\n");
        }
        b.append(item.question().strip());
        for (int i = 0; i < item.options().size(); i++) {
            b.append("\n").append((char) ('A' + i)).append(". ").append(item.options().get(i));
        }
        return b.toString();
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }
}
