package dev.kirchhoff.eval.symbolic.expr;

import dev.kirchhoff.eval.symbolic.Complex;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed expression: numbers, symbols, the four operations, powers and a few functions, evaluated in complex
 * arithmetic. Made by {@link ExpressionParser}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Expr h = ExpressionParser.parse("1/(1 + s*C1*R1)");
 * h.symbols();                                        // [C1, R1, s]
 * h.evaluate(Map.of("s", Complex.I, "C1", Complex.ONE, "R1", Complex.ONE));   // 0.5-0.5j
 * }</pre>
 */
public sealed interface Expr {

    /**
     * The value with every symbol replaced by its value in {@code values}.
     *
     * @throws IllegalArgumentException naming a symbol that has no value
     */
    Complex evaluate(Map<String, Complex> values);

    /** The names of the symbols in the expression, sorted. */
    default Set<String> symbols() {
        Set<String> out = new TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Sym s) {
            out.add(s.name());
        } else if (e instanceof Neg n) {
            collect(n.operand(), out);
        } else if (e instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Call c) {
            collect(c.argument(), out);
        }
    }

    /** A constant. */
    record Num(Complex value) implements Expr {
        public Num {
            Objects.requireNonNull(value, "The parameter 'value' must not be null.");
        }

        @Override
        public Complex evaluate(Map<String, Complex> values) {
            return value;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A symbol such as {@code R1}, {@code gm} or {@code s}. */
    record Sym(String name) implements Expr {
        public Sym {
            Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        }

        @Override
        public Complex evaluate(Map<String, Complex> values) {
            Complex v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("No value for the symbol '" + name + "': give every symbol of "
                        + "the expression a value.");
            }
            return v;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
        @Override
        public Complex evaluate(Map<String, Complex> values) {
            Complex z = operand.evaluate(values);
            // + 0.0 turns -0.0 into 0.0, so sqrt(-4) lands on +2j, not on the other side of the branch cut
            return new Complex(-z.re() + 0.0, -z.im() + 0.0);
        }

        @Override
        public String toString() {
            return "(-" + operand + ")";
        }
    }

    /** The binary operations. */
    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("**");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        Complex apply(Complex a, Complex b) {
            return switch (this) {
                case ADD -> a.plus(b);
                case SUB -> a.minus(b);
                case MUL -> a.times(b);
                case DIV -> a.div(b);
                case POW -> a.pow(b);
            };
        }
    }

    /** {@code left op right}. */
    record Binary(Op op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "The parameter 'op' must not be null.");
            Objects.requireNonNull(left, "The parameter 'left' must not be null.");
            Objects.requireNonNull(right, "The parameter 'right' must not be null.");
        }

        @Override
        public Complex evaluate(Map<String, Complex> values) {
            return op.apply(left.evaluate(values), right.evaluate(values));
        }

        @Override
        public String toString() {
            return "(" + left + " " + op.symbol + " " + right + ")";
        }
    }

    /** The functions an answer may use. */
    enum Function {
        SQRT, EXP, LOG, SIN, COS, TAN, ABS;

        Complex apply(Complex z) {
            return switch (this) {
                case SQRT -> z.sqrt();
                case EXP -> z.exp();
                case LOG -> z.log();
                case SIN -> sin(z);
                case COS -> cos(z);
                case TAN -> sin(z).div(cos(z));
                case ABS -> Complex.real(z.abs());
            };
        }

        private static Complex sin(Complex z) {
            return new Complex(Math.sin(z.re()) * Math.cosh(z.im()), Math.cos(z.re()) * Math.sinh(z.im()));
        }

        private static Complex cos(Complex z) {
            return new Complex(Math.cos(z.re()) * Math.cosh(z.im()), -Math.sin(z.re()) * Math.sinh(z.im()));
        }
    }

    /** A function applied to one argument. */
    record Call(Function function, Expr argument) implements Expr {
        public Call {
            Objects.requireNonNull(function, "The parameter 'function' must not be null.");
            Objects.requireNonNull(argument, "The parameter 'argument' must not be null.");
        }

        @Override
        public Complex evaluate(Map<String, Complex> values) {
            return function.apply(argument.evaluate(values));
        }

        @Override
        public String toString() {
            return function.name().toLowerCase(java.util.Locale.ROOT) + "(" + argument + ")";
        }
    }
}
