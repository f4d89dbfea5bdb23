package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.knowledge.KicadTier;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.PartResolver;
import dev.kirchhoff.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Designs with parts the knowledge base's source tree has (a bare 12 V relay, a 24 V fan and adapter), read from
 * {@code knowledge-base/data} so the test does not depend on the installed build being current.
 */
class SourceKnowledgeBaseDesignTest {

    private static KnowledgeBase kb;
    private static Validator validator;

    @BeforeAll
    static void load() {
        Path data = Path.of("..", "knowledge-base", "data");
        assumeTrue(Files.isDirectory(data.resolve("parts")), "knowledge-base/data is not beside agents/");
        kb = KnowledgeBase.load(data);
        assumeTrue(kb.part("relay-12v").isPresent() && kb.part("fan-24v").isPresent());
        validator = new Validator(new PartResolver(kb, KicadTier::bundled));
    }

    @Test
    void twelveVoltRelayOnAThreeVoltBoardGetsADriverAndAFlybackDiode() {
        Designs.Result r = Designs.board("esp32-devkit-v1").with("relay-12v", 1, PartRole.LOAD)
                .design(kb, validator, Feedback.none());
        assertThat(r.report().passed()).as(r.dump()).isTrue();
        String k = r.byPart("relay-12v").ref();
        assertThat(r.netOf(k + ":COIL+")).isEqualTo("12V");
        String sw = r.netOf(k + ":COIL-");
        assertThat(r.pinsOn(sw)).noneMatch(p -> p.startsWith("U1:"));
        assertThat(r.ofKind(ComponentKind.MOSFET)).singleElement().satisfies(q ->
                assertThat(r.netOf(q.ref() + ":D")).isEqualTo(sw));
        assertThat(r.ofKind(ComponentKind.DIODE)).singleElement().satisfies(d -> {
            assertThat(r.netOf(d.ref() + ":K")).isEqualTo("12V");
            assertThat(r.netOf(d.ref() + ":A")).isEqualTo(sw);
        });
        assertThat(r.plan().notes()).anyMatch(n -> n.contains("not driven straight from a GPIO"));
    }

    @Test
    void twentyFourVoltFanRunsFromA24VoltAdapterThroughAMosfetRatedForIt() {
        Designs.Result r = Designs.board("esp32-devkit-v1").with("fan-24v", 1, PartRole.LOAD)
                .design(kb, validator, Feedback.none());
        assertThat(r.report().passed()).as(r.dump()).isTrue();
        String fan = r.byPart("fan-24v").ref();
        assertThat(r.netOf(fan + ":+")).isEqualTo("24V");
        assertThat(r.pinsOn("24V")).anyMatch(p -> p.startsWith(r.byPart("dc-power-adapter-24v").ref() + ":"));
        // the AO3400's 30 V is too little margin at 24 V: the 55 V IRLZ44N is used
        assertThat(r.ofKind(ComponentKind.MOSFET)).singleElement().satisfies(q ->
                assertThat(q.part()).isEqualTo("irlz44n"));
        assertThat(r.report().fired("power.load-voltage")).isFalse();
        assertThat(r.report().fired("part.flyback")).isFalse();
    }
}
