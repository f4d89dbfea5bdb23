package dev.kirchhoff.knowledge;

import java.util.Locale;

/** An enum written in the data files as lower-case words joined by hyphens ({@code input-only}, {@code one-wire}). */
public interface JsonEnum {
    String name();

    /** The name in the data files. */
    default String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a data-file name, accepting any case and {@code _} for {@code -}; null when none matches. */
    static <E extends Enum<E> & JsonEnum> E parse(Class<E> type, String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        return null;
    }

    /** The data-file names of all constants, comma separated, for error messages. */
    static String choices(Class<? extends JsonEnum> type) {
        StringBuilder sb = new StringBuilder();
        for (JsonEnum e : type.getEnumConstants()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.jsonName());
        }
        return sb.toString();
    }
}
