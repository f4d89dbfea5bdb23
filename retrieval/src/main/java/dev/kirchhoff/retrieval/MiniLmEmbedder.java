package dev.kirchhoff.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The quantized all-MiniLM-L6-v2 sentence encoder (384 dimensions), run in-process by ONNX Runtime through
 * LangChain4j. No network: the model ships inside its jar.
 */
public final class MiniLmEmbedder implements Embedder {

    private static volatile MiniLmEmbedder shared;

    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    private MiniLmEmbedder() {
    }

    /** Loads the model on first use, so opening an index to look a part up costs nothing. */
    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    model = m;
                }
            }
        }
        return m;
    }

    /** One model per process: loading it takes about half a second. */
    public static MiniLmEmbedder shared() {
        MiniLmEmbedder m = shared;
        if (m == null) {
            synchronized (MiniLmEmbedder.class) {
                m = shared;
                if (m == null) {
                    m = new MiniLmEmbedder();
                    shared = m;
                }
            }
        }
        return m;
    }

    @Override
    public String id() {
        return "all-minilm-l6-v2-q/langchain4j-1.17.0-beta27";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
    }
}
