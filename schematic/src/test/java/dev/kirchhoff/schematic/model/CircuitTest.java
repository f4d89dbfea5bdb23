package dev.kirchhoff.schematic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.schematic.units.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CircuitTest {

    private static Circuit divider() {
        return Circuit.builder().title("divider")
                .add(Component.builder("V1", ComponentKind.VOLTAGE_SOURCE).value(Value.parse("5")).build(), "IN", "0")
                .add(Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("10k")).build(), "IN", "OUT")
                .add(Component.builder("R2", ComponentKind.RESISTOR).value(Value.parse("10k")).build(), "OUT", "0")
                .build();
    }

    @Test
    void netsListPinsInComponentOrder() {
        Circuit c = divider();
        assertThat(c.netNames()).containsExactly("IN", "0", "OUT");
        assertThat(c.net("OUT").orElseThrow().pins()).containsExactly(PinRef.of("R1:2"), PinRef.of("R2:1"));
        assertThat(c.netOf(PinRef.of("R2:1"))).contains("OUT");
        assertThat(c.netOf(PinRef.of("V1:+"))).contains("IN");
    }

    @Test
    void pinsAreAddressedByNumberNameOrTerminalAlias() {
        Component m = Component.builder("M1", ComponentKind.MOSFET).model("nch").build();
        assertThat(m.pinIndex("D")).isEqualTo(0);
        assertThat(m.pinIndex("gate")).isEqualTo(1);
        assertThat(m.pinIndex("3")).isEqualTo(2);
        assertThat(m.pinIndex("bulk")).isEqualTo(3);
        Component d = Component.builder("D1", ComponentKind.DIODE).build();
        // KiCad numbering: pin 1 is the cathode
        assertThat(d.pins().get(d.pinIndex("1")).name()).isEqualTo("K");
        assertThat(d.pinIndex("anode")).isEqualTo(d.pinIndex("A"));
    }

    @Test
    void editsReturnNewCircuitsAndLeaveTheOriginalAlone() {
        Circuit c = divider();
        Circuit moved = c.connect(PinRef.of("R2:2"), "GND");
        assertThat(c.netOf(PinRef.of("R2:2"))).contains("0");
        assertThat(moved.netOf(PinRef.of("R2:2"))).contains("GND");
        Circuit without = c.without("R2");
        assertThat(without.component("R2")).isEmpty();
        assertThat(without.net("OUT").orElseThrow().pins()).containsExactly(PinRef.of("R1:2"));
        Circuit rewired = c.withNet(Net.of("OUT", "R1:2", "V1:2"));
        assertThat(rewired.netOf(PinRef.of("R2:1"))).isEmpty();
        assertThat(rewired.netOf(PinRef.of("V1:2"))).contains("OUT");
    }

    @Test
    void aPinCannotBeOnTwoNets() {
        Circuit.Builder b = Circuit.builder()
                .add(Component.builder("R1", ComponentKind.RESISTOR).build(), "A", "B");
        assertThatThrownBy(() -> b.connect("R1", "1", "C"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R1:1 is already on net A");
    }

    @Test
    void unknownPinsAreRejectedNamingTheValidOnes() {
        Circuit.Builder b = Circuit.builder().add(Component.builder("Q1", ComponentKind.BJT).build());
        assertThatThrownBy(() -> b.connect("Q1", "X", "n1"))
                .hasMessageContaining("Q1 has no pin 'X'")
                .hasMessageContaining("1 (C), 2 (B), 3 (E)");
    }

    @Test
    void duplicateReferenceDesignatorsAreRejected() {
        Circuit.Builder b = Circuit.builder().add(Component.builder("R1", ComponentKind.RESISTOR).build());
        assertThatThrownBy(() -> b.add(Component.builder("R1", ComponentKind.RESISTOR).build()))
                .hasMessageContaining("Two components are called R1");
    }

    @Test
    void connectivityComparisonFindsAMovedPin() {
        Circuit a = divider();
        Circuit b = a.connect(PinRef.of("R2:1"), "IN");
        assertThat(Connectivity.differences(a, a, Map.of())).isEmpty();
        assertThat(Connectivity.differences(a, b, Map.of())).isNotEmpty();
        Circuit renamed = Circuit.builder()
                .add(Component.builder("V1", ComponentKind.VOLTAGE_SOURCE).value(Value.parse("5")).build(), "a", "g")
                .add(Component.builder("RA", ComponentKind.RESISTOR).value(Value.parse("10k")).build(), "a", "b")
                .add(Component.builder("R2", ComponentKind.RESISTOR).value(Value.parse("10k")).build(), "b", "g")
                .build();
        assertThat(Connectivity.differences(a, renamed, Map.of("R1", "RA"))).isEmpty();
    }

    @Test
    void naturalOrderSortsNumbersByValue() {
        assertThat(NaturalOrder.INSTANCE.compare("R2", "R10")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("U10", "U9")).isPositive();
        assertThat(NaturalOrder.INSTANCE.compare("GND.1", "GND.2")).isNegative();
    }
}
