package dev.kirchhoff.knowledge;

import java.util.List;

/** A part id or name the knowledge base does not have, with the parts probably meant. */
public class UnknownPartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String wanted;
    private final List<String> suggestions;

    public UnknownPartException(String wanted, List<String> suggestions) {
        super("no part '" + wanted + "'" + (suggestions.isEmpty()
                ? " in the knowledge base; try `kirchhoff kb search \"" + wanted + "\"`"
                : " — did you mean " + String.join(", ", suggestions) + "?"));
        this.wanted = wanted;
        this.suggestions = List.copyOf(suggestions);
    }

    public String wanted() {
        return wanted;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
