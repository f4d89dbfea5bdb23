package dev.kirchhoff.eval.symbolic;

/** A complex number in double precision, for evaluating expressions and transfer functions. Immutable. */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);
    public static final Complex I = new Complex(0, 1);

    public static Complex real(double re) {
        return new Complex(re, 0);
    }

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex negate() {
        return new Complex(-re, -im);
    }

    /** Division with Smith's scaling, so large and small magnitudes do not overflow. */
    public Complex div(Complex o) {
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double r = o.im / o.re;
            double d = o.re + o.im * r;
            return new Complex((re + im * r) / d, (im - re * r) / d);
        }
        double r = o.re / o.im;
        double d = o.re * r + o.im;
        return new Complex((re * r + im) / d, (im * r - re) / d);
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    /** Principal power {@code this^p}; exact repeated multiplication for small integer exponents. */
    public Complex pow(Complex p) {
        if (p.im == 0 && p.re == Math.rint(p.re) && Math.abs(p.re) <= 64) {
            int n = (int) p.re;
            Complex result = ONE;
            Complex base = n < 0 ? ONE.div(this) : this;
            for (int i = 0; i < Math.abs(n); i++) {
                result = result.times(base);
            }
            return result;
        }
        if (re == 0 && im == 0) {
            return ZERO;
        }
        return p.times(log()).exp();
    }

    public Complex exp() {
        double m = Math.exp(re);
        return new Complex(m * Math.cos(im), m * Math.sin(im));
    }

    public Complex log() {
        return new Complex(Math.log(abs()), Math.atan2(im, re));
    }

    public Complex sqrt() {
        return pow(real(0.5));
    }

    @Override
    public String toString() {
        return im == 0 ? Double.toString(re) : re + (im < 0 ? "-" : "+") + Math.abs(im) + "j";
    }
}
