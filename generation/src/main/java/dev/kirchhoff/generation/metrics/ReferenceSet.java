package dev.kirchhoff.generation.metrics;

import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.generation.topology.TopologyGraphs;
import dev.kirchhoff.generation.topology.TopologySequence;
import dev.kirchhoff.generation.topology.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The circuits a model was trained on, to tell novel topologies from remembered ones: looked up by canonical hash,
 * confirmed by exact isomorphism. Immutable and thread-safe.
 *
 * <p>The bundled set ({@code reference.txt} beside the vocabulary) holds one walk of every AnalogGenie circuit the
 * training data used, with its split ({@code train}, {@code valid}, {@code heldout}) and id.
 */
public final class ReferenceSet {

    private static final String RESOURCE = "/dev/kirchhoff/generation/reference.txt";

    private final Map<Long, List<Topology>> byHash = new HashMap<>();
    private final int size;

    private ReferenceSet(List<Topology> topologies) {
        for (Topology t : topologies) {
            byHash.computeIfAbsent(TopologyGraphs.canonicalHash(t), k -> new ArrayList<>(1)).add(t);
        }
        size = topologies.size();
    }

    /** A reference set of the given topologies. */
    public static ReferenceSet of(List<Topology> topologies) {
        return new ReferenceSet(topologies);
    }

    /** The bundled training circuits (split {@code train}). */
    public static ReferenceSet training(Vocabulary v) {
        return new ReferenceSet(load(v, "train"));
    }

    /** The bundled circuits of one split ({@code train}, {@code valid} or {@code heldout}). */
    public static List<Topology> load(Vocabulary v, String split) {
        try (InputStream in = ReferenceSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from the classpath.");
            }
            List<Topology> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                if (parts[0].equals(split)) {
                    out.add(TopologySequence.decode(TopologySequence.ids(parts[2], v), v, false));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code t} is isomorphic to a circuit of this set. */
    public boolean contains(Topology t) {
        List<Topology> same = byHash.get(TopologyGraphs.canonicalHash(t));
        if (same == null) {
            return false;
        }
        for (Topology r : same) {
            if (TopologyGraphs.isomorphic(t, r)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }
}
