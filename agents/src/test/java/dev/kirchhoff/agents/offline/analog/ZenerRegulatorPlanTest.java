package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.simulation.OperatingPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The zener shunt regulator end to end: the named zener's data, the series resistor, ratings, and ngspice. */
class ZenerRegulatorPlanTest {

    private static double value(DesignPlan plan, String ref) {
        return Value.parse(plan.component(ref).orElseThrow().value()).magnitude();
    }

    @Test
    void fivePointOneVoltsFromTwelveForTenMilliamps() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.ZENER_REGULATOR).part("zener-1n4733a", PartRole.ANALOG)
                .value(Quantity.INPUT_VOLTAGE, 12).value(Quantity.OUTPUT_VOLTAGE, 5.1)
                .value(Quantity.CURRENT, 0.010).plan();
        // R1 from VIN to VOUT, the zener's cathode on VOUT and anode on ground
        assertThat(Bench.pins(plan, "VIN")).contains("V1:+", "R1:1");
        assertThat(Bench.pins(plan, "VOUT")).contains("R1:2", "D1:K");
        assertThat(Bench.pins(plan, "GND")).contains("D1:A");
        assertThat(plan.component("D1").orElseThrow().part()).isEqualTo("zener-1n4733a");
        assertThat(plan.component("D1").orElseThrow().kind()).isEqualTo(ComponentKind.DIODE);
        // R = (12 − 5.1)/(10 mA + 24.5 mA) = 200 Ω
        assertThat(value(plan, "R1")).isEqualTo(200);
        assertThat(plan.computations()).anySatisfy(x -> {
            assertThat(x.ref()).isEqualTo("R1");
            assertThat(x.formula()).startsWith("R = (Vin − Vz) / (Iload + Iz,min)");
        });
        assertThat(plan.computations()).anySatisfy(x -> {
            assertThat(x.ref()).isEqualTo("D1");
            assertThat(x.quantity()).isEqualTo("dissipation");
            assertThat(x.exact()).isLessThan(0.5);
        });
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        OperatingPoint op = Bench.simulate(c).operatingPoint();
        // the load resistor draws about 10 mA; the output holds near Vz (the model gives 5.0 V at half IZT)
        assertThat(op.voltage("VOUT")).isCloseTo(5.1, within(0.2));
        assertThat(Bench.pins(plan, "VOUT")).contains("I1:+");
        assertThat(plan.component("I1").orElseThrow().value()).isEqualTo("DC 10m");
        double iz = (op.voltage("VIN") - op.voltage("VOUT")) / 200 - 0.010;
        assertThat(iz).isGreaterThan(0.015);
    }

    @Test
    void withoutANamedZenerTheKnowledgeBaseOneIsUsedAndAHeavyLoadIsClamped() throws Exception {
        DesignPlan plan = Bench.of(RecipeKind.ZENER_REGULATOR).value(Quantity.CURRENT, 0.5).plan();
        assertThat(plan.component("D1").orElseThrow().part()).isEqualTo("zener-1n4733a");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("more than a 1 W zener"));
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
        assertThat(Bench.simulate(c).operatingPoint().voltage("VOUT")).isCloseTo(5.1, within(0.25));
        // 73.5 mA through 6.9 V is 0.5 W: shared by resistors in series, each within 0.25 W
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("each resistor stays within 0.25 W"));
    }

    @Test
    void anInputTooCloseToTheZenerVoltageIsRaisedWithANote() {
        DesignPlan plan = Bench.of(RecipeKind.ZENER_REGULATOR).value(Quantity.INPUT_VOLTAGE, 5).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("too little across the series resistor"));
    }
}
