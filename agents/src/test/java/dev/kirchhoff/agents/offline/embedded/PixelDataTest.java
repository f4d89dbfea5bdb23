package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.KicadTier;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.PartResolver;
import dev.kirchhoff.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Addressable-LED data lines, designed against {@code knowledge-base/data} (which has the 74AHCT125 buffer even when
 * the installed knowledge base is older).
 */
class PixelDataTest {

    private static KnowledgeBase kb;
    private static Validator validator;

    @BeforeAll
    static void load() {
        Path data = Path.of("..", "knowledge-base", "data");
        assumeTrue(Files.isDirectory(data.resolve("parts")), "knowledge-base/data is not beside agents/");
        kb = KnowledgeBase.load(data);
        assumeTrue(kb.part("74ahct125").isPresent());
        validator = new Validator(new PartResolver(kb, KicadTier::bundled));
    }

    private static Designs.Result valid(Designs d) {
        Designs.Result r = d.design(kb, validator, Feedback.none());
        assertThat(r.report().passed()).as(r.dump()).isTrue();
        return r;
    }

    /** The resistor with one end on each net, or null. */
    private static DesignsResistor resistorBetween(Designs.Result r, String a, String b) {
        for (var c : r.ofKind(ComponentKind.RESISTOR)) {
            List<String> on = List.of(r.netOf(c.ref() + ":1") + "", r.netOf(c.ref() + ":2") + "");
            if (on.contains(a) && on.contains(b)) {
                return new DesignsResistor(c.ref(), c.value());
            }
        }
        return null;
    }

    private record DesignsResistor(String ref, String value) {
    }

    @Test
    void threeVoltBoardDrivesAFiveVoltStripThroughATtlInputBuffer() {
        Designs.Result r = valid(Designs.board("esp32-c3-devkitm-1").with("ws2812b-strip", 1, PartRole.LOAD)
                .supply(Supply.Kind.ADAPTER, 5.0).prompt("C3 board with a 60 LED strip on its own 5 V supply"));
        String strip = r.byPart("ws2812b-strip").ref();
        String buf = r.byPart("74ahct125").ref();
        String stripSupply = r.netOf(strip + ":5V");

        // the buffer runs from the strip's 5 V, its input on a board pin
        assertThat(r.netOf(buf + ":VCC")).isEqualTo(stripSupply);
        assertThat(r.pinsOn(r.netOf(buf + ":1A"))).anyMatch(p -> p.startsWith(Session.BOARD + ":"));
        // enables low, unused inputs held at GND
        for (String pin : List.of("1OE", "2OE", "3OE", "4OE", "2A", "3A", "4A")) {
            assertThat(r.netOf(buf + ":" + pin)).as(pin).isEqualTo("GND");
        }
        // 330 Ω from the buffer output into DIN, nothing else drives DIN
        DesignsResistor series = resistorBetween(r, r.netOf(buf + ":1Y"), r.netOf(strip + ":DIN"));
        assertThat(series).isNotNull();
        assertThat(series.value()).isEqualTo("330");
        assertThat(r.pinsOn(r.netOf(strip + ":DIN"))).containsExactlyInAnyOrder(strip + ":DIN", series.ref() + ":2");
        // 60 LEDs: 1000 µF across the strip supply
        assertThat(r.ofKind(ComponentKind.CAPACITOR)).anyMatch(c -> "1000u".equals(c.value())
                && stripSupply.equals(r.netOf(c.ref() + ":1")) && "GND".equals(r.netOf(c.ref() + ":2")));
        assertThat(r.report().fired("power.logic-level")).as(r.report().text()).isFalse();
    }

    @Test
    void fiveVoltBoardNeedsNoBufferOnlyTheSeriesResistor() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("ws2812b-strip", 1, PartRole.LOAD)
                .supply(Supply.Kind.ADAPTER, 5.0));
        String strip = r.byPart("ws2812b-strip").ref();
        assertThat(r.plan().components()).noneMatch(c -> "74ahct125".equals(c.part()));
        String din = r.netOf(strip + ":DIN");
        DesignsResistor series = r.ofKind(ComponentKind.RESISTOR).stream()
                .filter(c -> din.equals(r.netOf(c.ref() + ":2"))).map(c -> new DesignsResistor(c.ref(), c.value()))
                .findFirst().orElseThrow(() -> new AssertionError(r.dump()));
        assertThat(series.value()).isEqualTo("330");
        assertThat(r.pinsOn(r.netOf(series.ref() + ":1"))).anyMatch(p -> p.startsWith(Session.BOARD + ":D"));
        assertThat(r.report().fired("power.logic-level")).isFalse();
    }

    @Test
    void aSingleAddressableLedGetsNoBulkCapacitor() {
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("ws2812b"));
        assertThat(r.ofKind(ComponentKind.CAPACITOR)).noneMatch(c -> "1000u".equals(c.value()));
    }
}
