package dev.kirchhoff.agents.output;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.DesignTrace;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Engineering;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.simulation.OperatingPoint;
import dev.kirchhoff.validation.simulation.SpiceDeck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a design run: the request as understood, the verdict, the schematic, bill of materials, pin map,
 * rails and budget, computed values, rationale, nets, findings, simulation results, files and stage times. Built
 * once as a {@link ReportDocument} and written as {@code report.md} and {@code report.html}.
 */
public final class DesignReport {

    /**
     * What the ngspice check gave, or why it did not run.
     *
     * @param operatingPoint the solved operating point, or null
     * @param report         the static and simulation findings together, or null
     * @param skipped        why there is no simulation (not validated, ngspice missing), or null when it ran
     */
    public record Simulation(OperatingPoint operatingPoint, ValidationReport report, String skipped) {
        public static Simulation skipped(String why) {
            return new Simulation(null, null, why);
        }
    }

    private DesignReport() {
    }

    /** The report's content; {@code files} are the names written beside it. */
    public static ReportDocument build(DesignResult result, KnowledgeBase kb, Simulation simulation,
                                       List<String> files) {
        DesignPlan plan = result.plan();
        Requirements req = result.requirements();
        ReportDocument doc = new ReportDocument(plan.title().isEmpty() ? "Kirchhoff design" : plan.title());

        doc.heading("Request");
        doc.paragraph("> " + req.prompt().strip().replace("\n", " "));
        List<String> understood = new ArrayList<>();
        for (PartRequest p : req.parts()) {
            String name = kb.part(p.id()).map(Part::name).orElse(p.id());
            understood.add((p.quantity() > 1 ? p.quantity() + " × " : "") + "`" + p.id() + "` " + name + " ("
                    + p.role().name().toLowerCase(Locale.ROOT) + (p.defaulted() ? ", chosen by default" : "")
                    + (p.phrase().isEmpty() ? "" : ", from \"" + p.phrase() + "\"") + ")");
        }
        if (req.recipe() != null) {
            understood.add("building block: " + req.recipe().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (req.supply().isSpecified()) {
            understood.add("supply: " + req.supply().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (req.supply().volts() == null ? "" : ", " + Engineering.format(req.supply().volts(), "V")));
        }
        for (DesignValue v : req.values()) {
            understood.add(v.quantity().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + Engineering.format(v.value(), unit(v)) + (v.phrase().isEmpty() ? "" : " (\"" + v.phrase() + "\")"));
        }
        req.constraints().stream().map(c -> "constraint: " + c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .sorted().forEach(understood::add);
        // The identifier restates each part and the supply as a note for the trace; the lines above already say it.
        req.notes().stream().filter(n -> !n.startsWith("part: ") && !n.startsWith("supply: ")).forEach(understood::add);
        req.unresolved().forEach(u -> understood.add("not in the knowledge base: \"" + u.phrase() + "\""
                + (u.nearest().isEmpty() ? "" : " (nearest: " + String.join(", ", u.nearest()) + ")")));
        doc.paragraph("Understood as:");
        doc.bullets(understood);

        ValidationReport report = result.report();
        doc.heading("Verdict");
        doc.paragraph((report.passed() ? "**Passed** validation" : "**Failed** validation") + ": "
                + report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING) + " warning(s), "
                + report.count(Severity.INFO) + " note(s) from " + report.rulesRun() + " rules"
                + (result.repairRounds() > 0 ? ", after " + result.repairRounds() + " repair round(s)" : "")
                + ". Structural score " + String.format(Locale.ROOT, "%.1f", report.structuralScore())
                + "/10, electrical score " + String.format(Locale.ROOT, "%.1f", report.electricalScore()) + "/10."
                + (report.passed() ? "" : " The SPICE deck is not written until the errors are fixed."));
        if (files.contains("schematic.svg")) {
            doc.image("schematic", "schematic.svg");
        }

        doc.heading("Bill of materials");
        List<List<String>> bom = new ArrayList<>();
        for (DesignPlan.PlannedComponent c : plan.components()) {
            bom.add(List.of(c.ref(), what(c, kb), c.value() == null ? "" : c.value(), c.purpose()));
        }
        doc.table(List.of("Ref", "Part", "Value", "Purpose"), bom);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DesignPlan.PlannedComponent c : plan.components()) {
            counts.merge(what(c, kb) + (c.value() == null ? "" : " " + c.value()), 1, Integer::sum);
        }
        List<String> summary = new ArrayList<>();
        counts.forEach((k, n) -> summary.add(n + " × " + k));
        doc.paragraph("To order:");
        doc.bullets(summary);

        if (!plan.assignments().isEmpty()) {
            doc.heading("Pin map");
            List<List<String>> rows = new ArrayList<>();
            for (DesignPlan.PinAssignment a : plan.assignments()) {
                rows.add(List.of(a.signal(), "`" + a.hostPin() + "`", "`" + a.devicePin() + "`", a.reason()));
            }
            doc.table(List.of("Signal", "Board pin", "Device pin", "Why"), rows);
        }

        if (!plan.rails().isEmpty()) {
            doc.heading("Rails and budget");
            List<List<String>> rows = new ArrayList<>();
            for (DesignPlan.Rail r : plan.rails()) {
                String headroom = r.capacityAmps() == null ? "unknown"
                        : Engineering.format(r.capacityAmps() - r.loadAmps(), "A");
                rows.add(List.of("`" + r.net() + "`", Engineering.format(r.volts(), "V"), r.source(),
                        Engineering.format(r.loadAmps(), "A"),
                        r.capacityAmps() == null ? "unknown" : Engineering.format(r.capacityAmps(), "A"), headroom));
            }
            doc.table(List.of("Net", "Voltage", "Source", "Load (typical)", "Capacity", "Headroom"), rows);
        }

        if (!plan.computations().isEmpty()) {
            doc.heading("Computed values");
            List<List<String>> rows = new ArrayList<>();
            for (DesignPlan.Computation c : plan.computations()) {
                rows.add(List.of(c.ref(), c.quantity(), c.formula(), significant(c.exact()),
                        significant(c.chosen()) + (c.series().isEmpty() ? "" : " (" + c.series() + ")"),
                        c.resultNote()));
            }
            doc.table(List.of("Ref", "Quantity", "Formula", "Exact", "Chosen", "Gives"), rows);
        }

        if (!plan.rationale().isEmpty()) {
            doc.heading("Rationale");
            List<String> lines = new ArrayList<>();
            for (DesignPlan.Rationale r : plan.rationale()) {
                lines.add("**" + r.topic() + "**: " + r.text()
                        + (r.facts().isEmpty() ? "" : " — facts: " + String.join("; ", r.facts())));
            }
            doc.bullets(lines);
        }
        List<String> notes = plan.notes().stream().filter(n -> !req.notes().contains(n)).distinct().toList();
        if (!notes.isEmpty()) {
            doc.heading("Notes and assumptions");
            doc.bullets(notes);
        }

        doc.heading("Nets");
        List<List<String>> nets = new ArrayList<>();
        for (DesignPlan.PlannedNet n : plan.nets()) {
            nets.add(List.of("`" + n.name() + "`", String.join(", ", n.pins())));
        }
        doc.table(List.of("Net", "Pins"), nets);

        doc.heading("Validation findings");
        ValidationReport shown = simulation != null && simulation.report() != null ? simulation.report() : report;
        if (shown.findings().isEmpty()) {
            doc.paragraph("No rule reported anything.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Finding f : shown.findings()) {
                List<String> where = new ArrayList<>(f.pins());
                if (where.isEmpty()) {
                    where.addAll(f.nets());
                }
                if (where.isEmpty()) {
                    where.addAll(f.components());
                }
                rows.add(List.of(f.severity().name().toLowerCase(Locale.ROOT), "`" + f.rule() + "`",
                        String.join(", ", where), f.message(), f.fix() == null ? "" : f.fix()));
            }
            doc.table(List.of("Severity", "Rule", "Where", "Finding", "Fix"), rows);
        }

        doc.heading("Simulation");
        if (simulation == null || simulation.operatingPoint() == null) {
            doc.paragraph(simulation == null || simulation.skipped() == null ? "Not simulated."
                    : "Not simulated: " + simulation.skipped() + ".");
        } else {
            OperatingPoint op = simulation.operatingPoint();
            doc.paragraph(op.converged() ? "ngspice solved the operating point." :
                    "ngspice reported problems: " + String.join("; ", op.problems()));
            List<List<String>> rows = new ArrayList<>();
            for (DesignPlan.PlannedNet n : plan.nets()) {
                Double v = op.voltage(n.name());
                if (v != null) {
                    rows.add(List.of("`" + n.name() + "`", Engineering.format(round(v), "V")));
                }
            }
            doc.table(List.of("Net", "Voltage"), rows);
            List<List<String>> leds = new ArrayList<>();
            SpiceDeck deck = op.deck();
            for (SpiceDeck.LedProbe p : deck.leds()) {
                Double i = op.value(p.vector());
                if (i != null) {
                    leds.add(List.of(p.ref(), Engineering.format(round(i), "A"),
                            Engineering.format(p.rating(), "A") + " (" + p.ratingSource() + ")"));
                }
            }
            doc.table(List.of("LED", "Current", "Rating"), leds);
        }

        doc.heading("Files");
        doc.bullets(files.stream().map(f -> "`" + f + "` — " + describe(f)).toList());

        doc.heading("How it was made");
        List<List<String>> stages = new ArrayList<>();
        boolean model = result.trace().entries().stream().anyMatch(e -> !e.usage().isEmpty());
        for (DesignTrace.Entry e : result.trace().entries()) {
            List<String> row = new ArrayList<>(List.of(e.stage(), String.valueOf(e.round()),
                    e.engine() + (e.model() == null ? "" : " " + e.model()),
                    String.format(Locale.ROOT, "%.1f ms", e.micros() / 1000.0)));
            if (model) {
                row.add(DesignTrace.usage(e.usage()));
            }
            stages.add(row);
        }
        doc.table(model ? List.of("Stage", "Round", "Engine", "Time", "Model use")
                : List.of("Stage", "Round", "Engine", "Time"), stages);
        return doc;
    }

    static String what(DesignPlan.PlannedComponent c, KnowledgeBase kb) {
        if (c.part() != null) {
            return kb.part(c.part()).map(p -> p.name() + " (`" + p.id() + "`)").orElse("`" + c.part() + "`");
        }
        return c.kind() == ComponentKind.PART ? "part" : c.kind().description()
                + (c.model() == null ? "" : " " + c.model());
    }

    private static String unit(DesignValue v) {
        return switch (v.quantity()) {
            case GAIN, DUTY_CYCLE -> "";
            case FREQUENCY, CUTOFF -> "Hz";
            case DURATION -> "s";
            case CURRENT -> "A";
            case INPUT_VOLTAGE, OUTPUT_VOLTAGE, THRESHOLD_VOLTAGE -> "V";
            case RESISTANCE -> "Ω";
            case CAPACITANCE -> "F";
            case INDUCTANCE -> "H";
            case POWER -> "W";
        };
    }

    private static double round(double v) {
        return Math.abs(v) < 1e-12 ? 0 : v;
    }

    private static String significant(double v) {
        return Engineering.format(v, "");
    }

    static String describe(String file) {
        return switch (file) {
            case "design.json" -> "the circuit in Kirchhoff's native JSON (`kirchhoff validate design.json`)";
            case "circuit.json" -> "tscircuit Circuit JSON";
            case "diagram.json" -> "Wokwi diagram (paste into a new project at wokwi.com)";
            case "design.net" -> "KiCad netlist (Pcbnew: File → Import → Netlist)";
            case "design.cir" -> "ngspice deck with the parts' models and an operating-point analysis";
            case "schematic.svg" -> "the schematic drawing";
            case "report.md", "report.html" -> "this report";
            case "trace.json" -> "each stage's input, output, engine and time";
            default -> "";
        };
    }
}
