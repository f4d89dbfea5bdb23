package dev.kirchhoff.schematic.transform;

import static dev.kirchhoff.schematic.testing.Netlists.read;
import static dev.kirchhoff.schematic.testing.Netlists.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.PinRef;
import org.junit.jupiter.api.Test;

class FlattenerTest {

    private static final String DECK = """
            two-stage divider
            .global vcc
            .subckt half top bot params: r=1k
            R1 top mid {r}
            R2 mid bot {2*r}
            C1 mid 0 1n
            .ends
            .subckt quarter a b
            X1 a m half params: r=10k
            X2 m b half
            R3 m vcc 1meg
            .ends
            XQ in out quarter
            V1 in 0 1
            .end
            """;

    @Test
    void innerComponentsGetPathNamesAndPortsJoinTheCallersNets() {
        Circuit flat = Flattener.flatten(read("ngspice", DECK), new Notices());
        assertThat(flat.subcircuits()).isEmpty();
        assertThat(flat.components()).extracting(Component::ref).containsExactly(
                "XQ.X1.R1", "XQ.X1.R2", "XQ.X1.C1", "XQ.X2.R1", "XQ.X2.R2", "XQ.X2.C1", "XQ.R3", "V1");
        assertThat(flat.netOf(PinRef.of("XQ.X1.R1:1"))).contains("in");
        assertThat(flat.netOf(PinRef.of("XQ.X1.R2:2"))).contains("XQ.m");
        assertThat(flat.netOf(PinRef.of("XQ.X2.R1:1"))).contains("XQ.m");
        assertThat(flat.netOf(PinRef.of("XQ.X2.R2:2"))).contains("out");
        assertThat(flat.netOf(PinRef.of("XQ.X1.R1:2"))).contains("XQ.X1.mid");
        // ground and .global nets are not prefixed
        assertThat(flat.netOf(PinRef.of("XQ.X1.C1:2"))).contains("0");
        assertThat(flat.netOf(PinRef.of("XQ.R3:2"))).contains("vcc");
    }

    @Test
    void parametersAreSubstitutedCallValuesOverridingDefaults() {
        Circuit flat = Flattener.flatten(read("ngspice", DECK), new Notices());
        assertThat(flat.component("XQ.X1.R1").orElseThrow().value().text()).isEqualTo("(10000.0)");
        assertThat(flat.component("XQ.X1.R2").orElseThrow().value().text()).isEqualTo("2*(10000.0)");
        assertThat(flat.component("XQ.X2.R2").orElseThrow().value().text()).isEqualTo("2*(1000.0)");
        String deck = write("ngspice", flat);
        assertThat(deck).contains("R.XQ.X1.R2 XQ.X1.mid XQ.m {2*(10000.0)}");
    }

    @Test
    void recursionIsRefused() {
        Circuit c = read("ngspice", "t\n.subckt a p\nX1 p b\n.ends\n.subckt b p\nX1 p a\n.ends\nX1 n a\n.end\n");
        assertThatThrownBy(() -> Flattener.flatten(c, new Notices()))
                .hasMessageContaining("calls itself");
    }

    @Test
    void callsToUndefinedSubcircuitsAreKept() {
        Notices notices = new Notices();
        Circuit flat = Flattener.flatten(read("ngspice", "t\nX1 a b opamp\n.end\n"), notices);
        assertThat(flat.component("X1")).isPresent();
        assertThat(notices.all()).anySatisfy(n -> assertThat(n.message()).contains("'opamp', which is not defined"));
    }
}
