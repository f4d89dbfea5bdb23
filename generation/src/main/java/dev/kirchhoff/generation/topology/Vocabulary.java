package dev.kirchhoff.generation.topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of topology sequences and what each one means. Immutable and thread-safe.
 *
 * <p>Ids, in this order: {@code <pad>} = 0, {@code <eos>} = 1; one token per circuit type ({@code <Opamp>}), which
 * opens a sequence; net tokens: the named nets ({@code VSS}, {@code VDD}, ports such as {@code VIN1}, {@code IB1}),
 * then internal nets {@code N1}…{@code Nk}; device-terminal tokens {@code NM3:G}, {@code PNP1:E}, {@code R2:1}: a
 * device type's prefix, its index (1 up to the type's cap) and a terminal label. The line order of
 * {@code vocab.txt} is the id order, so Java and the training script agree by construction.
 */
public final class Vocabulary {

    /** Token id of padding. */
    public static final int PAD = 0;
    /** Token id that ends a sequence. */
    public static final int EOS = 1;

    /** What a token is. */
    public enum Kind { PAD, EOS, TYPE, NET, TERMINAL }

    private static final Pattern TERMINAL = Pattern.compile("([A-Z]+)(\\d+):([A-Z0-9])");
    private static final Pattern INTERNAL = Pattern.compile("N(\\d+)");
    private static final String RESOURCE = "/dev/kirchhoff/generation/vocab.txt";

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Kind[] kinds;
    private final List<String> types = new ArrayList<>();
    private final List<String> namedNets = new ArrayList<>();
    private final int netSlots;
    private final int internalCap;
    private final Map<DeviceType, Integer> caps = new EnumMap<>(DeviceType.class);
    private final int[] slotOffset = new int[DeviceType.values().length];
    private final int deviceSlots;
    private final DeviceType[] slotTypes;
    // per token: net slot, device type ordinal, device index (1-based), terminal
    private final int[] netSlot;
    private final int[] devType;
    private final int[] devIndex;
    private final int[] terminal;
    private final int[] netToken;
    private final int[][] terminalToken;
    private final int firstTypeToken;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        int n = tokens.size();
        kinds = new Kind[n];
        netSlot = new int[n];
        devType = new int[n];
        devIndex = new int[n];
        terminal = new int[n];
        java.util.Arrays.fill(netSlot, -1);
        java.util.Arrays.fill(devType, -1);
        if (n < 2 || !tokens.get(PAD).equals("<pad>") || !tokens.get(EOS).equals("<eos>")) {
            throw new IllegalArgumentException("A vocabulary starts with <pad> and <eos>.");
        }
        kinds[PAD] = Kind.PAD;
        kinds[EOS] = Kind.EOS;
        ids.put(tokens.get(PAD), PAD);
        ids.put(tokens.get(EOS), EOS);
        int maxInternal = 0;
        int firstType = -1;
        for (int id = 2; id < n; id++) {
            String t = tokens.get(id);
            if (ids.put(t, id) != null) {
                throw new IllegalArgumentException("Token " + t + " is in the vocabulary twice.");
            }
            Matcher dm = TERMINAL.matcher(t);
            Matcher im = INTERNAL.matcher(t);
            if (t.startsWith("<") && t.endsWith(">")) {
                kinds[id] = Kind.TYPE;
                types.add(t.substring(1, t.length() - 1));
                if (firstType < 0) {
                    firstType = id;
                }
            } else if (dm.matches()) {
                DeviceType type = DeviceType.byPrefix(dm.group(1)).orElseThrow(() ->
                        new IllegalArgumentException("Token " + t + " names no device type."));
                kinds[id] = Kind.TERMINAL;
                devType[id] = type.ordinal();
                devIndex[id] = Integer.parseInt(dm.group(2));
                terminal[id] = type.terminals().indexOf(dm.group(3));
                if (terminal[id] < 0) {
                    throw new IllegalArgumentException("Token " + t + " names no terminal of a " + type + ".");
                }
                caps.merge(type, devIndex[id], Math::max);
            } else if (im.matches()) {
                kinds[id] = Kind.NET;
                maxInternal = Math.max(maxInternal, Integer.parseInt(im.group(1)));
            } else {
                kinds[id] = Kind.NET;
                namedNets.add(t);
            }
        }
        firstTypeToken = firstType;
        internalCap = maxInternal;
        netSlots = namedNets.size() + internalCap;
        netToken = new int[netSlots];
        for (int id = 2; id < n; id++) {
            if (kinds[id] == Kind.NET) {
                Matcher im = INTERNAL.matcher(tokens.get(id));
                netSlot[id] = im.matches() ? namedNets.size() + Integer.parseInt(im.group(1)) - 1
                        : namedNets.indexOf(tokens.get(id));
                netToken[netSlot[id]] = id;
            }
        }
        int offset = 0;
        for (DeviceType t : DeviceType.values()) {
            slotOffset[t.ordinal()] = offset;
            offset += caps.getOrDefault(t, 0);
        }
        deviceSlots = offset;
        slotTypes = new DeviceType[deviceSlots];
        for (DeviceType t : DeviceType.values()) {
            for (int i = 0; i < caps.getOrDefault(t, 0); i++) {
                slotTypes[slotOffset[t.ordinal()] + i] = t;
            }
        }
        terminalToken = new int[deviceSlots][];
        for (int s = 0; s < deviceSlots; s++) {
            terminalToken[s] = new int[4];
            java.util.Arrays.fill(terminalToken[s], -1);
        }
        for (int id = 2; id < n; id++) {
            if (kinds[id] == Kind.TERMINAL) {
                terminalToken[slotOffset[devType[id]] + devIndex[id] - 1][terminal[id]] = id;
            }
        }
        for (int s = 0; s < deviceSlots; s++) {
            DeviceType t = slotType(s);
            for (int k = 0; k < t.terminalCount(); k++) {
                if (terminalToken[s][k] < 0) {
                    throw new IllegalArgumentException("The vocabulary lacks " + t.prefix() + (slotIndex(s))
                            + ":" + t.terminals().get(k) + ".");
                }
            }
        }
        if (!namedNets.contains("VSS") || !namedNets.contains("VDD")) {
            throw new IllegalArgumentException("A vocabulary needs the nets VSS and VDD.");
        }
    }

    /**
     * A vocabulary for the given circuit types, named nets (VSS and VDD first is customary), internal net cap and
     * device caps per type.
     */
    public static Vocabulary of(List<String> types, List<String> namedNets, int internalNets,
                                Map<DeviceType, Integer> deviceCaps) {
        List<String> t = new ArrayList<>();
        t.add("<pad>");
        t.add("<eos>");
        for (String type : types) {
            t.add("<" + type + ">");
        }
        t.addAll(namedNets);
        for (int i = 1; i <= internalNets; i++) {
            t.add("N" + i);
        }
        for (DeviceType d : DeviceType.values()) {
            for (int i = 1; i <= deviceCaps.getOrDefault(d, 0); i++) {
                for (String term : d.terminals()) {
                    t.add(d.prefix() + i + ":" + term);
                }
            }
        }
        return new Vocabulary(t);
    }

    /** Parses {@code vocab.txt}: one token a line, line index = id. */
    public static Vocabulary parse(List<String> lines) {
        List<String> t = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                t.add(line.strip());
            }
        }
        return new Vocabulary(t);
    }

    /** The vocabulary the bundled model was trained with. */
    public static Vocabulary bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final Vocabulary BUNDLED = load();

        private static Vocabulary load() {
            try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The resource " + RESOURCE + " is missing from the classpath.");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** All tokens, id order. */
    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public String token(int id) {
        return tokens.get(id);
    }

    /** The id of {@code token}, or empty. */
    public Optional<Integer> id(String token) {
        return Optional.ofNullable(ids.get(token));
    }

    public Kind kind(int id) {
        return kinds[id];
    }

    /** The circuit types, in token order. */
    public List<String> types() {
        return Collections.unmodifiableList(types);
    }

    /** The token that opens a sequence of circuit type {@code type}, or empty when the type is unknown. */
    public Optional<Integer> typeToken(String type) {
        return id("<" + type + ">");
    }

    /** The type name of a type token. */
    public String typeOf(int id) {
        return types.get(id - firstTypeToken);
    }

    /** Named nets (supplies, ground, ports), in slot order. */
    public List<String> namedNets() {
        return Collections.unmodifiableList(namedNets);
    }

    /** Net slots: named nets first, then internal nets N1…Nk. */
    public int netSlots() {
        return netSlots;
    }

    /** How many internal nets a sequence may use. */
    public int internalCap() {
        return internalCap;
    }

    /** The net slot of a net token, -1 for other tokens. */
    public int netSlot(int id) {
        return netSlot[id];
    }

    /** The token of a net slot. */
    public int netToken(int slot) {
        return netToken[slot];
    }

    /** The slot of net {@code name} among named nets, or -1. */
    public int namedSlot(String name) {
        return namedNets.indexOf(name);
    }

    /** Whether net slot {@code slot} is internal. */
    public boolean isInternalSlot(int slot) {
        return slot >= namedNets.size();
    }

    /** The net name of a slot as a topology holds it: the port name, or {@code netK} for internal net Nk. */
    public String netName(int slot) {
        return isInternalSlot(slot) ? "net" + (slot - namedNets.size() + 1) : namedNets.get(slot);
    }

    /** The maximum number of devices of {@code type}. */
    public int cap(DeviceType type) {
        return caps.getOrDefault(type, 0);
    }

    /** Device slots: every (type, index) pair, type by type. */
    public int deviceSlots() {
        return deviceSlots;
    }

    /** The device slot of (type, 1-based index). */
    public int deviceSlot(DeviceType type, int index) {
        return slotOffset[type.ordinal()] + index - 1;
    }

    /** The device type of a slot. */
    public DeviceType slotType(int slot) {
        return slotTypes[slot];
    }

    /** The 1-based index of a device slot within its type. */
    public int slotIndex(int slot) {
        return slot - slotOffset[slotType(slot).ordinal()] + 1;
    }

    /** The device slot of a terminal token, -1 for other tokens. */
    public int deviceSlotOf(int id) {
        return devType[id] < 0 ? -1 : slotOffset[devType[id]] + devIndex[id] - 1;
    }

    /** The device type of a terminal token, {@code null} for other tokens. */
    public DeviceType deviceTypeOf(int id) {
        return devType[id] < 0 ? null : DeviceType.values()[devType[id]];
    }

    /** The 1-based device index of a terminal token. */
    public int deviceIndexOf(int id) {
        return devIndex[id];
    }

    /** The terminal (index into {@link DeviceType#terminals()}) of a terminal token. */
    public int terminalOf(int id) {
        return terminal[id];
    }

    /** The token of terminal {@code t} of device slot {@code slot}. */
    public int terminalToken(int slot, int t) {
        return terminalToken[slot][t];
    }

    /** {@code vocab.txt} text: one token a line. */
    public String text() {
        return String.join("\n", tokens) + "\n";
    }
}
