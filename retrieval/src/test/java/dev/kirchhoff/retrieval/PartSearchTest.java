package dev.kirchhoff.retrieval;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.KicadTier;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.Tier;
import dev.kirchhoff.knowledge.UnknownPartException;
import dev.kirchhoff.schematic.model.PinType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts about the hybrid search on the bundled data with the KiCad tier. */
class PartSearchTest {

    private final PartSearch search = TestIndex.get();

    private List<String> ids(String query, SearchFilters filters, int k) {
        return search.search(query, filters, k).stream().map(SearchHit::id).toList();
    }

    @Test
    void anExactPartNumberComesFirstWhateverTheCaseOrPunctuation() {
        for (String q : List.of("BME280", "bme-280", "Bme 280")) {
            List<SearchHit> hits = search.search(q, SearchFilters.none(), 5);
            assertThat(hits.get(0).id()).as(q).isEqualTo("bme280-module");
            assertThat(hits.get(0).match()).as(q).isEqualTo(SearchHit.Match.EXACT);
        }
    }

    @Test
    void aPartNumberInsideASentenceIsFoundExactly() {
        assertThat(ids("how do I wire an hc-sr04 to my board", SearchFilters.none(), 3)).first().isEqualTo("hc-sr04");
    }

    @Test
    void theCuratedPartHidesItsOwnKiCadSymbol() {
        // ne555 exports Timer:NE555P: the KiCad copy is shadowed, the curated part answers
        List<String> hits = ids("NE555P", SearchFilters.none(), 10);
        assertThat(hits).first().isEqualTo("ne555");
        assertThat(hits).doesNotContain("Timer:NE555P");
        assertThat(search.part("Timer:NE555P").tier()).isEqualTo(Tier.KICAD);
    }

    @Test
    void aChipOnlyKiCadHasIsFoundInTheKiCadTier() {
        List<SearchHit> hits = search.search("SN65HVD230", SearchFilters.none(), 5);
        assertThat(hits.get(0).id()).isEqualTo("Interface_CAN_LIN:SN65HVD230");
        assertThat(hits.get(0).tier()).isEqualTo(Tier.KICAD);
    }

    @Test
    void misspellingsAndSpacingStillFindThePart() {
        assertThat(ids("ultrasonik sensor", SearchFilters.none(), 3)).contains("hc-sr04");
        assertThat(ids("esp 32 devkit", SearchFilters.none(), 3)).contains("esp32-devkit-v1");
        assertThat(ids("neopixle", SearchFilters.none(), 5)).containsAnyOf("ws2812b", "ws2812b-strip");
    }

    @Test
    void aBoardNamedAsContextDoesNotWinOverWhatIsAskedFor() {
        assertThat(ids("send an sms from my arduino", SearchFilters.none(), 3)).contains("sim800l");
    }

    @Test
    void filtersRestrictEveryResult() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        for (SearchHit h : search.search("temperature", SearchFilters.none().withCategory(Category.DISPLAY), 10)) {
            assertThat(h.category()).isEqualTo(Category.DISPLAY);
        }
        for (SearchHit h : search.search("temperature sensor", SearchFilters.none().withTier(Tier.CURATED)
                .withInterface(InterfaceKind.I2C), 10)) {
            Part p = kb.part(h.id()).orElseThrow();
            assertThat(p.interfaceOf(InterfaceKind.I2C)).as(h.id()).isPresent();
        }
        // the HC-SR04 needs 4.5-5.5 V: a 3.3 V supply filter drops it
        assertThat(ids("ultrasonic distance sensor", SearchFilters.none(), 3)).contains("hc-sr04");
        assertThat(ids("ultrasonic distance sensor", SearchFilters.none().withSupplyVoltage(3.3), 10))
                .doesNotContain("hc-sr04");
        assertThat(search.search("op amp", SearchFilters.none().withTier(Tier.KICAD), 10))
                .allSatisfy(h -> assertThat(h.tier()).isEqualTo(Tier.KICAD));
    }

    @Test
    void pinoutsComeFromBothTiers() {
        List<PartPin> bme = search.pinout("Sensor:BME280");
        assertThat(bme).hasSize(8);
        assertThat(bme.get(0).number()).isEqualTo("1");
        assertThat(bme.get(0).name()).isEqualTo("GND");
        assertThat(bme.get(0).type()).isEqualTo(PinType.POWER_IN);
        assertThat(search.part("Sensor:BME280").hasCapabilityData()).isFalse();
        Part curated = search.part("bme280");
        assertThat(curated.id()).isEqualTo("bme280-module");
        assertThat(curated.pin("SDA").orElseThrow().functions()).isNotEmpty();
    }

    @Test
    void anUnknownIdSaysWhatWasProbablyMeant() {
        assertThatThrownBy(() -> search.part("bme820"))
                .isInstanceOf(UnknownPartException.class)
                .hasMessage("no part 'bme820' — did you mean bme280-module, bmp280-module?");
        assertThatThrownBy(() -> search.part("Sensor:BME821"))
                .isInstanceOf(UnknownPartException.class)
                .hasMessageStartingWith("no part 'Sensor:BME821'");
    }

    @Test
    void anEmptyQueryIsRefused() {
        assertThatThrownBy(() -> search.search("  ?! ", SearchFilters.none(), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void theIndexHoldsBothTiers() {
        long wired = KicadTier.bundled().parts().stream().filter(p -> !p.pins().isEmpty()).count();
        assertThat(wired).isBetween(22_600L, 22_745L); // pinless drawings (logos, mounting holes) are not indexed
        assertThat(search.size()).isEqualTo(KnowledgeBase.bundled().size() + (int) wired);
        assertThat(search.search("hot symbol", SearchFilters.none(), 10)).noneMatch(h -> h.id().startsWith("Graphic:"));
        assertThat(Set.of(search.search("resistor", SearchFilters.none(), 1).get(0).id())).containsExactly("resistor");
    }
}
