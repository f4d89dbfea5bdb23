package dev.kirchhoff.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kirchhoff.generation.topology.DeviceType;
import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.generation.topology.TopologyGraphs;
import dev.kirchhoff.generation.topology.TopologySequence;
import dev.kirchhoff.generation.topology.UnsupportedTopologyException;
import dev.kirchhoff.generation.topology.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes {@code training/data/*} and the bundled vocabulary and reference set from the AnalogGenie circuits. Run once,
 * by hand, and commit what it writes: {@code mvn -o -pl generation test -Dtest=TrainingDataExport -Dexport=true}.
 */
@EnabledIfSystemProperty(named = "export", matches = "true")
class TrainingDataExport {

    static final long SEED = 8;
    static final int WALKS = 6;
    static final int MAX_LEN = 256;
    static final Map<DeviceType, Integer> CAPS = new EnumMap<>(Map.of(DeviceType.NM, 24, DeviceType.PM, 20,
            DeviceType.NPN, 16, DeviceType.PNP, 10, DeviceType.R, 10, DeviceType.C, 8, DeviceType.L, 6,
            DeviceType.D, 4));
    static final int INTERNAL_NETS = 24;

    @Test
    void export() throws IOException {
        Path root = AnalogGenie.repositoryRoot();
        Path out = root.resolve("training/data");
        Files.createDirectories(out);
        List<AnalogGenie.Item> items = AnalogGenie.items();
        Set<String> types = new java.util.LinkedHashSet<>();
        Set<String> named = new TreeSet<>();
        for (AnalogGenie.Item i : items) {
            types.add(i.type());
            if (i.topology() != null && i.analogClean()) {
                for (String n : i.topology().nets()) {
                    if (!Topology.isInternal(n)) {
                        named.add(n);
                    }
                }
            }
        }
        List<String> nets = new ArrayList<>(List.of("VSS", "VDD"));
        named.stream().filter(n -> !nets.contains(n)).forEach(nets::add);
        Vocabulary v = Vocabulary.of(List.copyOf(types), nets, INTERNAL_NETS, CAPS);

        Map<String, Integer> skipped = new TreeMap<>();
        List<AnalogGenie.Item> usable = new ArrayList<>();
        Random probe = new Random(SEED);
        for (AnalogGenie.Item i : items) {
            String why = null;
            if (i.topology() == null) {
                why = "not a flat netlist of the eight device types";
            } else if (!i.analogClean()) {
                why = "analog-topology error";
            } else if (!i.topology().nets().contains("VDD")) {
                why = "no VDD";
            } else {
                try {
                    for (int k = 0; k < 4 && why == null; k++) {
                        int[] seq = TopologySequence.encode(i.topology(), v, probe);
                        if (seq.length > MAX_LEN) {
                            why = "longer than " + MAX_LEN + " tokens";
                        }
                    }
                } catch (UnsupportedTopologyException e) {
                    why = e.getMessage().replaceAll("\\d+", "N");
                }
            }
            if (why != null) {
                skipped.merge(why, 1, Integer::sum);
            } else {
                usable.add(i);
            }
        }
        List<Integer> ids = new ArrayList<>(usable.stream().map(AnalogGenie.Item::id).toList());
        Collections.shuffle(ids, new Random(SEED));
        int five = Math.round(ids.size() * 0.05f);
        Set<Integer> heldout = new TreeSet<>(ids.subList(0, five));
        Set<Integer> valid = new TreeSet<>(ids.subList(five, 2 * five));

        Random random = new Random(SEED);
        List<String> train = new ArrayList<>();
        List<String> validLines = new ArrayList<>();
        List<String> heldLines = new ArrayList<>();
        List<String> reference = new ArrayList<>();
        int maxLen = 0;
        long tokens = 0;
        for (AnalogGenie.Item i : usable) {
            Set<String> walks = new HashSet<>();
            int walksWanted = heldout.contains(i.id()) || valid.contains(i.id()) ? 1 : WALKS;
            for (int k = 0; k < walksWanted * 3 && walks.size() < walksWanted; k++) {
                int[] seq = TopologySequence.encode(i.topology(), v, random);
                if (seq.length > MAX_LEN) {
                    continue;
                }
                Topology back = TopologySequence.decode(seq, v, false);
                if (!TopologyGraphs.isomorphic(i.topology(), back)) {
                    throw new AssertionError("circuit " + i.id() + " does not survive its walk");
                }
                if (walks.add(TopologySequence.text(seq, v))) {
                    maxLen = Math.max(maxLen, seq.length);
                    tokens += seq.length;
                }
            }
            List<String> sorted = new ArrayList<>(walks);
            Collections.shuffle(sorted, random);
            String split = heldout.contains(i.id()) ? "heldout" : valid.contains(i.id()) ? "valid" : "train";
            (split.equals("heldout") ? heldLines : split.equals("valid") ? validLines : train).addAll(sorted);
            reference.add(split + " " + i.id() + " " + sorted.get(0));
        }
        Collections.shuffle(train, random);
        write(out.resolve("vocab.txt"), v.text());
        write(out.resolve("train.txt"), String.join("\n", train) + "\n");
        write(out.resolve("valid.txt"), String.join("\n", validLines) + "\n");
        write(out.resolve("heldout.txt"), String.join("\n", heldLines) + "\n");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("max_len", MAX_LEN);
        meta.put("longest_sequence", maxLen);
        meta.put("vocab_size", v.size());
        meta.put("pad_id", Vocabulary.PAD);
        meta.put("eos_id", Vocabulary.EOS);
        meta.put("types", List.copyOf(types));
        meta.put("type_token_ids", types.stream().map(t -> v.typeToken(t).orElseThrow()).toList());
        meta.put("heldout_ids", List.copyOf(heldout));
        meta.put("valid_ids", List.copyOf(valid));
        meta.put("circuits_used", usable.size());
        meta.put("train_sequences", train.size());
        meta.put("walks_per_train_circuit", WALKS);
        meta.put("train_tokens", tokens);
        meta.put("seed", SEED);
        meta.put("skipped", skipped);
        write(out.resolve("meta.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(meta) + "\n");
        Path res = root.resolve("generation/src/main/resources/dev/kirchhoff/generation");
        Files.createDirectories(res);
        write(res.resolve("vocab.txt"), v.text());
        write(res.resolve("reference.txt"), String.join("\n", reference) + "\n");
        System.out.println("usable " + usable.size() + " skipped " + skipped + " train " + train.size()
                + " maxLen " + maxLen + " vocab " + v.size() + " tokens " + tokens);
    }

    private static void write(Path p, String text) throws IOException {
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
