package dev.kirchhoff.retrieval;

import java.util.List;

/** Turns text into a unit-length vector for semantic search. */
public interface Embedder {

    /** A name that changes whenever the vectors would change (model and version). */
    String id();

    int dimension();

    float[] embed(String text);

    /** Embeds many texts; implementations may use several threads. */
    List<float[]> embedAll(List<String> texts);
}
