package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.offline.OfflineEngine;
import dev.kirchhoff.schematic.model.Circuit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A linear regulator is kept only when its package can shed {@code (Vin − Vout) · I}: alone, or on a heat sink
 * sized for it; otherwise the designer switches to a buck module.
 */
class RegulatorHeatTest {

    private static DesignPlan regulator(double vin, double vout, double amps) {
        return Bench.of(RecipeKind.LINEAR_REGULATOR).value(Quantity.INPUT_VOLTAGE, vin)
                .value(Quantity.OUTPUT_VOLTAGE, vout).value(Quantity.CURRENT, amps).plan();
    }

    private static DesignPlan.Computation computation(DesignPlan plan, String quantity) {
        return plan.computations().stream().filter(c -> c.quantity().equals(quantity)).findFirst().orElseThrow();
    }

    @Test
    void sevenWattsInASot223BecomesABuckModule() {
        DesignPlan plan = regulator(12, 3.3, 0.8);
        assertThat(plan.components()).noneSatisfy(c -> assertThat(c.part()).isEqualTo("ams1117-3-3"));
        String module = plan.component("U1").orElseThrow().part();
        assertThat(module).isIn("mp1584-buck-module", "lm2596-buck-module");
        assertThat(Bench.pins(plan, "VIN")).contains("U1:IN+");
        assertThat(Bench.pins(plan, "VOUT")).contains("U1:OUT+");
        // the trimmer is set for 3.3 V and the input current follows the module's efficiency
        double eff = module.equals("mp1584-buck-module") ? 0.88 : 0.85;
        assertThat(computation(plan, "input current").chosen()).isCloseTo(3.3 * 0.8 / (eff * 12), within(1e-9));
        assertThat(computation(plan, "trimmer").resultNote()).contains("3.3 V");
        assertThat(plan.rails()).anySatisfy(r -> {
            assertThat(r.net()).isEqualTo("VOUT");
            assertThat(r.volts()).isEqualTo(3.3);
        });
        // (12 V − 3.3 V) · 0.8 A = 6.96 W against the SOT-223's 100 °C / 90 °C/W = 1.11 W
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("ams1117-3-3").contains("6.96 W")
                .contains("SOT-223"));
        assertThat(plan.rationale()).anySatisfy(r -> assertThat(r.text()).contains("6.96 W"));
        Circuit c = Bench.circuit(plan);
        Bench.valid(c);
    }

    @Test
    void lm7805AtOneHundredMilliampsNeedsNoHeatSink() {
        DesignPlan plan = regulator(12, 5, 0.1);
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("lm7805");
        DesignPlan.Computation p = computation(plan, "dissipation");
        assertThat(p.chosen()).isCloseTo(0.7, within(1e-9));
        // 25 °C + 0.7 W · 50 °C/W
        assertThat(p.resultNote()).contains("60 °C").contains("no heat sink");
        assertThat(plan.computations()).noneSatisfy(c -> assertThat(c.quantity()).isEqualTo("heat sink"));
        Bench.valid(Bench.circuit(plan));
    }

    @Test
    void lm7805AtOneAmpGetsAHeatSinkSizedForSevenWatts() {
        DesignPlan plan = regulator(12, 5, 1.0);
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("lm7805");
        assertThat(computation(plan, "dissipation").chosen()).isCloseTo(7.0, within(1e-9));
        // θSA = (125 °C − 25 °C) / 7 W − 5 °C/W − 0.5 °C/W = 8.79 °C/W
        DesignPlan.Computation sink = computation(plan, "heat sink");
        assertThat(sink.ref()).isEqualTo("U1");
        assertThat(sink.chosen()).isCloseTo(100.0 / 7 - 5.5, within(1e-9));
        assertThat(plan.rationale()).anySatisfy(r -> assertThat(r.text()).contains("8.786 °C/W"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("heat sink of 8.786 °C/W"));
        Bench.valid(Bench.circuit(plan));
    }

    @Test
    void ams1117FromFiveVoltsAtThreeHundredMilliampsStaysLinear() {
        DesignPlan plan = regulator(5, 3.3, 0.3);
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("ams1117-3-3");
        DesignPlan.Computation p = computation(plan, "dissipation");
        assertThat(p.chosen()).isCloseTo(0.51, within(1e-9));
        // 25 °C + 0.51 W · 90 °C/W = 70.9 °C, below 125 °C on the minimum pad
        assertThat(p.resultNote()).contains("70.9 °C");
        assertThat(plan.computations()).noneSatisfy(c -> assertThat(c.quantity()).isEqualTo("heat sink"));
        Bench.valid(Bench.circuit(plan));
    }

    @Test
    void loadAboveTheRegulatorsRatingBecomesABuckModule() {
        // 2 A is above the LM7805's 1.5 A
        DesignPlan plan = regulator(9, 5, 2.0);
        assertThat(plan.component("U1").orElseThrow().part()).endsWith("buck-module");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("1.5 A rating"));
        Bench.valid(Bench.circuit(plan));
    }

    @Test
    void namedLm7805TooHotEvenOnAHeatSinkBecomesABuckModule() {
        // (24 V − 5 V) · 1 A = 19 W: beyond a modest heat sink on a TO-220
        DesignPlan plan = Bench.of(RecipeKind.LINEAR_REGULATOR).part("lm7805", PartRole.POWER)
                .value(Quantity.INPUT_VOLTAGE, 24).value(Quantity.CURRENT, 1.0).plan();
        // both modules take 24 V: the MP1584 is the more efficient (88 %)
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("mp1584-buck-module");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("19 W").contains("TO-220"));
        Bench.valid(Bench.circuit(plan));
    }

    @Test
    void thirtyVoltsIsBeyondTheMp1584SoTheLm2596Takes() {
        // (30 V − 5 V) · 0.5 A = 12.5 W; the MP1584 module stops at 28 V in, the LM2596 takes 40 V
        DesignPlan plan = regulator(30, 5, 0.5);
        assertThat(plan.component("U1").orElseThrow().part()).isEqualTo("lm2596-buck-module");
        assertThat(computation(plan, "input current").chosen()).isCloseTo(5 * 0.5 / (0.85 * 30), within(1e-9));
        Bench.valid(Bench.circuit(plan));
    }

    @Test
    void fromThePromptTheOfflineEngineBuildsTheBuck() {
        DesignResult r = OfflineEngine.pipeline(Bench.KB, null).design("voltage regulator 3.3V from 12V at 800mA");
        assertThat(r.plan().components()).noneSatisfy(c -> assertThat(c.part()).isEqualTo("ams1117-3-3"));
        assertThat(r.plan().components()).anySatisfy(c -> assertThat(c.part()).endsWith("buck-module"));
        assertThat(r.passed()).as(r.report().text()).isTrue();
    }
}
