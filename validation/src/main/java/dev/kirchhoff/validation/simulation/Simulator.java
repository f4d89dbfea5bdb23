package dev.kirchhoff.validation.simulation;

import dev.kirchhoff.schematic.format.WiringDefect;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The simulation check: exports a circuit ({@link SpiceExport}, forced: errors found by the static rules are reported
 * beside the simulation's), runs ngspice on it, reads the operating point and runs the static rules and the
 * {@link SimulationRules} over the circuit with the operating point attached. Thread-safe.
 *
 * <pre>{@code
 * SimulationResult r = new Simulator(Validator.bundled(), Ngspice.locate()).simulate(circuit, "blink.json");
 * System.out.print(r.report().text());
 * }</pre>
 */
public final class Simulator {

    private final Validator validator;
    private final Ngspice ngspice;
    private final Validator withSimulation;

    /**
     * @param validator the static rules and the part resolver
     * @param ngspice the simulator to run
     */
    public Simulator(Validator validator, Ngspice ngspice) {
        this.validator = Objects.requireNonNull(validator, "The parameter 'validator' must not be null.");
        this.ngspice = Objects.requireNonNull(ngspice, "The parameter 'ngspice' must not be null.");
        List<Rule> rules = new ArrayList<>(validator.rules());
        rules.addAll(SimulationRules.all());
        this.withSimulation = new Validator(validator.resolver(), rules);
    }

    /** Simulates a circuit built in memory or read strictly. */
    public SimulationResult simulate(Circuit circuit, String subject) throws NgspiceException {
        return simulate(circuit, subject, List.of());
    }

    /** Simulates a circuit read leniently, with the connections its reader could not make. */
    public SimulationResult simulate(Circuit circuit, String subject, List<WiringDefect> defects)
            throws NgspiceException {
        return simulate(new CircuitFacts(circuit, validator.resolver(), defects), subject);
    }

    /**
     * Simulates the circuit of {@code facts} and attaches the {@link OperatingPoint} to them.
     *
     * @throws NgspiceException when ngspice is missing, hangs or cannot be started
     */
    public SimulationResult simulate(CircuitFacts facts, String subject) throws NgspiceException {
        SpiceDeck deck = new SpiceExport(validator).deck(facts);
        NgspiceRun run = ngspice.run(deck.text());
        OperatingPoint op = OperatingPoint.parse(deck, run);
        facts.attach(OperatingPoint.class, op);
        return new SimulationResult(withSimulation.validate(facts, subject), deck, op, run);
    }
}
