package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.validation.simulation.SimulationResult;
import dev.kirchhoff.validation.simulation.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recipe with its defaults, and requests at the edges (impossible gains, out-of-range supplies, thresholds
 * outside the input range), must give a plan that builds, validates without errors and has an operating point.
 */
class AnalogSweepTest {

    private static void check(DesignPlan plan) throws Exception {
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        SimulationResult s = new Simulator(Bench.VALIDATOR, Bench.ngspice()).simulate(c, plan.title());
        assertThat(s.operatingPoint().problems()).as(plan.title()).isEmpty();
        assertThat(plan.computations()).as(plan.title()).isNotEmpty();
        assertThat(plan.rationale()).as(plan.title()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(RecipeKind.class)
    void everyRecipeWithItsDefaults(RecipeKind kind) throws Exception {
        check(Bench.of(kind).plan());
    }

    static Stream<Supplier<Bench>> edges() {
        return Stream.of(
                () -> Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 0.5),
                () -> Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 5000),
                () -> Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 100)
                        .supply(Supply.Kind.BENCH, 40.0),
                () -> Bench.of(RecipeKind.INVERTING_AMPLIFIER).value(Quantity.GAIN, 2.2).part("lm324", PartRole.ANALOG),
                () -> Bench.of(RecipeKind.SUMMING_AMPLIFIER).with(Constraint.SPLIT_SUPPLY),
                () -> Bench.of(RecipeKind.VOLTAGE_FOLLOWER).with(Constraint.SPLIT_SUPPLY).supply(Supply.Kind.BENCH, 15.0),
                () -> Bench.of(RecipeKind.COMPARATOR).value(Quantity.THRESHOLD_VOLTAGE, 4.9),
                () -> Bench.of(RecipeKind.COMPARATOR).part("lm358", PartRole.ANALOG).value(Quantity.THRESHOLD_VOLTAGE, 1),
                () -> Bench.of(RecipeKind.ASTABLE_555).value(Quantity.FREQUENCY, 100e3).value(Quantity.DUTY_CYCLE, 0.7),
                () -> Bench.of(RecipeKind.ASTABLE_555).value(Quantity.FREQUENCY, 0.01).supply(Supply.Kind.BENCH, 3.3),
                () -> Bench.of(RecipeKind.MONOSTABLE_555).value(Quantity.DURATION, 1e-4).supply(Supply.Kind.BENCH, 12.0),
                () -> Bench.of(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.INPUT_VOLTAGE, 5).value(Quantity.OUTPUT_VOLTAGE, 9),
                () -> Bench.of(RecipeKind.LED_DRIVER).part("led-blue", PartRole.INDICATOR, 3).supply(Supply.Kind.BENCH, 3.3),
                () -> Bench.of(RecipeKind.LINEAR_REGULATOR).value(Quantity.OUTPUT_VOLTAGE, 3.3).value(Quantity.INPUT_VOLTAGE, 5),
                () -> Bench.of(RecipeKind.LINEAR_REGULATOR).value(Quantity.OUTPUT_VOLTAGE, 12).value(Quantity.INPUT_VOLTAGE, 48),
                () -> Bench.of(RecipeKind.LINEAR_REGULATOR).part("battery-9v", PartRole.POWER)
                        .supply(Supply.Kind.BATTERY, null).value(Quantity.OUTPUT_VOLTAGE, 5),
                () -> Bench.of(RecipeKind.BUCK_CONVERTER).value(Quantity.OUTPUT_VOLTAGE, 45),
                () -> Bench.of(RecipeKind.TRANSISTOR_SWITCH).part("fan-12v", PartRole.LOAD),
                () -> Bench.of(RecipeKind.MOSFET_SWITCH).part("dc-motor", PartRole.LOAD).part("2n7000", PartRole.ANALOG),
                () -> Bench.of(RecipeKind.LIION_CHARGER).value(Quantity.CURRENT, 5),
                () -> Bench.of(RecipeKind.REGULATED_DC_SUPPLY).value(Quantity.OUTPUT_VOLTAGE, 12).value(Quantity.CURRENT, 2),
                () -> Bench.of(RecipeKind.RC_LOW_PASS).value(Quantity.CUTOFF, 1e6),
                () -> Bench.of(RecipeKind.RL_HIGH_PASS).value(Quantity.FREQUENCY, 0.5),
                () -> Bench.of(RecipeKind.ZENER_REGULATOR).part("zener-1n4733a", PartRole.ANALOG)
                        .value(Quantity.INPUT_VOLTAGE, 30).value(Quantity.CURRENT, 0.05),
                () -> Bench.of(RecipeKind.ZENER_REGULATOR).value(Quantity.OUTPUT_VOLTAGE, 3.3)
                        .value(Quantity.INPUT_VOLTAGE, 4),
                () -> Bench.of(RecipeKind.COMPARATOR).part("lm358", PartRole.ANALOG).part("ldr", PartRole.INPUT)
                        .part("led-green", PartRole.INDICATOR).with(Constraint.HYSTERESIS).supply(Supply.Kind.BENCH, 12.0),
                () -> Bench.of(RecipeKind.COMPARATOR).part("ldr", PartRole.INPUT).supply(Supply.Kind.BENCH, 3.3),
                () -> Bench.of(RecipeKind.INVERTING_AMPLIFIER).part("lm386", PartRole.ANALOG)
                        .value(Quantity.GAIN, 35).supply(Supply.Kind.BENCH, 15.0),
                () -> Bench.of(RecipeKind.VOLTAGE_FOLLOWER).part("speaker-8-ohm", PartRole.LOAD),
                () -> Bench.of(RecipeKind.ASTABLE_555).part("speaker-8-ohm", PartRole.LOAD)
                        .part("led-blue", PartRole.INDICATOR).supply(Supply.Kind.BENCH, 15.0),
                () -> Bench.of(RecipeKind.MONOSTABLE_555).part("fuse", PartRole.POWER).value(Quantity.CURRENT, 3),
                () -> Bench.of(RecipeKind.BUCK_CONVERTER).part("fuse", PartRole.POWER),
                () -> Bench.of(RecipeKind.REGULATED_DC_SUPPLY).part("fuse", PartRole.POWER).part("1n4007", PartRole.ANALOG),
                () -> Bench.of(RecipeKind.RC_LOW_PASS).part("push-button", PartRole.INPUT).supply(Supply.Kind.BENCH, 3.3),
                () -> Bench.of(RecipeKind.RC_LOW_PASS).part("push-button", PartRole.INPUT).part("74hc14", PartRole.ANALOG)
                        .supply(Supply.Kind.BENCH, 12.0),
                () -> Bench.of(RecipeKind.LED_DRIVER).part("74hc14", PartRole.ANALOG).part("lm386", PartRole.ANALOG),
                () -> Bench.of(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.INPUT_VOLTAGE, 400).value(Quantity.OUTPUT_VOLTAGE, 1),
                () -> Bench.of(RecipeKind.NON_INVERTING_AMPLIFIER).part("74hc14", PartRole.ANALOG).value(Quantity.GAIN, 6));
    }

    @ParameterizedTest
    @MethodSource("edges")
    void requestsAtTheEdgesAreClampedIntoSafeDesigns(Supplier<Bench> bench) throws Exception {
        DesignPlan plan = bench.get().plan();
        check(plan);
    }
}
