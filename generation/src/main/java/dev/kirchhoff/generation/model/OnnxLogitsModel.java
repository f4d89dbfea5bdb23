package dev.kirchhoff.generation.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The topology transformer run in-process by ONNX Runtime: input {@code input_ids} int64 [batch, seq], output
 * {@code logits} float32 [batch, seq, vocab]; only the last position is read. Thread-safe (ONNX Runtime sessions
 * are).
 *
 * <p>The exported graph has no key/value cache, so through ONNX Runtime every new token re-reads its whole prefix.
 * Decoding sessions therefore use a {@link CachedTransformer} built from the same file's weights, once its logits
 * have been checked against ONNX Runtime's at load; when the weights are laid out differently (another export),
 * sessions fall back to ONNX Runtime, only slower.
 *
 * <pre>{@code
 * try (LogitsModel m = OnnxLogitsModel.bundled(256)) { float[][] next = m.nextLogits(prefixes, length); }
 * }</pre>
 */
public final class OnnxLogitsModel implements LogitsModel {

    /** The classpath resource of the bundled model. */
    public static final String RESOURCE = "/dev/kirchhoff/generation/topology.onnx";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final int vocabularySize;
    private final int maxLength;
    private final String source;
    private final CachedTransformer cached;
    private final String cacheProblem;
    private final boolean useCache;

    private OnnxLogitsModel(OnnxLogitsModel o, boolean useCache) {
        env = o.env;
        session = o.session;
        vocabularySize = o.vocabularySize;
        maxLength = o.maxLength;
        source = o.source;
        cached = o.cached;
        cacheProblem = o.cacheProblem;
        this.useCache = useCache;
    }

    private OnnxLogitsModel(byte[] bytes, String source, int maxLength) {
        this.source = source;
        this.maxLength = maxLength;
        this.useCache = true;
        try {
            env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(bytes, options);
            if (!session.getInputNames().contains("input_ids") || !session.getOutputNames().contains("logits")) {
                session.close();
                throw new ModelUnavailableException("The model " + source + " has inputs " + session.getInputNames()
                        + " and outputs " + session.getOutputNames() + ", not input_ids and logits; "
                        + ModelUnavailableException.REBUILD + ".", null);
            }
            NodeInfo out = session.getOutputInfo().get("logits");
            long[] shape = ((TensorInfo) out.getInfo()).getShape();
            vocabularySize = (int) shape[shape.length - 1];
            if (vocabularySize <= 0) {
                throw new ModelUnavailableException("The model " + source + " does not declare its vocabulary size; "
                        + ModelUnavailableException.REBUILD + ".", null);
            }
        } catch (OrtException e) {
            throw new ModelUnavailableException("The model " + source + " cannot be loaded (" + e.getMessage()
                    + "); " + ModelUnavailableException.REBUILD + ".", e);
        }
        CachedTransformer fit = null;
        String problem = null;
        try {
            fit = fitCache(OnnxWeights.read(bytes));
            if (fit == null) {
                problem = "its logits differ from ONNX Runtime's for every head count tried";
            }
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        cached = fit;
        cacheProblem = problem;
    }

    /**
     * The cached evaluator of these weights whose logits match ONNX Runtime's on test prefixes (trying the head
     * counts that divide d_model, 4 first), or {@code null}.
     */
    private CachedTransformer fitCache(OnnxWeights w) {
        int[][] prefixes = new int[2][40];
        for (int i = 0; i < 40; i++) {
            prefixes[0][i] = 2 + (i * 7) % (vocabularySize - 2);
            prefixes[1][i] = 2 + (i * 13 + 5) % (vocabularySize - 2);
        }
        float[][] shortRef = nextLogitsOrt(prefixes, 3);
        float[][] longRef = nextLogitsOrt(prefixes, 40);
        for (int heads : new int[] {4, 8, 2, 1, 16, 6, 3, 12}) {
            CachedTransformer c;
            try {
                c = new CachedTransformer(w, heads, maxLength);
            } catch (IllegalArgumentException e) {
                if (e.getMessage().contains("heads do not divide")) {
                    continue;
                }
                throw e;
            }
            if (c.vocabularySize() != vocabularySize || c.maxLength() < Math.min(maxLength, 40)) {
                return null;
            }
            if (close(c.nextLogits(prefixes, 3), shortRef) && close(c.nextLogits(prefixes, 40), longRef)) {
                return c;
            }
        }
        return null;
    }

    private static boolean close(float[][] a, float[][] b) {
        for (int r = 0; r < a.length; r++) {
            for (int i = 0; i < a[r].length; i++) {
                if (Math.abs(a[r][i] - b[r][i]) > 2e-3f * (1 + Math.abs(b[r][i]))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * This model decoding through ONNX Runtime alone (each step re-reads the whole prefix), for comparison with the
     * key/value cache. Shares the session; closing either closes both.
     */
    public OnnxLogitsModel withoutCache() {
        return new OnnxLogitsModel(this, false);
    }

    /** Whether decoding sessions use the key/value cache (weights read and checked against ONNX Runtime). */
    public boolean cached() {
        return useCache && cached != null;
    }

    /** Why the key/value cache is not used, {@code null} when it is available. */
    public String cacheProblem() {
        return cacheProblem;
    }

    @Override
    public Session session(int rows) {
        return cached() ? cached.session(rows) : LogitsModel.super.session(rows);
    }

    /** Loads the model bundled on the classpath. */
    public static OnnxLogitsModel bundled(int maxLength) {
        try (InputStream in = OnnxLogitsModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ModelUnavailableException("The bundled topology model (" + RESOURCE.substring(1)
                        + ") is missing; " + ModelUnavailableException.REBUILD + ".", null);
            }
            return new OnnxLogitsModel(in.readAllBytes(), "bundled " + RESOURCE.substring(1), maxLength);
        } catch (IOException e) {
            throw new ModelUnavailableException("The bundled topology model cannot be read (" + e.getMessage()
                    + "); " + ModelUnavailableException.REBUILD + ".", e);
        }
    }

    /** Whether the bundled model is on the classpath. */
    public static boolean bundledExists() {
        return OnnxLogitsModel.class.getResource(RESOURCE) != null;
    }

    /** Loads a model file. */
    public static OnnxLogitsModel load(Path file, int maxLength) {
        if (!Files.isRegularFile(file)) {
            throw new ModelUnavailableException("The model file " + file + " does not exist; "
                    + ModelUnavailableException.REBUILD + ", or pass the path of an exported model.", null);
        }
        try {
            return new OnnxLogitsModel(Files.readAllBytes(file), file.toString(), maxLength);
        } catch (IOException e) {
            throw new ModelUnavailableException("The model file " + file + " cannot be read (" + e.getMessage()
                    + "); " + ModelUnavailableException.REBUILD + ".", e);
        }
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    /** Where the model came from, for messages. */
    public String source() {
        return source;
    }

    @Override
    public float[][] nextLogits(int[][] prefixes, int length) {
        return nextLogitsOrt(prefixes, length);
    }

    private float[][] nextLogitsOrt(int[][] prefixes, int length) {
        int batch = prefixes.length;
        LongBuffer ids = LongBuffer.allocate(batch * length);
        for (int[] row : prefixes) {
            for (int i = 0; i < length; i++) {
                ids.put(row[i]);
            }
        }
        ids.flip();
        try (OnnxTensor input = OnnxTensor.createTensor(env, ids, new long[] {batch, length});
             OrtSession.Result result = session.run(Map.of("input_ids", input))) {
            OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
            FloatBuffer all = logits.getFloatBuffer();
            float[][] out = new float[batch][vocabularySize];
            for (int b = 0; b < batch; b++) {
                all.position((b * length + length - 1) * vocabularySize);
                all.get(out[b]);
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("The topology model " + source + " failed on a batch of " + batch
                    + " prefixes of " + length + " tokens: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing frees native memory; nothing to do if it fails
        }
    }
}
