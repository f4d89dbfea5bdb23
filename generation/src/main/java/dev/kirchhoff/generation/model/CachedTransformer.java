package dev.kirchhoff.generation.model;

import java.util.List;

/**
 * The topology transformer evaluated in plain Java with a key/value cache, from the weights of its ONNX file: each
 * new token costs one position's work instead of the whole prefix's, which is what makes decoding a thousand
 * circuits take a minute rather than an hour. The architecture is the one {@code training/train.py} exports (token
 * and learned position embeddings; pre-norm blocks of causal multi-head attention with a fused QKV projection and a
 * GELU feed-forward; final LayerNorm; a linear head); {@link OnnxLogitsModel} uses it only after checking that its
 * logits match ONNX Runtime's. Immutable and thread-safe; sessions are not.
 */
final class CachedTransformer implements LogitsModel {

    private static final float EPS = 1e-5f;
    private static final int PARALLELISM = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final int d;
    private final int heads;
    private final int layers;
    private final int ff;
    private final int vocab;
    private final int maxLength;
    private final float[] tok;
    private final float[] pos;
    private final float[][] ln1w;
    private final float[][] ln1b;
    private final float[][] qkvW;
    private final float[][] qkvB;
    private final float[][] projW;
    private final float[][] projB;
    private final float[][] ln2w;
    private final float[][] ln2b;
    private final float[][] ff0W;
    private final float[][] ff0B;
    private final float[][] ff2W;
    private final float[][] ff2B;
    private final float[] lnw;
    private final float[] lnb;
    private final float[] head;

    /**
     * Builds the transformer from ONNX weights with {@code heads} attention heads (which the weights do not record).
     *
     * @throws IllegalArgumentException when the weights are not laid out as expected
     */
    CachedTransformer(OnnxWeights w, int heads, int maxLength) {
        tok = need(w, "tok.weight");
        pos = need(w, "pos.weight");
        long[] tokShape = w.shape("tok.weight");
        vocab = (int) tokShape[0];
        d = (int) tokShape[1];
        if (d % heads != 0) {
            throw new IllegalArgumentException(heads + " heads do not divide d_model " + d);
        }
        this.heads = heads;
        this.maxLength = Math.min(maxLength, (int) w.shape("pos.weight")[0]);
        int l = 0;
        while (w.tensor("blocks." + l + ".ln1.weight") != null) {
            l++;
        }
        layers = l;
        List<String> mm = w.matMulWeights();
        if (layers == 0 || mm.size() != 4 * layers + 1) {
            throw new IllegalArgumentException("expected " + (4 * layers + 1) + " MatMul weights, found " + mm.size());
        }
        ff = (int) w.shape(mm.get(2))[1];
        ln1w = new float[layers][];
        ln1b = new float[layers][];
        qkvW = new float[layers][];
        qkvB = new float[layers][];
        projW = new float[layers][];
        projB = new float[layers][];
        ln2w = new float[layers][];
        ln2b = new float[layers][];
        ff0W = new float[layers][];
        ff0B = new float[layers][];
        ff2W = new float[layers][];
        ff2B = new float[layers][];
        for (int i = 0; i < layers; i++) {
            String p = "blocks." + i + ".";
            ln1w[i] = need(w, p + "ln1.weight");
            ln1b[i] = need(w, p + "ln1.bias");
            qkvB[i] = need(w, p + "attn.qkv.bias");
            projB[i] = need(w, p + "attn.proj.bias");
            ln2w[i] = need(w, p + "ln2.weight");
            ln2b[i] = need(w, p + "ln2.bias");
            ff0B[i] = need(w, p + "ff.0.bias");
            ff2B[i] = need(w, p + "ff.2.bias");
            qkvW[i] = matrix(w, mm.get(4 * i), d, 3 * d);
            projW[i] = matrix(w, mm.get(4 * i + 1), d, d);
            ff0W[i] = matrix(w, mm.get(4 * i + 2), d, ff);
            ff2W[i] = matrix(w, mm.get(4 * i + 3), ff, d);
        }
        lnw = need(w, "ln.weight");
        lnb = need(w, "ln.bias");
        head = matrix(w, mm.get(4 * layers), d, vocab);
    }

    private static float[] need(OnnxWeights w, String name) {
        float[] t = w.tensor(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor " + name);
        }
        return t;
    }

    private static float[] matrix(OnnxWeights w, String name, int rows, int cols) {
        long[] s = w.shape(name);
        if (s == null || s.length != 2 || s[0] != rows || s[1] != cols) {
            throw new IllegalArgumentException(name + " is not " + rows + "x" + cols);
        }
        return w.tensor(name);
    }

    @Override
    public int vocabularySize() {
        return vocab;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    @Override
    public float[][] nextLogits(int[][] prefixes, int length) {
        Session s = session(prefixes.length);
        int[] rows = new int[prefixes.length];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = r;
            for (int i = 0; i < length; i++) {
                s.append(r, prefixes[r][i]);
            }
        }
        return s.logits(rows, rows.length);
    }

    @Override
    public Session session(int rows) {
        return new Cached(rows);
    }

    /** Per row: its tokens not yet run, and the keys and values of every position run. */
    private final class Cached implements Session {
        private final int[][] pending;
        private final int[] pendingCount;
        private final int[] length;
        private final float[][][] keys;
        private final float[][][] values;

        Cached(int rows) {
            pending = new int[rows][maxLength];
            pendingCount = new int[rows];
            length = new int[rows];
            keys = new float[rows][][];
            values = new float[rows][][];
        }

        @Override
        public void append(int row, int token) {
            if (length[row] + pendingCount[row] >= maxLength) {
                throw new IllegalArgumentException("A sequence may hold at most " + maxLength + " tokens.");
            }
            pending[row][pendingCount[row]++] = token;
        }

        @Override
        public float[][] logits(int[] rows, int count) {
            float[][] out = new float[count][];
            int steps = pendingCount[rows[0]];
            for (int j = 0; j < count; j++) {
                if (pendingCount[rows[j]] != steps) {
                    throw new IllegalArgumentException("Sequences of a batch must be equally long.");
                }
                if (keys[rows[j]] == null) {
                    keys[rows[j]] = new float[layers][maxLength * d];
                    values[rows[j]] = new float[layers][maxLength * d];
                }
            }
            // rows are independent: run chunks of them on the common pool
            int chunk = Math.max(8, (count + PARALLELISM - 1) / PARALLELISM);
            java.util.stream.IntStream.range(0, (count + chunk - 1) / chunk).parallel().forEach(c -> {
                int from = c * chunk;
                int n = Math.min(count, from + chunk) - from;
                int[] part = java.util.Arrays.copyOfRange(rows, from, from + n);
                float[] x = new float[n * d];
                for (int step = 0; step < steps; step++) {
                    for (int j = 0; j < n; j++) {
                        int r = part[j];
                        int t = pending[r][step];
                        int p = length[r] + step;
                        for (int k = 0; k < d; k++) {
                            x[j * d + k] = tok[t * d + k] + pos[p * d + k];
                        }
                    }
                    forward(part, n, x, step);
                }
                float[] h = new float[n * d];
                layerNorm(x, n, lnw, lnb, h);
                float[] logits = new float[n * vocab];
                matmul(h, n, d, head, vocab, null, logits);
                for (int j = 0; j < n; j++) {
                    out[from + j] = new float[vocab];
                    System.arraycopy(logits, j * vocab, out[from + j], 0, vocab);
                }
            });
            for (int j = 0; j < count; j++) {
                length[rows[j]] += steps;
                pendingCount[rows[j]] = 0;
            }
            return out;
        }

        /** Runs one position of each row through the blocks, updating {@code x} in place. */
        private void forward(int[] rows, int count, float[] x, int step) {
            int hd = d / heads;
            float scale = (float) (1 / Math.sqrt(hd));
            float[] h = new float[count * d];
            float[] qkv = new float[count * 3 * d];
            float[] att = new float[count * d];
            float[] o = new float[count * d];
            float[] f = new float[count * ff];
            float[] scores = new float[maxLength];
            for (int l = 0; l < layers; l++) {
                layerNorm(x, count, ln1w[l], ln1b[l], h);
                matmul(h, count, d, qkvW[l], 3 * d, qkvB[l], qkv);
                for (int j = 0; j < count; j++) {
                    int r = rows[j];
                    int p = length[r] + step;
                    float[] kc = keys[r][l];
                    float[] vc = values[r][l];
                    System.arraycopy(qkv, j * 3 * d + d, kc, p * d, d);
                    System.arraycopy(qkv, j * 3 * d + 2 * d, vc, p * d, d);
                    for (int hh = 0; hh < heads; hh++) {
                        int qo = j * 3 * d + hh * hd;
                        float max = Float.NEGATIVE_INFINITY;
                        for (int t = 0; t <= p; t++) {
                            float s = 0;
                            int ko = t * d + hh * hd;
                            for (int k = 0; k < hd; k++) {
                                s += qkv[qo + k] * kc[ko + k];
                            }
                            s *= scale;
                            scores[t] = s;
                            if (s > max) {
                                max = s;
                            }
                        }
                        float sum = 0;
                        for (int t = 0; t <= p; t++) {
                            scores[t] = (float) Math.exp(scores[t] - max);
                            sum += scores[t];
                        }
                        int ao = j * d + hh * hd;
                        for (int k = 0; k < hd; k++) {
                            att[ao + k] = 0;
                        }
                        for (int t = 0; t <= p; t++) {
                            float wgt = scores[t] / sum;
                            int vo = t * d + hh * hd;
                            for (int k = 0; k < hd; k++) {
                                att[ao + k] += wgt * vc[vo + k];
                            }
                        }
                    }
                }
                matmul(att, count, d, projW[l], d, projB[l], o);
                for (int i = 0; i < count * d; i++) {
                    x[i] += o[i];
                }
                layerNorm(x, count, ln2w[l], ln2b[l], h);
                matmul(h, count, d, ff0W[l], ff, ff0B[l], f);
                for (int i = 0; i < count * ff; i++) {
                    f[i] = gelu(f[i]);
                }
                matmul(f, count, ff, ff2W[l], d, ff2B[l], o);
                for (int i = 0; i < count * d; i++) {
                    x[i] += o[i];
                }
            }
        }
    }

    private void layerNorm(float[] x, int count, float[] w, float[] b, float[] out) {
        for (int j = 0; j < count; j++) {
            int o = j * d;
            float mean = 0;
            for (int k = 0; k < d; k++) {
                mean += x[o + k];
            }
            mean /= d;
            float var = 0;
            for (int k = 0; k < d; k++) {
                float c = x[o + k] - mean;
                var += c * c;
            }
            var /= d;
            float inv = (float) (1 / Math.sqrt(var + EPS));
            for (int k = 0; k < d; k++) {
                out[o + k] = (x[o + k] - mean) * inv * w[k] + b[k];
            }
        }
    }

    /**
     * {@code y[r] = x[r] · w + b} for {@code rows} rows; {@code w} is [in][out], row-major. Four rows share each
     * pass over a weight row, so the weights are read a quarter as often.
     */
    private static void matmul(float[] x, int rows, int in, float[] w, int out, float[] b, float[] y) {
        for (int r = 0; r < rows; r++) {
            int yo = r * out;
            if (b == null) {
                java.util.Arrays.fill(y, yo, yo + out, 0f);
            } else {
                System.arraycopy(b, 0, y, yo, out);
            }
        }
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int y0 = r * out;
            int y1 = y0 + out;
            int y2 = y1 + out;
            int y3 = y2 + out;
            int x0 = r * in;
            for (int i = 0; i < in; i++) {
                float a0 = x[x0 + i];
                float a1 = x[x0 + in + i];
                float a2 = x[x0 + 2 * in + i];
                float a3 = x[x0 + 3 * in + i];
                int wo = i * out;
                for (int o = 0; o < out; o++) {
                    float wv = w[wo + o];
                    y[y0 + o] += a0 * wv;
                    y[y1 + o] += a1 * wv;
                    y[y2 + o] += a2 * wv;
                    y[y3 + o] += a3 * wv;
                }
            }
        }
        for (; r < rows; r++) {
            int yo = r * out;
            int xo = r * in;
            for (int i = 0; i < in; i++) {
                float xi = x[xo + i];
                int wo = i * out;
                for (int o = 0; o < out; o++) {
                    y[yo + o] += xi * w[wo + o];
                }
            }
        }
    }

    /** GELU with the exact erf form, as torch's default. */
    private static float gelu(float x) {
        return (float) (0.5 * x * (1 + erf(x / Math.sqrt(2))));
    }

    /** erf to about 1e-7 (Numerical Recipes' erfc by Chebyshev fit). */
    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - r : r - 1;
    }
}
