package dev.kirchhoff.app.cli;

import dev.kirchhoff.validation.ValidationInput;
import dev.kirchhoff.validation.Validator;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import dev.kirchhoff.validation.simulation.SimulationResult;
import dev.kirchhoff.validation.simulation.Simulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the ngspice check for {@code validate --simulate} and {@code simulate}; ngspice trouble is a user error. The
 * executable is the system property {@code kirchhoff.ngspice}, else {@code KIRCHHOFF_NGSPICE}, else {@code ngspice}
 * on the {@code PATH}.
 */
final class Simulation {

    private Simulation() {
    }

    /**
     * Validates and simulates {@code in}.
     *
     * @param timeout how long ngspice may run; {@code null} for the default
     * @throws UserError when ngspice is missing, hangs past the timeout or cannot run
     */
    static SimulationResult run(ValidationInput in, Validator validator, String subject, Duration timeout) {
        try {
            Ngspice ngspice = locate(timeout);
            return new Simulator(validator, ngspice).simulate(in.circuit(), subject, in.defects());
        } catch (NgspiceException e) {
            throw new UserError(e.kind() == NgspiceException.Kind.FAILED ? "ngspice failed on " + subject + ": "
                    + e.getMessage() : e.getMessage());
        }
    }

    /**
     * The ngspice to run: the system property {@code kirchhoff.ngspice}, else {@code KIRCHHOFF_NGSPICE}, else
     * {@code ngspice} on the {@code PATH}.
     *
     * @param timeout how long ngspice may run; {@code null} for the default
     * @throws NgspiceException when none is found
     */
    static Ngspice locate(Duration timeout) throws NgspiceException {
        Map<String, String> env = new HashMap<>(System.getenv());
        String chosen = System.getProperty("kirchhoff.ngspice");
        if (chosen != null) {
            env.put(Ngspice.ENV, chosen);
        }
        return Ngspice.locate(env, timeout == null ? Ngspice.DEFAULT_TIMEOUT : timeout);
    }
}
