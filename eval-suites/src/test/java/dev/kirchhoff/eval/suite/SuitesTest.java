package dev.kirchhoff.eval.suite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuitesTest {

    @Test
    void theFourSuitesAreRegisteredByName() {
        assertThat(Suites.names()).containsExactly("mmcircuiteval", "circuitsense", "amsbench", "design");
        assertThat(Suites.get("mmcircuiteval")).isInstanceOf(MmCircuitEvalLoader.class);
        assertThat(Suites.get("CircuitSense")).isInstanceOf(CircuitSenseLoader.class);
        assertThat(Suites.get(" amsbench ")).isInstanceOf(AmsBenchLoader.class);
        assertThat(Suites.get("design")).isInstanceOf(DesignSuiteLoader.class);
        assertThat(Suites.all()).allSatisfy(l -> assertThat(l.description()).isNotBlank());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Suites.get("mmlu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown suite 'mmlu'. Known suites: mmcircuiteval, circuitsense, amsbench, design"
                        + " (kirchhoff eval suites lists them).");
    }
}
