package dev.kirchhoff.generation.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The float tensors stored in an ONNX model file (its graph's initializers) and the weights its MatMul nodes use, in
 * graph order. Reads the protobuf wire format directly (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5;
 * NodeProto.input = 1, op_type = 4; TensorProto.dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9),
 * enough for weights stored inside the file. Immutable.
 */
final class OnnxWeights {

    private final Map<String, float[]> tensors;
    private final Map<String, long[]> shapes;
    private final List<String> matMulWeights;

    private OnnxWeights(Map<String, float[]> tensors, Map<String, long[]> shapes, List<String> matMulWeights) {
        this.tensors = tensors;
        this.shapes = shapes;
        this.matMulWeights = matMulWeights;
    }

    /**
     * Reads the initializers and MatMul weight order of an ONNX model.
     *
     * @throws IllegalArgumentException when the bytes are not a model this reader understands
     */
    static OnnxWeights read(byte[] model) {
        Map<String, float[]> tensors = new HashMap<>();
        Map<String, long[]> shapes = new HashMap<>();
        List<String> matMul = new ArrayList<>();
        Reader m = new Reader(model, 0, model.length);
        boolean graph = false;
        while (m.more()) {
            int key = m.varint32();
            if (key >>> 3 == 7 && (key & 7) == 2) {
                graph = true;
                Reader g = m.sub();
                while (g.more()) {
                    int gk = g.varint32();
                    if (gk >>> 3 == 5 && (gk & 7) == 2) {
                        tensor(g.sub(), tensors, shapes);
                    } else if (gk >>> 3 == 1 && (gk & 7) == 2) {
                        node(g.sub(), matMul);
                    } else {
                        g.skip(gk & 7);
                    }
                }
            } else {
                m.skip(key & 7);
            }
        }
        if (!graph) {
            throw new IllegalArgumentException("no graph in the model");
        }
        List<String> weights = new ArrayList<>();
        for (String name : matMul) {
            if (tensors.containsKey(name)) {
                weights.add(name);
            }
        }
        return new OnnxWeights(tensors, shapes, List.copyOf(weights));
    }

    private static void node(Reader n, List<String> matMul) {
        List<String> inputs = new ArrayList<>();
        String op = "";
        while (n.more()) {
            int k = n.varint32();
            if (k >>> 3 == 1 && (k & 7) == 2) {
                inputs.add(n.string());
            } else if (k >>> 3 == 4 && (k & 7) == 2) {
                op = n.string();
            } else {
                n.skip(k & 7);
            }
        }
        if (op.equals("MatMul") && inputs.size() == 2) {
            matMul.add(inputs.get(1));
        }
    }

    private static void tensor(Reader t, Map<String, float[]> tensors, Map<String, long[]> shapes) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = null;
        float[] data = null;
        List<Float> floats = new ArrayList<>();
        while (t.more()) {
            int k = t.varint32();
            int field = k >>> 3;
            int wire = k & 7;
            if (field == 1 && wire == 0) {
                dims.add(t.varint());
            } else if (field == 1 && wire == 2) {
                Reader p = t.sub();
                while (p.more()) {
                    dims.add(p.varint());
                }
            } else if (field == 2 && wire == 0) {
                type = (int) t.varint();
            } else if (field == 4 && wire == 2) {
                Reader p = t.sub();
                while (p.more()) {
                    floats.add(Float.intBitsToFloat(p.fixed32()));
                }
            } else if (field == 4 && wire == 5) {
                floats.add(Float.intBitsToFloat(t.fixed32()));
            } else if (field == 8 && wire == 2) {
                name = t.string();
            } else if (field == 9 && wire == 2) {
                Reader raw = t.sub();
                ByteBuffer b = ByteBuffer.wrap(raw.bytes, raw.pos, raw.end - raw.pos).order(ByteOrder.LITTLE_ENDIAN);
                data = new float[(raw.end - raw.pos) / 4];
                b.asFloatBuffer().get(data);
            } else {
                t.skip(wire);
            }
        }
        if (type != 1 || name == null) {
            return;
        }
        if (data == null) {
            data = new float[floats.size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = floats.get(i);
            }
        }
        tensors.put(name, data);
        shapes.put(name, dims.stream().mapToLong(Long::longValue).toArray());
    }

    /** The tensor {@code name}, or {@code null}. */
    float[] tensor(String name) {
        return tensors.get(name);
    }

    /** The shape of tensor {@code name}, or {@code null}. */
    long[] shape(String name) {
        return shapes.get(name);
    }

    /** The initializers MatMul nodes multiply by, in graph order. */
    List<String> matMulWeights() {
        return matMulWeights;
    }

    /** A cursor over a protobuf message. */
    private static final class Reader {
        final byte[] bytes;
        int pos;
        final int end;

        Reader(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = bytes[pos++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        int varint32() {
            return (int) varint();
        }

        int fixed32() {
            int v = (bytes[pos] & 0xff) | (bytes[pos + 1] & 0xff) << 8 | (bytes[pos + 2] & 0xff) << 16
                    | (bytes[pos + 3] & 0xff) << 24;
            pos += 4;
            return v;
        }

        Reader sub() {
            int len = (int) varint();
            if (len < 0 || pos + len > end) {
                throw new IllegalArgumentException("truncated field");
            }
            Reader r = new Reader(bytes, pos, pos + len);
            pos += len;
            return r;
        }

        String string() {
            Reader r = sub();
            return new String(r.bytes, r.pos, r.end - r.pos, StandardCharsets.UTF_8);
        }

        void skip(int wire) {
            switch (wire) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> sub();
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + wire);
            }
        }
    }
}
