package dev.kirchhoff.schematic.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Netlist text to read, with the name it goes by in messages (a path, or {@code <stdin>}). Immutable.
 *
 * @param name the file name for messages
 * @param text the whole text
 */
public record Source(String name, String text) {

    public Source {
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        Objects.requireNonNull(text, "The parameter 'text' must not be null.");
    }

    /** Text with a name for messages. */
    public static Source of(String name, String text) {
        return new Source(name, text);
    }

    /**
     * Reads a file as UTF-8 (falling back to Latin-1, which every byte sequence is, for old netlists).
     *
     * @throws ParseException when the file holds binary data (NUL bytes) rather than text
     */
    public static Source read(Path path) throws IOException, ParseException {
        return decode(path.toString(), Files.readAllBytes(path));
    }

    /** Reads a stream to its end, as {@link #read(Path)} does. */
    public static Source read(String name, InputStream in) throws IOException, ParseException {
        return decode(name, in.readAllBytes());
    }

    /** Decodes bytes as {@link #read(Path)} does. */
    public static Source decode(String name, byte[] bytes) throws ParseException {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            // LTspice and some Windows tools save netlists as UTF-16 with a byte-order mark
            String text = new String(bytes, StandardCharsets.UTF_16);
            return new Source(name, text.isEmpty() || text.charAt(0) != '\uFEFF' ? text : text.substring(1));
        }
        int limit = Math.min(bytes.length, 1 << 16);
        int line = 1;
        int column = 1;
        for (int i = 0; i < limit; i++) {
            byte b = bytes[i];
            int u = b & 0xff;
            if (u == 0 || u < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1a) {
                throw new ParseException(name, line, column, "this is binary data, not a netlist (byte 0x"
                        + String.format(Locale.ROOT, "%02x", b & 0xff) + ")",
                        "give a text netlist: SPICE, Spectre, KiCad .net, Circuit JSON or Wokwi diagram.json");
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String text;
        if (isAscii(bytes)) {
            // the common case, and the fast one: a plain copy, no decoding
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        } else try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Source(name, text);
    }

    private static boolean isAscii(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc >= 0;
    }

    /** The lower-case extension of the name including the dot ({@code .cir}), or the empty string. */
    public String extension() {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String lower = base.toLowerCase(Locale.ROOT);
        for (String compound : new String[] {".diagram.json", ".circuit.json", ".kirchhoff.json"}) {
            if (lower.endsWith(compound)) {
                return compound;
            }
        }
        if (lower.equals("diagram.json")) {
            return ".diagram.json";
        }
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** The first character that is not whitespace, or {@code 0} for blank text; what sniffing looks at first. */
    public char firstSignificant() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    /** Whether the text is empty or only whitespace. */
    public boolean isBlank() {
        return text.isBlank();
    }
}
