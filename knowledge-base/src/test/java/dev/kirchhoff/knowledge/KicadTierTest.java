package dev.kirchhoff.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kirchhoff.schematic.model.PinType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KicadTierTest {

    private static final KicadTier TIER = KicadTier.bundled();
    private static final List<Part> PARTS = TIER.parts();
    private static final Map<String, Part> BY_ID = PARTS.stream()
            .collect(Collectors.toMap(Part::id, Function.identity()));

    @Test
    void holdsEverySymbolOfTheSnapshotAsAKicadTierPartWithoutCapabilityData() {
        // data/kicad/README.md: 22,847 source records less 102 power symbols, from 222 libraries
        assertThat(PARTS).hasSize(22_745);
        assertThat(BY_ID).hasSize(22_745);
        assertThat(PARTS).allSatisfy(p -> {
            assertThat(p.tier()).isEqualTo(Tier.KICAD);
            assertThat(p.hasCapabilityData()).isFalse();
            assertThat(p.interfaces()).isEmpty();
            assertThat(p.model()).isNull();
            assertThat(p.supply()).isNull();
        });
        assertThat(PARTS.stream().flatMap(p -> p.pins().stream()))
                .allSatisfy(pin -> assertThat(pin.functions()).isEmpty());
        assertThat(PARTS.stream().map(p -> p.id().substring(0, p.id().indexOf(':'))).distinct()).hasSize(222);
        assertThat(PARTS).extracting(Part::id).isSorted();
    }

    @Test
    void theLookupBuildsTheSamePartsAsTheFullReadOneIdAtATime() {
        KicadTier.Lookup lookup = TIER.lookup();
        for (String id : List.of("Sensor:BME280", "Amplifier_Operational:LM358", "Device:Battery", "4xxx:14528")) {
            assertThat(lookup.part(id)).as(id).contains(BY_ID.get(id));
        }
        assertThat(lookup.part("Amplifier_Operational:LM358").orElseThrow().pins())
                .isEqualTo(BY_ID.get("Amplifier_Operational:LM2904").pins());
        assertThat(lookup.part("Sensor:NO_SUCH_SYMBOL")).isEmpty();
    }

    @Test
    void theFileIsTheOneTheReadmeDocuments() {
        assertThat(TIER.fingerprint()).isEqualTo("aaec423fcccea58830a757919a7d3551cf94a76e31d993df0c9164ca970b06f2");
    }

    @Test
    void bme280HasTheEightPinsOfTheKicadSymbolWithTheirTypes() {
        Part bme = BY_ID.get("Sensor:BME280");
        assertThat(bme.name()).isEqualTo("BME280");
        assertThat(bme.pins()).extracting(PartPin::number, PartPin::name, PartPin::type).containsExactly(
                tuple("1", "GND", PinType.POWER_IN),
                tuple("2", "CSB", PinType.INPUT),
                tuple("3", "SDI", PinType.BIDIRECTIONAL),
                tuple("4", "SCK", PinType.INPUT),
                tuple("5", "SDO", PinType.BIDIRECTIONAL),
                tuple("6", "VDDIO", PinType.POWER_IN),
                tuple("7", "GND", PinType.POWER_IN),
                tuple("8", "VDD", PinType.POWER_IN));
        assertThat(bme.exports().kicad().symbol()).isEqualTo("Sensor:BME280");
        assertThat(bme.exports().kicad().footprint()).startsWith("Package_LGA:Bosch_LGA-8");
        assertThat(bme.description()).contains("I2C and SPI");
    }

    @Test
    void lm358IsDerivedFromLm2904AndCarriesItsPinsWithUnits() {
        Part lm358 = BY_ID.get("Amplifier_Operational:LM358");
        Part lm2904 = BY_ID.get("Amplifier_Operational:LM2904");
        assertThat(lm358.pins()).isEqualTo(lm2904.pins());
        assertThat(lm358.description()).contains("Dual Operational Amplifiers").isNotEqualTo(lm2904.description());
        assertThat(lm358.pins()).extracting(PartPin::number, PartPin::name, PartPin::type, PartPin::unit)
                .containsExactlyInAnyOrder(
                        tuple("1", "", PinType.OUTPUT, 1),
                        tuple("2", "-", PinType.INPUT, 1),
                        tuple("3", "+", PinType.INPUT, 1),
                        tuple("5", "+", PinType.INPUT, 2),
                        tuple("6", "-", PinType.INPUT, 2),
                        tuple("7", "", PinType.OUTPUT, 2),
                        tuple("4", "V-", PinType.POWER_IN, 3),
                        tuple("8", "V+", PinType.POWER_IN, 3));
        assertThat(lm358.pins()).filteredOn(PartPin::isPower).extracting(PartPin::unit).containsOnly(3);
    }

    @Test
    void deviceRHasTwoPassivePins() {
        Part r = BY_ID.get("Device:R");
        assertThat(r.pins()).extracting(PartPin::number, PartPin::type)
                .containsExactly(tuple("1", PinType.PASSIVE), tuple("2", PinType.PASSIVE));
        assertThat(r.pins()).allSatisfy(p -> assertThat(p.unit()).isEqualTo(1));
        assertThat(r.form()).isEqualTo(Form.PASSIVE);
        // a generic symbol has no default footprint
        assertThat(r.exports().kicad().footprint()).isNull();
    }

    @Test
    void categoriesAndFormsFollowTheLibraryAndReference() {
        assertThat(BY_ID.get("Sensor:BME280").category()).isEqualTo(Category.SENSOR);
        assertThat(BY_ID.get("Regulator_Linear:AMS1117-3.3").category()).isEqualTo(Category.POWER);
        assertThat(BY_ID.get("Device:R").category()).isEqualTo(Category.PASSIVE);
        assertThat(BY_ID.get("Device:C").category()).isEqualTo(Category.PASSIVE);
        assertThat(BY_ID.get("Device:LED").category()).isEqualTo(Category.SEMICONDUCTOR);
        assertThat(BY_ID.get("Device:LED").form()).isEqualTo(Form.DISCRETE);
        assertThat(BY_ID.get("Amplifier_Operational:LM358").category()).isEqualTo(Category.ANALOG);
        assertThat(BY_ID.get("Timer:NE555P").category()).isEqualTo(Category.TIMING);
        assertThat(BY_ID.get("Transistor_BJT:BC547").category()).isEqualTo(Category.SEMICONDUCTOR);
        assertThat(BY_ID.get("Connector_Generic:Conn_01x06").category()).isEqualTo(Category.CONNECTOR);
        assertThat(BY_ID.get("74xx:74HC595").category()).isEqualTo(Category.LOGIC);
        assertThat(BY_ID.get("Sensor:BME280").form()).isEqualTo(Form.IC);
    }

    @Test
    void derivedSymbolsKeepTheirOwnNumbersAndDescription() {
        Part ams = BY_ID.get("Regulator_Linear:AMS1117-3.3");
        assertThat(ams.partNumbers()).containsExactly("AMS1117-3.3");
        assertThat(ams.description()).contains("3.3V fixed output");
        assertThat(ams.pins()).extracting(PartPin::number, PartPin::name, PartPin::type).containsExactly(
                tuple("1", "GND", PinType.POWER_IN),
                tuple("2", "VO", PinType.POWER_OUT),
                tuple("3", "VI", PinType.POWER_IN));
    }
}
