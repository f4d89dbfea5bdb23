package dev.kirchhoff.agents.offline;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineReasonerTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    /** Remembers what it was asked to design. */
    private static final class Recorder implements DesignReasoner {
        Requirements requirements;
        Pinouts pinouts;

        @Override
        public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
            this.requirements = requirements;
            this.pinouts = pinouts;
            return DesignPlan.builder("recorded").build();
        }
    }

    private final Recorder embedded = new Recorder();
    private final Recorder analog = new Recorder();
    private final OfflineReasoner reasoner = new OfflineReasoner(embedded, analog);

    private static Requirements requirements(RecipeKind recipe, PartRequest... parts) {
        return new Requirements("", List.of(parts), Supply.unspecified(), List.of(), Set.of(), recipe, List.of(),
                List.of());
    }

    private static Pinouts pinouts(Requirements r) {
        List<Pinouts.Resolved> out = new ArrayList<>();
        for (PartRequest p : r.parts()) {
            out.add(new Pinouts.Resolved(p, KB.part(p.id()).orElseThrow()));
        }
        return new Pinouts(out);
    }

    private static PartRequest defaultBoard() {
        return new PartRequest("arduino-uno-r3", 1, "no board named", PartRole.BOARD, true);
    }

    @Test
    void audioPowerAmplifierWithSpeakerAndOnlyADefaultBoardIsAnAnalogNonInvertingStage() {
        Requirements r = requirements(null, defaultBoard(), PartRequest.of("lm386", 1, "lm386", PartRole.ANALOG),
                PartRequest.of("speaker-8-ohm", 1, "speaker", PartRole.LOAD));
        reasoner.reason(r, pinouts(r), Feedback.none());

        assertThat(embedded.requirements).isNull();
        assertThat(analog.requirements.recipe()).isEqualTo(RecipeKind.NON_INVERTING_AMPLIFIER);
        assertThat(analog.requirements.board()).isEmpty();
        assertThat(analog.pinouts.board()).isEmpty();
        assertThat(analog.pinouts.parts()).extracting(p -> p.part().id()).containsExactly("lm386", "speaker-8-ohm");
    }

    @Test
    void recipeTheIdentifierSetIsKeptWhenTheDefaultBoardIsDropped() {
        Requirements r = requirements(RecipeKind.INVERTING_AMPLIFIER, defaultBoard(),
                PartRequest.of("lm358", 1, "lm358", PartRole.ANALOG));
        reasoner.reason(r, pinouts(r), Feedback.none());

        assertThat(analog.requirements.recipe()).isEqualTo(RecipeKind.INVERTING_AMPLIFIER);
        assertThat(analog.requirements.board()).isEmpty();
    }

    @Test
    void aSensorNextToTheAmplifierNeedsTheControllerSoTheDefaultBoardStays() {
        Requirements r = requirements(null, defaultBoard(), PartRequest.of("lm358", 1, "lm358", PartRole.ANALOG),
                PartRequest.of("bme280-module", 1, "bme280", PartRole.PERIPHERAL));
        reasoner.reason(r, pinouts(r), Feedback.none());

        assertThat(analog.requirements).isNull();
        assertThat(embedded.requirements.board()).map(PartRequest::id).contains("arduino-uno-r3");
    }

    @Test
    void aBoardThePromptNamedAlwaysGoesToTheEmbeddedDesigner() {
        Requirements r = requirements(null, PartRequest.of("arduino-uno-r3", 1, "arduino uno", PartRole.BOARD),
                PartRequest.of("lm386", 1, "lm386", PartRole.ANALOG),
                PartRequest.of("speaker-8-ohm", 1, "speaker", PartRole.LOAD));
        reasoner.reason(r, pinouts(r), Feedback.none());

        assertThat(analog.requirements).isNull();
        assertThat(embedded.requirements).isSameAs(r);
    }

    @Test
    void aRecipeWithoutAnyBoardGoesToTheAnalogDesignerUnchanged() {
        Requirements r = requirements(RecipeKind.ASTABLE_555, PartRequest.of("ne555", 1, "555", PartRole.ANALOG));
        reasoner.reason(r, pinouts(r), Feedback.none());

        assertThat(analog.requirements).isSameAs(r);
    }

    @Test
    void aComparatorWithoutARecipeIsNotGuessedIntoAnAmplifier() {
        Requirements r = requirements(null, defaultBoard(), PartRequest.of("lm393", 1, "lm393", PartRole.ANALOG));
        reasoner.reason(r, pinouts(r), Feedback.none());

        assertThat(analog.requirements).isNull();
        assertThat(embedded.requirements).isSameAs(r);
    }

    @Test
    void anAdcModuleTalksI2cSoItKeepsTheDefaultBoard() {
        Requirements r = requirements(null, defaultBoard(), PartRequest.of("lm358", 1, "lm358", PartRole.ANALOG),
                PartRequest.of("ads1115-module", 1, "ads1115", PartRole.PERIPHERAL));
        reasoner.reason(r, pinouts(r), Feedback.none());

        assertThat(analog.requirements).isNull();
    }
}
