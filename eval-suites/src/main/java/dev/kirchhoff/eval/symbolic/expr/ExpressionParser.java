package dev.kirchhoff.eval.symbolic.expr;

import dev.kirchhoff.eval.symbolic.Complex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an answer written in sympy syntax or light LaTeX into an {@link Expr}. Stateless and thread-safe.
 *
 * <p>Sympy syntax: {@code + - * / ** ^}, parentheses, unary minus, numbers ({@code 1e-3}), {@code I} and {@code j}
 * for the imaginary unit, {@code pi}, {@code E}, and the functions {@code sqrt exp log ln sin cos tan Abs}.
 * LaTeX: {@code \frac{a}{b}} (and {@code \dfrac}, {@code \tfrac}), {@code \sqrt{x}}, {@code \sqrt[n]{x}},
 * {@code \cdot}, {@code \times}, {@code \left( \right)}, braces as groups, {@code ^{...}}, Greek letters as symbols
 * ({@code \omega} is the symbol {@code omega}), {@code \pi}, {@code \exp}, {@code \ln}, {@code \text{...}}, dollar
 * signs and spacing commands ignored.
 *
 * <p>Symbols are names like {@code R1} or {@code gm}; a subscript is joined to its name and its underscore dropped
 * ({@code R_1}, {@code R_{1}} and {@code R1} are all {@code R1}; {@code R_{in}} is {@code Rin}), the way CircuitSense
 * normalises names. A lower-case {@code e} directly followed by {@code ^} is Euler's number; elsewhere it is a symbol.
 *
 * <p>Implicit multiplication: adjacent factors multiply ({@code 2R1}, {@code s C1 R1}, {@code (a)(b)},
 * {@code \frac{1}{2}x}) with the precedence of {@code *}, so {@code 1/2x} is {@code (1/2)*x} as in sympy. A run of
 * letters without spaces is one name ({@code gm}, {@code Ad}); when the caller passes the symbols it expects (the
 * reference's), an unknown run that is exactly a concatenation of expected names and {@code j} is split into them,
 * so LaTeX's {@code sC_1R_1} reads as {@code s*C1*R1}.
 */
public final class ExpressionParser {

    private static final Map<String, Expr.Function> FUNCTIONS = Map.of("sqrt", Expr.Function.SQRT, "exp",
            Expr.Function.EXP, "log", Expr.Function.LOG, "ln", Expr.Function.LOG, "sin", Expr.Function.SIN, "cos",
            Expr.Function.COS, "tan", Expr.Function.TAN, "Abs", Expr.Function.ABS, "abs", Expr.Function.ABS);

    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon",
            "zeta", "eta", "theta", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "phi", "varphi", "chi",
            "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Psi", "Omega");

    /** Commands that only space or size things; dropped. */
    private static final Set<String> IGNORED = Set.of("left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr",
            "Bigl", "Bigr", "quad", "qquad", "displaystyle", ",", ";", ":", "!", " ");

    private ExpressionParser() {
    }

    /** Parses {@code text}; runs of letters are never split. */
    public static Expr parse(String text) {
        return parse(text, Set.of());
    }

    /**
     * Parses {@code text}, splitting an unknown run of letters into the {@code expected} symbols when it is exactly
     * a concatenation of them.
     *
     * @throws ExpressionException with the position and what was expected there
     */
    public static Expr parse(String text, Set<String> expected) {
        if (text == null || text.isBlank()) {
            throw new ExpressionException(text == null ? "" : text, 0, "an expression", "nothing");
        }
        List<Token> tokens = new Lexer(text, expected).run();
        return new Parser(text, tokens).parseAll();
    }

    private enum Kind { NUM, NAME, CONST, FUNC, OP, OPEN, CLOSE, FRAC, SQRT, END }

    private record Token(Kind kind, String text, int pos, Complex value) {
        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }

        String describe() {
            return kind == Kind.END ? "the end of the text" : "'" + text + "'";
        }
    }

    /** Turns the text into tokens, resolving LaTeX commands, subscripts and constants on the way. */
    private static final class Lexer {
        private final String s;
        private final Set<String> vocabulary;
        private final List<Token> out = new ArrayList<>();
        private int i;

        Lexer(String s, Set<String> expected) {
            this.s = s;
            this.vocabulary = new HashSet<>(expected);
            if (!expected.isEmpty()) {
                vocabulary.add("j");
            }
        }

        List<Token> run() {
            while (i < s.length()) {
                char c = s.charAt(i);
                int start = i;
                if (Character.isWhitespace(c) || c == '$') {
                    i++;
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                    number();
                } else if (Character.isLetter(c) && c < 128) {
                    String word = word();
                    classify(word + subscript(), start);
                } else if (c == '\\') {
                    command();
                } else if (c == '*' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    i += 2;
                    out.add(new Token(Kind.OP, "^", start, null));
                } else if ("+-*/^".indexOf(c) >= 0) {
                    i++;
                    out.add(new Token(Kind.OP, String.valueOf(c), start, null));
                } else if (c == '\u2212' || c == '\u2013') {
                    i++;
                    out.add(new Token(Kind.OP, "-", start, null));
                } else if (c == '\u00b7' || c == '\u00d7' || c == '\u22c5') {
                    i++;
                    out.add(new Token(Kind.OP, "*", start, null));
                } else if ("([{".indexOf(c) >= 0) {
                    i++;
                    out.add(new Token(Kind.OPEN, String.valueOf(c), start, null));
                } else if (")]}".indexOf(c) >= 0) {
                    i++;
                    out.add(new Token(Kind.CLOSE, String.valueOf(c), start, null));
                } else if (c == '\u03c9') {
                    i++;
                    out.add(new Token(Kind.NAME, "omega" + subscript(), start, null));
                } else if (c == '\u03c0') {
                    i++;
                    out.add(new Token(Kind.CONST, "pi", start, Complex.real(Math.PI)));
                } else if (c == '=') {
                    throw new ExpressionException(s, i, "an expression without '=' (give the right-hand side only)",
                            "'='");
                } else {
                    throw new ExpressionException(s, i, "a number, a symbol, an operator or a bracket",
                            "'" + c + "'");
                }
            }
            out.add(new Token(Kind.END, "", s.length(), null));
            return out;
        }

        private void number() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            // an exponent only when digits follow, so "2e^{x}" and "2E" stay a number times a name
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                    j++;
                }
                if (j < s.length() && Character.isDigit(s.charAt(j))) {
                    i = j;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
            }
            String text = s.substring(start, i);
            out.add(new Token(Kind.NUM, text, start, Complex.real(Double.parseDouble(text))));
        }

        private String word() {
            int start = i;
            while (i < s.length() && s.charAt(i) < 128 && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        /** A subscript after a name, without its underscore and braces ({@code _{in}} is {@code in}); else "". */
        private String subscript() {
            if (i >= s.length() || s.charAt(i) != '_') {
                return "";
            }
            int at = i;
            i++;
            if (i < s.length() && s.charAt(i) == '{') {
                int depth = 0;
                StringBuilder b = new StringBuilder();
                while (i < s.length()) {
                    char c = s.charAt(i);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}') {
                        depth--;
                        if (depth == 0) {
                            i++;
                            return b.toString().replaceAll("\\\\(text|mathrm|rm|mathit)", "");
                        }
                    } else if (Character.isLetterOrDigit(c) || c == '\\') {
                        b.append(c);
                    }
                    i++;
                }
                throw new ExpressionException(s, at, "a closing '}' for the subscript", "the end of the text");
            }
            // without braces a subscript is a run of digits or a run of letters: R_1R_2 is R1 times R2
            int b = i;
            boolean digits = i < s.length() && Character.isDigit(s.charAt(i));
            while (i < s.length() && s.charAt(i) < 128 && (digits ? Character.isDigit(s.charAt(i))
                    : Character.isLetter(s.charAt(i)))) {
                i++;
            }
            String sub = s.substring(b, i);
            if (sub.isEmpty()) {
                throw new ExpressionException(s, at, "a subscript after '_'", i < s.length()
                        ? "'" + s.charAt(i) + "'" : "the end of the text");
            }
            return sub;
        }

        private void classify(String word, int pos) {
            if (FUNCTIONS.containsKey(word)) {
                out.add(new Token(Kind.FUNC, word, pos, null));
            } else if (word.equals("pi")) {
                out.add(new Token(Kind.CONST, word, pos, Complex.real(Math.PI)));
            } else if (word.equals("E") || (word.equals("e") && i < s.length() && s.charAt(i) == '^')) {
                out.add(new Token(Kind.CONST, word, pos, Complex.real(Math.E)));
            } else if (word.equals("I") || word.equals("j")) {
                out.add(new Token(Kind.CONST, word, pos, Complex.I));
            } else if (vocabulary.contains(word) || vocabulary.isEmpty()) {
                out.add(new Token(Kind.NAME, word, pos, null));
            } else {
                List<String> parts = split(word);
                if (parts == null) {
                    out.add(new Token(Kind.NAME, word, pos, null));
                } else {
                    int at = pos;
                    for (String p : parts) {
                        classify(p, at);
                        at += p.length();
                    }
                }
            }
        }

        /** The fewest expected names that spell {@code word}, or null when they cannot. */
        private List<String> split(String word) {
            int n = word.length();
            int[] best = new int[n + 1];
            int[] from = new int[n + 1];
            java.util.Arrays.fill(best, Integer.MAX_VALUE);
            best[0] = 0;
            for (int end = 1; end <= n; end++) {
                for (int start = 0; start < end; start++) {
                    if (best[start] != Integer.MAX_VALUE && vocabulary.contains(word.substring(start, end))
                            && best[start] + 1 < best[end]) {
                        best[end] = best[start] + 1;
                        from[end] = start;
                    }
                }
            }
            if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (int end = n; end > 0; end = from[end]) {
                parts.add(0, word.substring(from[end], end));
            }
            return parts;
        }

        private void command() {
            int start = i;
            i++;
            if (i >= s.length()) {
                throw new ExpressionException(s, start, "a LaTeX command after '\\'", "the end of the text");
            }
            String name;
            if (Character.isLetter(s.charAt(i))) {
                int b = i;
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                name = s.substring(b, i);
            } else {
                name = String.valueOf(s.charAt(i));
                i++;
            }
            switch (name) {
                case "frac", "dfrac", "tfrac" -> out.add(new Token(Kind.FRAC, "\\" + name, start, null));
                case "sqrt" -> out.add(new Token(Kind.SQRT, "\\sqrt", start, null));
                case "cdot", "times", "ast" -> out.add(new Token(Kind.OP, "*", start, null));
                case "div" -> out.add(new Token(Kind.OP, "/", start, null));
                case "pi" -> out.add(new Token(Kind.CONST, "pi", start, Complex.real(Math.PI)));
                case "exp", "ln", "log", "sin", "cos", "tan" -> out.add(new Token(Kind.FUNC, name, start, null));
                case "{" -> out.add(new Token(Kind.OPEN, "{", start, null));
                case "}" -> out.add(new Token(Kind.CLOSE, "}", start, null));
                case "text", "mathrm", "mathit", "operatorname", "rm" -> {
                    String word = braced(start);
                    if (!word.isEmpty()) {
                        classify(word + subscript(), start);
                    }
                }
                default -> {
                    if (GREEK.contains(name)) {
                        classify(name + subscript(), start);
                    } else if (IGNORED.contains(name)) {
                        if ((name.equals("left") || name.equals("right")) && i < s.length() && s.charAt(i) == '.') {
                            i++; // \left. is an invisible delimiter
                        }
                    } else {
                        throw new ExpressionException(s, start, "a LaTeX command this parser knows (\\frac, \\sqrt, "
                                + "\\cdot, \\times, \\left, \\right, \\pi, a Greek letter, \\exp, \\ln)",
                                "'\\" + name + "'");
                    }
                }
            }
        }

        /** The letters and digits inside {@code {...}} after a text command. */
        private String braced(int start) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '{') {
                throw new ExpressionException(s, start, "'{' after the text command", "something else");
            }
            int close = s.indexOf('}', i);
            if (close < 0) {
                throw new ExpressionException(s, i, "a closing '}'", "the end of the text");
            }
            String inner = s.substring(i + 1, close).replaceAll("[^A-Za-z0-9]", "");
            i = close + 1;
            return inner;
        }
    }

    /** Recursive descent over the tokens: sums, products (explicit and implicit), unary minus, powers, primaries. */
    private static final class Parser {
        private final String text;
        private final List<Token> tokens;
        private int k;

        Parser(String text, List<Token> tokens) {
            this.text = text;
            this.tokens = tokens;
        }

        Expr parseAll() {
            Expr e = sum();
            Token t = peek();
            if (t.kind() != Kind.END) {
                throw error(t, "an operator or the end of the expression");
            }
            return e;
        }

        private Token peek() {
            return tokens.get(k);
        }

        private Token next() {
            return tokens.get(k++);
        }

        private ExpressionException error(Token t, String expected) {
            return new ExpressionException(text, t.pos(), expected, t.describe());
        }

        private Expr sum() {
            Expr e = product();
            while (true) {
                Token t = peek();
                if (t.is(Kind.OP, "+")) {
                    next();
                    e = new Expr.Binary(Expr.Op.ADD, e, product());
                } else if (t.is(Kind.OP, "-")) {
                    next();
                    e = new Expr.Binary(Expr.Op.SUB, e, product());
                } else {
                    return e;
                }
            }
        }

        private Expr product() {
            Expr e = unary();
            while (true) {
                Token t = peek();
                if (t.is(Kind.OP, "*")) {
                    next();
                    e = new Expr.Binary(Expr.Op.MUL, e, unary());
                } else if (t.is(Kind.OP, "/")) {
                    next();
                    e = new Expr.Binary(Expr.Op.DIV, e, unary());
                } else if (startsFactor(t)) {
                    e = new Expr.Binary(Expr.Op.MUL, e, power());
                } else {
                    return e;
                }
            }
        }

        private static boolean startsFactor(Token t) {
            return switch (t.kind()) {
                case NUM, NAME, CONST, FUNC, FRAC, SQRT -> true;
                case OPEN -> true;
                default -> false;
            };
        }

        private Expr unary() {
            Token t = peek();
            if (t.is(Kind.OP, "-")) {
                next();
                return new Expr.Neg(unary());
            }
            if (t.is(Kind.OP, "+")) {
                next();
                return unary();
            }
            return power();
        }

        private Expr power() {
            Expr base = primary();
            if (peek().is(Kind.OP, "^")) {
                next();
                return new Expr.Binary(Expr.Op.POW, base, unary());
            }
            return base;
        }

        private Expr primary() {
            Token t = next();
            switch (t.kind()) {
                case NUM, CONST -> {
                    return new Expr.Num(t.value());
                }
                case NAME -> {
                    return new Expr.Sym(t.text());
                }
                case FUNC -> {
                    Expr arg = peek().kind() == Kind.OPEN ? group() : power();
                    return new Expr.Call(FUNCTIONS.get(t.text()), arg);
                }
                case OPEN -> {
                    k--;
                    return group();
                }
                case FRAC -> {
                    Expr num = group();
                    Expr den = group();
                    return new Expr.Binary(Expr.Op.DIV, num, den);
                }
                case SQRT -> {
                    Expr degree = null;
                    if (peek().is(Kind.OPEN, "[")) {
                        next();
                        degree = sum();
                        close(peek(), "[");
                    }
                    Expr arg = group();
                    return degree == null ? new Expr.Call(Expr.Function.SQRT, arg)
                            : new Expr.Binary(Expr.Op.POW, arg, new Expr.Binary(Expr.Op.DIV,
                            new Expr.Num(Complex.ONE), degree));
                }
                default -> throw error(t, "a number, a symbol, a function or '('");
            }
        }

        /** A bracketed expression, or a single primary (LaTeX allows {@code \frac{1}x}). */
        private Expr group() {
            Token open = peek();
            if (open.kind() != Kind.OPEN) {
                if (startsFactor(open)) {
                    return primary();
                }
                throw error(open, "'{' or '(' opening a group");
            }
            next();
            Expr e = sum();
            close(peek(), open.text());
            return e;
        }

        private void close(Token t, String open) {
            String want = switch (open) {
                case "(" -> ")";
                case "[" -> "]";
                default -> "}";
            };
            // \left( ... \right] and friends are legal LaTeX; any closing bracket ends a group opened by ( or [
            boolean ok = t.kind() == Kind.CLOSE && (t.text().equals(want) || (!open.equals("{") && !t.text().equals("}")));
            if (!ok) {
                throw error(t, "'" + want + "' closing the '" + open + "'");
            }
            next();
        }
    }
}
