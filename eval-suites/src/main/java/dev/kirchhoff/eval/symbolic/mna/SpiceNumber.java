package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SPICE numbers with scale suffixes ({@code 4.7k}, {@code 10u}, {@code 2.2meg}, {@code 1e-9}) as exact rationals. */
final class SpiceNumber {

    private static final Pattern NUMBER =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)([a-zA-Z\\u00b5\\u03bc]*)");

    private SpiceNumber() {
    }

    /** The exact value of {@code token}, or empty when it is not a SPICE number. Letters after the scale are units. */
    static Optional<RationalFunction> parse(String token) {
        Matcher m = NUMBER.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal v = new BigDecimal(m.group(1));
        String suffix = m.group(2).toLowerCase(Locale.ROOT);
        if (suffix.startsWith("meg")) {
            v = v.scaleByPowerOfTen(6);
        } else if (suffix.startsWith("mil")) {
            v = v.multiply(new BigDecimal("25.4e-6"));
        } else if (!suffix.isEmpty()) {
            int p = switch (suffix.charAt(0)) {
                case 'f' -> -15;
                case 'p' -> -12;
                case 'n' -> -9;
                case 'u', '\u00b5', '\u03bc' -> -6;
                case 'm' -> -3;
                case 'k' -> 3;
                case 'g' -> 9;
                case 't' -> 12;
                default -> 0; // a bare unit such as V, A, F, H, ohm
            };
            v = v.scaleByPowerOfTen(p);
        }
        BigInteger num = v.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (v.scale() > 0) {
            den = BigInteger.TEN.pow(v.scale());
        } else if (v.scale() < 0) {
            num = num.multiply(BigInteger.TEN.pow(-v.scale()));
        }
        return Optional.of(RationalFunction.constant(num, den));
    }
}
