package dev.kirchhoff.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A knowledge-base entry: a component people design with. Curated parts carry everything a designer needs; KiCad-tier
 * parts carry typed pins only ({@link #hasCapabilityData()} is false).
 *
 * @param id          {@code bme280-module} for curated parts, {@code Sensor:BME280} (KiCad's lib_id) for the KiCad tier
 * @param tier        curated or KiCad
 * @param aliases     other names and phrasings
 * @param partNumbers manufacturer numbers of the chip or module
 * @param supply      allowed supply voltage
 * @param logic       digital I/O thresholds
 * @param current     supply current drawn
 * @param interfaces  buses and how they are configured
 * @param onboard     what a module carries besides its chip
 * @param model       simulation model
 * @param exports     Wokwi and KiCad mappings
 * @param sources     field to citation
 * @param origin      the file (and JSON path for family files) the part was read from
 */
public record Part(
        String id,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Tier tier,
        String name,
        List<String> aliases,
        List<String> partNumbers,
        Category category,
        Form form,
        String description,
        List<String> keywords,
        String manufacturer,
        String datasheet,
        VoltageRange supply,
        LogicLevels logic,
        SupplyCurrent current,
        List<PartPin> pins,
        List<PartInterface> interfaces,
        Onboard onboard,
        SimModel model,
        Exports exports,
        Map<String, String> sources,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String origin) {

    public Part {
        tier = tier == null ? Tier.CURATED : tier;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        partNumbers = partNumbers == null ? List.of() : List.copyOf(partNumbers);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        pins = pins == null ? List.of() : List.copyOf(pins);
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        sources = sources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** The same part, marked with its tier and the place it was read from. */
    public Part withOrigin(Tier tier, String origin) {
        return new Part(id, tier, name, aliases, partNumbers, category, form, description, keywords, manufacturer,
                datasheet, supply, logic, current, pins, interfaces, onboard, model, exports, sources, origin);
    }

    /** True for curated parts: functions, voltages, interfaces and models are known. */
    public boolean hasCapabilityData() {
        return tier == Tier.CURATED;
    }

    /**
     * The pin answering to {@code ref}: a pin number first, then a name, then an alias, ignoring case. Where several
     * pins share a name (GND) the first is returned.
     */
    public Optional<PartPin> pin(String ref) {
        String r = ref.strip();
        for (PartPin p : pins) {
            if (p.number().equals(r)) {
                return Optional.of(p);
            }
        }
        for (PartPin p : pins) {
            if (p.number().equalsIgnoreCase(r) || p.name().equalsIgnoreCase(r)) {
                return Optional.of(p);
            }
        }
        for (PartPin p : pins) {
            if (p.answersTo(r)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** All pins that share the name {@code name} (several GND pins). */
    public List<PartPin> pinsNamed(String name) {
        List<PartPin> out = new ArrayList<>();
        for (PartPin p : pins) {
            if (p.name().equalsIgnoreCase(name)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The first interface of a kind. */
    public Optional<PartInterface> interfaceOf(InterfaceKind kind) {
        for (PartInterface i : interfaces) {
            if (i.kind() == kind) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
