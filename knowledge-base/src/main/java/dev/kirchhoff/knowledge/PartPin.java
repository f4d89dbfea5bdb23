package dev.kirchhoff.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One pin of a knowledge-base part.
 *
 * @param number     physical pin or header position, unique in the part
 * @param name       datasheet or silkscreen name; pins that are one net inside the part may share it
 * @param aliases    other names people use ({@code D4} for {@code GPIO4})
 * @param type       KiCad electrical type
 * @param functions  what the pin can do
 * @param channels   channel or instance per function ({@code ADC -> ADC1_CH6})
 * @param defaultFor bus functions for which this is the board's default pin
 * @param flags      traps: input-only, strapping, flash, ...
 * @param voltage    nominal level of the pin's domain, volts; null when unknown
 * @param range      allowed voltage at a power input, or produced range of a power output
 * @param maxCurrent most current the pin may source or sink, amperes; null when unknown
 * @param notes      free text
 * @param unit       KiCad unit (gate) the pin belongs to; 1 for curated parts
 */
public record PartPin(
        String number,
        String name,
        List<String> aliases,
        PinType type,
        Set<PinFunction> functions,
        Map<PinFunction, String> channels,
        Set<PinFunction> defaultFor,
        Set<PinFlag> flags,
        Double voltage,
        VoltageRange range,
        Double maxCurrent,
        String notes,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) int unit) {

    public PartPin {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        functions = functions == null || functions.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(PinFunction.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(functions));
        channels = channels == null || channels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(channels));
        defaultFor = defaultFor == null || defaultFor.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(PinFunction.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(defaultFor));
        flags = flags == null || flags.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(PinFlag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        if (unit <= 0) {
            unit = 1;
        }
    }

    /** A pin with only the facts the KiCad tier has: number, name, type and unit. */
    public static PartPin typed(String number, String name, PinType type, int unit) {
        return new PartPin(number, name, null, type, null, null, null, null, null, null, null, null, unit);
    }

    public boolean can(PinFunction function) {
        return functions.contains(function);
    }

    public boolean has(PinFlag flag) {
        return flags.contains(flag);
    }

    /** True for supply and ground pins (power_in or power_out). */
    public boolean isPower() {
        return type == PinType.POWER_IN || type == PinType.POWER_OUT;
    }

    /** True when {@code text} is this pin's number, name or one of its aliases, ignoring case. */
    public boolean answersTo(String text) {
        if (number.equalsIgnoreCase(text) || name.equalsIgnoreCase(text)) {
            return true;
        }
        for (String a : aliases) {
            if (a.equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 3 SDA} or {@code GND.1 GND} style label for tables. */
    public String label() {
        return number.equals(name) ? name : number + " " + name;
    }

    @Override
    public String toString() {
        return label() + " (" + type.kicadName() + ")";
    }

    static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
