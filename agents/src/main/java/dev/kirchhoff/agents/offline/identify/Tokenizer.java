package dev.kirchhoff.agents.offline.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a prompt into lower-case tokens: words and numbers ("3.3v", "esp32", "4k7"), and the signs that carry meaning
 * ({@code , . ± % /}). Hyphens separate words but mark the next one as glued ("esp32-c3" is "esp32" then glued "c3").
 */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<Token> tokens(String prompt) {
        String s = prompt.toLowerCase(Locale.ROOT)
                .replace("+/-", " ± ").replace("+-", " ± ")
                .replace('μ', 'u').replace('µ', 'u').replace("Ω", " ohm ").replace("ω", " ohm ")
                .replace("i/o", "io").replace('×', 'x').replace("’", "").replace("'", "");
        List<Token> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean glueNext = false;
        boolean wordGlued = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digitDot = c == '.' && word.length() > 0 && Character.isDigit(word.charAt(word.length() - 1))
                    && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
            boolean leadingDot = c == '.' && word.length() == 0 && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i + 1)) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
            if (Character.isLetterOrDigit(c) || digitDot) {
                if (word.length() == 0) {
                    wordGlued = glueNext;
                }
                word.append(c);
                continue;
            }
            if (leadingDot) {
                wordGlued = glueNext;
                word.append('0').append('.');
                continue;
            }
            boolean hadWord = word.length() > 0;
            flush(word, wordGlued, out);
            glueNext = false;
            if ((c == '-' || c == '/') && hadWord && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1))) {
                glueNext = true;
                if (c == '/') {
                    out.add(new Token("/", "/", false));
                }
            } else if (c == '"' && hadWord && Character.isDigit(out.get(out.size() - 1).text().charAt(0))) {
                out.add(new Token("inch", "\"", false));
            } else if (c == ',' || c == ':' || c == '±' || c == '%' || c == '/' || c == '+') {
                c = c == ':' ? ',' : c;
                out.add(new Token(String.valueOf(c), String.valueOf(c), false));
            } else if (c == '.' || c == '?' || c == '!' || c == ';' || c == '(' || c == ')') {
                out.add(new Token(".", String.valueOf(c), false));
            }
        }
        flush(word, wordGlued, out);
        return out;
    }

    private static void flush(StringBuilder word, boolean glued, List<Token> out) {
        if (word.length() > 0) {
            String w = word.toString();
            out.add(new Token(w, w, glued));
            word.setLength(0);
        }
    }
}
