package dev.kirchhoff.agents.llm.stages;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.knowledge.VoltageRange;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The knowledge-base facts a prompt states, as compact text: one line per candidate part, pin tables with types,
 * levels, functions and flags, a board's default bus pins, a plan and the validator's findings.
 */
final class Facts {

    private Facts() {
    }

    /** {@code bme280-module — BME280 module: temperature, humidity … [sensor, module]}. */
    static String partLine(Part p) {
        String desc = p.description() == null ? "" : p.description().strip();
        if (desc.length() > 110) {
            desc = desc.substring(0, 109) + "…";
        }
        return p.id() + " — " + (p.name() == null ? p.id() : p.name()) + (desc.isEmpty() ? "" : ": " + desc)
                + " [" + lower(p.category()) + ", " + lower(p.form()) + "]";
    }

    /** The part's supply and its pins, one line each. */
    static String pinTable(Part p) {
        StringBuilder sb = new StringBuilder();
        sb.append(partLine(p));
        VoltageRange s = p.supply();
        if (s != null && (s.min() != null || s.max() != null)) {
            sb.append("; supply ").append(range(s));
        }
        if (p.logic() != null && p.logic().level() != null) {
            sb.append("; logic ").append(Eng.num(p.logic().level())).append(" V")
                    .append(p.logic().isFiveVoltTolerant() ? " (5 V tolerant)" : "");
        }
        sb.append('\n');
        for (PartPin pin : p.pins()) {
            if (pin.type() == PinType.NO_CONNECT) {
                continue;
            }
            sb.append("  ").append(PinCatalog.canonical(p, pin));
            if (!PinCatalog.canonical(p, pin).equals(pin.number())) {
                sb.append(" #").append(pin.number());
            }
            sb.append(' ').append(lower(pin.type()));
            if (pin.voltage() != null) {
                sb.append(' ').append(Eng.num(pin.voltage())).append(" V");
            }
            if (pin.range() != null && (pin.range().min() != null || pin.range().max() != null)) {
                sb.append(" (").append(range(pin.range())).append(')');
            }
            if (pin.maxCurrent() != null) {
                sb.append(" max ").append(Eng.human(pin.maxCurrent(), "A"));
            }
            if (!pin.functions().isEmpty()) {
                sb.append(" ").append(pin.functions().stream().map(Enum::name).collect(Collectors.joining(",")));
            }
            if (!pin.defaultFor().isEmpty()) {
                sb.append(" default ").append(pin.defaultFor().stream().map(Enum::name).collect(Collectors.joining(",")));
            }
            if (!pin.flags().isEmpty()) {
                sb.append(" !").append(pin.flags().stream().map(Facts::lower).collect(Collectors.joining(",")));
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** The pin tables of all parts of a design. */
    static String pinTables(Pinouts pinouts) {
        List<String> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Pinouts.Resolved r : pinouts.parts()) {
            if (seen.contains(r.part().id())) {
                continue;
            }
            seen.add(r.part().id());
            out.add("- ×" + r.request().quantity() + " " + r.request().role().name() + " " + pinTable(r.part()));
        }
        return out.isEmpty() ? "(none)" : String.join("\n", out);
    }

    /** The board's default bus pins ({@code I2C_SDA: GPIO21}), or a line saying there is no board. */
    static String busPins(Pinouts pinouts) {
        return pinouts.board().map(b -> {
            List<String> lines = new ArrayList<>();
            for (PinFunction f : PinFunction.values()) {
                List<String> pins = b.part().pins().stream().filter(p -> p.defaultFor().contains(f))
                        .map(p -> PinCatalog.canonical(b.part(), p)).toList();
                if (!pins.isEmpty()) {
                    lines.add(f.name() + ": " + String.join(", ", pins));
                }
            }
            List<String> flagged = b.part().pins().stream().filter(p -> p.has(PinFlag.STRAPPING)
                    || p.has(PinFlag.INPUT_ONLY)).map(p -> PinCatalog.canonical(b.part(), p)).toList();
            if (!flagged.isEmpty()) {
                lines.add("avoid for outputs (strapping or input-only): " + String.join(", ", flagged));
            }
            return lines.isEmpty() ? b.part().id() + " names no default bus pins" : String.join("\n", lines);
        }).orElse("(no board in this design)");
    }

    /** What was asked, as the identify stage understood it. */
    static String requirements(Requirements r) {
        StringBuilder sb = new StringBuilder();
        sb.append("request: ").append(r.prompt()).append('\n');
        sb.append("parts: ").append(r.parts().stream().map(p -> p.quantity() + "× " + p.id() + " (" + p.role()
                + (p.defaulted() ? ", chosen by default" : "") + ")").collect(Collectors.joining(", "))).append('\n');
        if (r.supply().isSpecified()) {
            sb.append("supply: ").append(r.supply().kind()).append(r.supply().volts() == null ? ""
                    : " " + Eng.num(r.supply().volts()) + " V").append('\n');
        }
        if (!r.values().isEmpty()) {
            sb.append("values: ").append(r.values().stream().map(v -> v.quantity() + " = " + Eng.num(v.value())
                    + (v.phrase().isEmpty() ? "" : " (\"" + v.phrase() + "\")")).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (!r.constraints().isEmpty()) {
            sb.append("constraints: ").append(r.constraints().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (r.recipe() != null) {
            sb.append("building block: ").append(r.recipe()).append('\n');
        }
        if (!r.pinWishes().isEmpty()) {
            sb.append("pin wishes: ").append(r.pinWishes().stream().map(w -> w.partId()
                    + (w.devicePin() == null ? "" : ":" + w.devicePin()) + " on board pin " + w.boardPin())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** A plan's components and nets, one line each. */
    static String plan(DesignPlan plan) {
        StringBuilder sb = new StringBuilder("components:\n");
        for (DesignPlan.PlannedComponent c : plan.components()) {
            sb.append("  ").append(component(c)).append('\n');
        }
        sb.append("nets:\n");
        for (DesignPlan.PlannedNet n : plan.nets()) {
            sb.append("  ").append(n.name()).append(": ").append(String.join(" ", n.pins())).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    static String component(DesignPlan.PlannedComponent c) {
        return c.ref() + " " + c.kind().name() + (c.part() == null ? "" : " " + c.part())
                + (c.value() == null || c.value().isBlank() ? "" : " " + c.value())
                + (c.purpose().isBlank() ? "" : " — " + c.purpose());
    }

    /** One line per finding: severity, rule id, message, pins, nets and fix. */
    static String findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append("- ").append(f.severity()).append(' ').append(f.rule()).append(": ").append(f.message());
            if (!f.pins().isEmpty()) {
                sb.append(" pins ").append(String.join(" ", f.pins()));
            }
            if (!f.nets().isEmpty()) {
                sb.append(" nets ").append(String.join(" ", f.nets()));
            }
            if (!f.fix().isBlank()) {
                sb.append(" fix: ").append(f.fix());
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** The repair section of a user message, or empty on the first round. */
    static String repair(Feedback feedback, String step) {
        if (feedback == null || feedback.isEmpty()) {
            return "";
        }
        return "\n\n" + Prompts.fill(Prompts.REPAIR, java.util.Map.of(
                "round", feedback.round(),
                "previous", feedback.previous() == null ? "(not kept)" : plan(feedback.previous()),
                "findings", findings(feedback.findings()),
                "step", step));
    }

    private static String range(VoltageRange r) {
        if (r.min() != null && r.max() != null) {
            return Eng.num(r.min()) + "–" + Eng.num(r.max()) + " V";
        }
        return r.min() != null ? "≥ " + Eng.num(r.min()) + " V" : "≤ " + Eng.num(r.max()) + " V";
    }

    private static String lower(Enum<?> e) {
        return e == null ? "?" : e.name().toLowerCase(Locale.ROOT);
    }
}
