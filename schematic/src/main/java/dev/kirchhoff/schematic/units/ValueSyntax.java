package dev.kirchhoff.schematic.units;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The rules a netlist dialect uses to write numbers: which scale suffixes exist, whether case matters and whether
 * letters after the suffix (units) are allowed.
 *
 * <p>The classic conversion bug is {@code M}: milli in every SPICE, mega in Spectre and in everyday engineering
 * notation. Parsing with the source's syntax and printing with the target's keeps {@code 2M} (Spectre, 2e6) from
 * becoming {@code 2M} (SPICE, 2e-3): it is printed as {@code 2meg}.
 *
 * <ul>
 *   <li>{@link #SPICE}: ngspice, Xyce, PSpice. Case-insensitive {@code T G MEG K MIL M U N P F}; any letters after
 *       the number are ignored, so {@code 100nF} is 100e-9 and {@code 1F} is one femto.</li>
 *   <li>{@link #LTSPICE}: as SPICE, and {@code µ} is micro.</li>
 *   <li>{@link #HSPICE}: as SPICE, plus {@code X} (mega) and {@code A} (atto).</li>
 *   <li>{@link #SPECTRE}: case-sensitive {@code T G M K k _ % c m u n p f a}, nothing may follow the suffix.</li>
 *   <li>{@link #ENGINEERING}: what people write on schematics and in KiCad: case-sensitive SI prefixes
 *       ({@code M} mega, {@code m} milli, {@code u}/{@code µ} micro), optional units (Ω, ohm, F, H, V, A, Hz, W),
 *       {@code meg}, and the RKM code ({@code 4k7}, {@code 2R2}).</li>
 * </ul>
 * Thread-safe.
 */
public enum ValueSyntax {
    SPICE,
    LTSPICE,
    HSPICE,
    SPECTRE,
    ENGINEERING;

    private static final String[] SPICE_SUFFIXES = {"f", "p", "n", "u", "m", "", "k", "meg", "g", "t"};
    private static final String[] SPECTRE_SUFFIXES = {"a", "f", "p", "n", "u", "m", "", "k", "M", "G", "T"};
    private static final String[] HSPICE_SUFFIXES = {"a", "f", "p", "n", "u", "m", "", "k", "meg", "g", "t"};
    private static final String[] ENGINEERING_SUFFIXES = {"a", "f", "p", "n", "u", "m", "", "k", "M", "G", "T"};

    /**
     * Parses {@code text} as a value. Braced or quoted text is an {@link Value.Form#EXPRESSION}; text that does
     * not start with a number is {@link Value.Form#TEXT}.
     */
    public Value parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("The parameter 'text' must not be blank.");
        }
        if (t.length() >= 2 && (t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}'
                || t.charAt(0) == '\'' && t.charAt(t.length() - 1) == '\'')) {
            String inner = t.substring(1, t.length() - 1).strip();
            if (inner.isEmpty()) {
                return Value.text(t);
            }
            double n = number(inner);
            return Double.isNaN(n) ? new Value(inner, Double.NaN, Value.Form.EXPRESSION, this)
                    : new Value(inner, n, Value.Form.NUMBER, this);
        }
        double n = number(t);
        if (!Double.isNaN(n)) {
            return new Value(t, n, Value.Form.NUMBER, this);
        }
        if (this == SPECTRE && looksLikeExpression(t)) {
            return new Value(t, Double.NaN, Value.Form.EXPRESSION, this);
        }
        return new Value(t, Double.NaN, Value.Form.TEXT, this);
    }

    /**
     * The magnitude of {@code text} under these rules, or {@code NaN} when it is not a number here (for example
     * {@code 1kOhm} in Spectre, or {@code abc} anywhere).
     */
    public double number(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        boolean digits = false;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits = true;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits = true;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        String mantissa = text.substring(0, i);
        int exponent = 0;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int expDigits = j;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            if (j > expDigits) {
                try {
                    exponent = Integer.parseInt(text.substring(i + 1, j).replace("+", ""));
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
                i = j;
            }
        }
        String rest = text.substring(i);
        if (this == ENGINEERING) {
            return engineering(mantissa, exponent, rest);
        }
        Scale scale = suffix(rest);
        if (scale == null) {
            return Double.NaN;
        }
        if (this == SPECTRE && scale.length != rest.length()) {
            return Double.NaN;
        }
        if (scale.mil) {
            return Double.parseDouble(mantissa + "e" + exponent) * 25.4e-6;
        }
        assert digitsStart >= 0;
        return Double.parseDouble(mantissa + "e" + (exponent + scale.power));
    }

    /** A scale suffix: its power of ten, how many characters it took, and whether it is SPICE's {@code mil}. */
    private record Scale(int power, int length, boolean mil) {
    }

    private Scale suffix(String rest) {
        if (rest.isEmpty()) {
            return new Scale(0, 0, false);
        }
        char c = rest.charAt(0);
        if (this == SPECTRE) {
            return switch (c) {
                case 'T' -> new Scale(12, 1, false);
                case 'G' -> new Scale(9, 1, false);
                case 'M' -> new Scale(6, 1, false);
                case 'K', 'k' -> new Scale(3, 1, false);
                case '_' -> new Scale(0, 1, false);
                case '%', 'c' -> new Scale(-2, 1, false);
                case 'm' -> new Scale(-3, 1, false);
                case 'u' -> new Scale(-6, 1, false);
                case 'n' -> new Scale(-9, 1, false);
                case 'p' -> new Scale(-12, 1, false);
                case 'f' -> new Scale(-15, 1, false);
                case 'a' -> new Scale(-18, 1, false);
                default -> null;
            };
        }
        // SPICE family: case-insensitive, letters after the suffix are a unit and ignored; anything that is not a
        // letter after the number makes the token something else (an expression such as 2*w).
        String lower = rest.toLowerCase(Locale.ROOT);
        if (!Character.isLetter(lower.charAt(0)) && lower.charAt(0) != 'µ') {
            return null;
        }
        if (lower.startsWith("meg")) {
            return new Scale(6, 3, false);
        }
        if (lower.startsWith("mil")) {
            return new Scale(0, 3, true);
        }
        return switch (lower.charAt(0)) {
            case 't' -> new Scale(12, 1, false);
            case 'g' -> new Scale(9, 1, false);
            case 'k' -> new Scale(3, 1, false);
            case 'm' -> new Scale(-3, 1, false);
            case 'u' -> new Scale(-6, 1, false);
            case 'µ' -> this == LTSPICE ? new Scale(-6, 1, false) : new Scale(0, 0, false);
            case 'n' -> new Scale(-9, 1, false);
            case 'p' -> new Scale(-12, 1, false);
            case 'f' -> new Scale(-15, 1, false);
            case 'x' -> this == HSPICE ? new Scale(6, 1, false) : new Scale(0, 0, false);
            case 'a' -> this == HSPICE ? new Scale(-18, 1, false) : new Scale(0, 0, false);
            default -> new Scale(0, 0, false);
        };
    }

    private static double engineering(String mantissa, int exponent, String rest) {
        String r = rest.strip();
        int power = 0;
        int used = 0;
        if (r.regionMatches(true, 0, "meg", 0, 3)) {
            power = 6;
            used = 3;
        } else if (!r.isEmpty()) {
            char c = r.charAt(0);
            Integer p = switch (c) {
                case 'T' -> 12;
                case 'G' -> 9;
                case 'M' -> 6;
                case 'k', 'K' -> 3;
                case 'm' -> -3;
                case 'u', 'µ', 'μ' -> -6;
                case 'n' -> -9;
                case 'p' -> -12;
                case 'f' -> -15;
                case 'a' -> -18;
                case 'R', 'r' -> 0;
                default -> null;
            };
            if (p != null) {
                // "1F" is one farad, "1A" one ampere: a capital F or A alone is a unit, not a prefix.
                power = p;
                used = 1;
            }
        }
        String unit = r.substring(used);
        String fraction = "";
        if (used == 1 && mantissa.indexOf('.') < 0) {
            // RKM code: 4k7, 2R2, 1M5 — digits right after the prefix are the fraction.
            int d = 0;
            while (d < unit.length() && isDigit(unit.charAt(d))) {
                d++;
            }
            fraction = unit.substring(0, d);
            unit = unit.substring(d);
        }
        if (!isUnit(unit.strip())) {
            if (used == 1 && isUnit(r)) {
                // "1F", "2A": the letter was the unit after all.
                power = 0;
                fraction = "";
            } else {
                return Double.NaN;
            }
        }
        String digits = fraction.isEmpty() ? mantissa : mantissa + "." + fraction;
        return Double.parseDouble(digits + "e" + (exponent + power));
    }

    private static boolean isUnit(String unit) {
        if (unit.isEmpty()) {
            return true;
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "ω", "Ω", "ohm", "ohms", "r", "f", "h", "v", "a", "hz", "w", "s", "%", "vac", "vdc", "ah",
                    "mah" -> true;
            default -> unit.equals("Ω");
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean looksLikeExpression(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("+-*/()^<>=!&|?:".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Prints {@code value} under these rules: its own text when that reads as the same magnitude here, otherwise
     * the magnitude in engineering notation with this syntax's suffixes. Expressions are returned without
     * delimiters, with numeric literals rewritten where their suffix means something else here.
     */
    public String format(Value value) {
        return switch (value.form()) {
            case NUMBER -> {
                if (value.syntax() == this || number(value.text()) == value.magnitude()) {
                    yield value.text();
                }
                yield formatMagnitude(value.magnitude());
            }
            case EXPRESSION -> translateExpression(value.text(), value.syntax());
            case TEXT -> value.text();
        };
    }

    /** Prints a magnitude in engineering notation with this syntax's suffixes, e.g. 4700 as {@code 4.7k}. */
    public String formatMagnitude(double magnitude) {
        if (magnitude == 0) {
            return "0";
        }
        String[] suffixes = switch (this) {
            case SPECTRE -> SPECTRE_SUFFIXES;
            case HSPICE -> HSPICE_SUFFIXES;
            case ENGINEERING -> ENGINEERING_SUFFIXES;
            default -> SPICE_SUFFIXES;
        };
        int unitIndex = indexOfEmpty(suffixes);
        BigDecimal exact = new BigDecimal(Double.toString(magnitude));
        double abs = Math.abs(magnitude);
        int group = (int) Math.floor(Math.log10(abs) / 3.0);
        // log10 rounding can land one group off near powers of 1000
        BigDecimal scaled = exact.movePointLeft(3 * group);
        if (scaled.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            group++;
        } else if (scaled.abs().compareTo(BigDecimal.ONE) < 0) {
            group--;
        }
        int index = unitIndex + group;
        if (index < 0 || index >= suffixes.length) {
            return exact.stripTrailingZeros().toString().replace("E+", "e").replace('E', 'e');
        }
        String mantissa = exact.movePointLeft(3 * group).stripTrailingZeros().toPlainString();
        return mantissa + suffixes[index];
    }

    private static int indexOfEmpty(String[] suffixes) {
        for (int i = 0; i < suffixes.length; i++) {
            if (suffixes[i].isEmpty()) {
                return i;
            }
        }
        throw new IllegalStateException("no unit suffix");
    }

    /**
     * Rewrites the numeric literals of an expression written with {@code from} so they mean the same under these
     * rules ({@code 2*1M} from Spectre becomes {@code 2*1meg} in SPICE). Identifiers are left alone.
     */
    public String translateExpression(String expression, ValueSyntax from) {
        if (from == this) {
            return expression;
        }
        StringBuilder out = new StringBuilder(expression.length() + 8);
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            boolean startsNumber = (isDigit(c) || c == '.' && i + 1 < n && isDigit(expression.charAt(i + 1)))
                    && (i == 0 || !isIdentifierPart(expression.charAt(i - 1)));
            if (!startsNumber) {
                if (isIdentifierPart(c)) {
                    int j = i;
                    while (j < n && isIdentifierPart(expression.charAt(j))) {
                        j++;
                    }
                    out.append(expression, i, j);
                    i = j;
                } else {
                    out.append(c);
                    i++;
                }
                continue;
            }
            int j = i;
            while (j < n && (isDigit(expression.charAt(j)) || expression.charAt(j) == '.')) {
                j++;
            }
            if (j < n && (expression.charAt(j) == 'e' || expression.charAt(j) == 'E')) {
                int k = j + 1;
                if (k < n && (expression.charAt(k) == '+' || expression.charAt(k) == '-')) {
                    k++;
                }
                if (k < n && isDigit(expression.charAt(k))) {
                    while (k < n && isDigit(expression.charAt(k))) {
                        k++;
                    }
                    j = k;
                }
            }
            while (j < n && (Character.isLetter(expression.charAt(j)) || expression.charAt(j) == 'µ')) {
                j++;
            }
            String literal = expression.substring(i, j);
            double there = from.number(literal);
            double here = number(literal);
            if (!Double.isNaN(there) && there != here) {
                out.append(formatMagnitude(there));
            } else {
                out.append(literal);
            }
            i = j;
        }
        return out.toString();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
