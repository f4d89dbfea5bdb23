package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.units.Value;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare ATtiny85 or ATmega328P as the controller: supplied from the stated source inside its range, decoupled at
 * each supply pin, RESET pulled up, clocked by a crystal only when asked for, LEDs on distinct I/O pins, no board.
 */
class BareChipTest {

    private static Designs.Result valid(Designs d) {
        Designs.Result r = d.design();
        assertThat(r.report().passed()).as(r.dump()).isTrue();
        return r;
    }

    private static Part part(String id) {
        return Designs.KB.part(id).orElseThrow();
    }

    /** The chip pin named by a plan reference {@code U1:PB3} or {@code U1:22}. */
    private static PartPin chipPin(Part chip, String ref) {
        return chip.pin(ref.substring(ref.indexOf(':') + 1)).orElseThrow();
    }

    /** The components with both ends on these two nets, of this kind. */
    private static List<DesignPlan.PlannedComponent> across(Designs.Result r, ComponentKind kind, String a, String b) {
        return r.ofKind(kind).stream().filter(c -> {
            String n1 = r.netOf(c.ref() + ":1");
            String n2 = r.netOf(c.ref() + ":2");
            return a.equals(n1) && b.equals(n2) || a.equals(n2) && b.equals(n1);
        }).toList();
    }

    private static double value(DesignPlan.PlannedComponent c) {
        return Value.parse(c.value()).magnitude();
    }

    @Test
    void attiny85BlinkingTwoLedsIsDesignedAroundTheBareChip() {
        Part chip = part("attiny85");
        Designs.Result r = valid(Designs.board("attiny85").with("led-red", 2, PartRole.INDICATOR)
                .prompt("ATtiny85 blinking two LEDs"));
        assertThat(r.plan().components()).extracting(DesignPlan.PlannedComponent::part)
                .doesNotContain("arduino-uno-r3").contains("attiny85");
        assertThat(r.byPart("attiny85").ref()).isEqualTo("U1");

        String vcc = r.netOf("U1:VCC");
        assertThat(vcc).isNotNull();
        assertThat(r.netOf("U1:GND")).isEqualTo("GND");
        assertThat(across(r, ComponentKind.CAPACITOR, vcc, "GND")).as("decoupling at VCC\n" + r.dump())
                .anySatisfy(c -> assertThat(value(c)).isEqualTo(100e-9));

        String reset = r.netOf("U1:PB5");
        assertThat(reset).as("RESET (PB5) is wired").isNotNull();
        assertThat(across(r, ComponentKind.RESISTOR, reset, vcc)).as("RESET pull-up\n" + r.dump())
                .singleElement().satisfies(c -> assertThat(value(c)).isEqualTo(10_000));

        List<DesignPlan.PlannedComponent> leds = r.ofKind(ComponentKind.LED);
        assertThat(leds).hasSize(2);
        Set<String> ledPins = new HashSet<>();
        for (DesignPlan.PlannedComponent led : leds) {
            String anode = r.netOf(led.ref() + ":A");
            DesignPlan.PlannedComponent res = r.ofKind(ComponentKind.RESISTOR).stream()
                    .filter(c -> anode.equals(r.netOf(c.ref() + ":2")) || anode.equals(r.netOf(c.ref() + ":1")))
                    .findFirst().orElseThrow(() -> new AssertionError("no resistor at " + led.ref() + "\n" + r.dump()));
            String driven = anode.equals(r.netOf(res.ref() + ":2")) ? r.netOf(res.ref() + ":1")
                    : r.netOf(res.ref() + ":2");
            String host = r.pinsOn(driven).stream().filter(p -> p.startsWith("U1:")).findFirst()
                    .orElseThrow(() -> new AssertionError("resistor of " + led.ref() + " not on a chip pin"));
            PartPin pin = chipPin(chip, host);
            assertThat(pin.can(PinFunction.RESET)).as(host + " is not RESET").isFalse();
            assertThat(pin.can(PinFunction.GPIO)).isTrue();
            ledPins.add(pin.number());
            assertThat(r.netOf(led.ref() + ":K")).isEqualTo("GND");
        }
        assertThat(ledPins).as("each LED on its own pin").hasSize(2);
        assertThat(r.plan().components()).as("no crystal without a reason")
                .noneMatch(c -> "crystal".equals(c.part()));
        assertThat(r.plan().rationale()).anySatisfy(w -> {
            assertThat(w.topic()).isEqualTo("programming");
            assertThat(w.text()).contains("MOSI PB0", "MISO PB1", "SCK PB2", "RESET PB5");
        });
        assertThat(r.plan().rationale()).anySatisfy(w -> assertThat(w.text()).contains("internal 8 MHz"));
    }

    @Test
    void atmega328pAt16MHzGetsACrystalWithTwo22pFCapacitorsToGround() {
        Part chip = part("atmega328p");
        Designs.Result r = valid(Designs.board("atmega328p").with("dht22").with("ssd1306-i2c-oled")
                .supply(Supply.Kind.USB, 5.0)
                .prompt("ATmega328P at 16 MHz reading a DHT22 and showing it on an SSD1306, 5 V"));
        DesignPlan.PlannedComponent crystal = r.byPart("crystal");
        String x1 = r.netOf(crystal.ref() + ":1");
        String x2 = r.netOf(crystal.ref() + ":2");
        assertThat(r.pinsOn(x1)).contains("U1:" + chip.pin("XTAL1").orElseThrow().name());
        assertThat(r.pinsOn(x2)).contains("U1:" + chip.pin("XTAL2").orElseThrow().name());
        for (String x : List.of(x1, x2)) {
            assertThat(across(r, ComponentKind.CAPACITOR, x, "GND")).as("22 pF on " + x + "\n" + r.dump())
                    .singleElement().satisfies(c -> assertThat(value(c)).isEqualTo(22e-12));
        }
        String vcc = r.netOf("U1:VCC");
        assertThat(r.netOf("U1:AVCC")).as("AVCC tied to VCC").isEqualTo(vcc);
        assertThat(r.netOf("U1:GND")).isEqualTo("GND");
        assertThat(r.netOf("U1:22")).as("the second GND pin").isEqualTo("GND");
        assertThat(across(r, ComponentKind.CAPACITOR, vcc, "GND")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(value(c)).isEqualTo(100e-9));
        assertThat(across(r, ComponentKind.RESISTOR, r.netOf("U1:PC6"), vcc)).singleElement()
                .satisfies(c -> assertThat(value(c)).isEqualTo(10_000));
        // the I2C display on the chip's TWI pins, the DHT22 on a free I/O pin, none on the crystal or RESET
        assertThat(r.netOf(r.byPart("ssd1306-i2c-oled").ref() + ":SDA")).isEqualTo(r.netOf("U1:PC4"));
        assertThat(r.netOf(r.byPart("ssd1306-i2c-oled").ref() + ":SCL")).isEqualTo(r.netOf("U1:PC5"));
        String data = r.netOf(r.byPart("dht22").ref() + ":DATA");
        assertThat(r.pinsOn(data)).anySatisfy(p -> {
            assertThat(p).startsWith("U1:");
            PartPin pin = chipPin(chip, p);
            assertThat(pin.can(PinFunction.RESET)).isFalse();
            assertThat(pin.answersTo("XTAL1") || pin.answersTo("XTAL2")).isFalse();
        });
    }

    @Test
    void withoutAFrequencyTheInternalOscillatorLeavesTheCrystalPinsFree() {
        Designs.Result r = valid(Designs.board("atmega328p").with("led-red", 1, PartRole.INDICATOR)
                .prompt("ATmega328P blinking an LED"));
        assertThat(r.plan().components()).noneMatch(c -> "crystal".equals(c.part()));
        assertThat(r.plan().rationale()).anySatisfy(w -> {
            assertThat(w.topic()).isEqualTo("clock");
            assertThat(w.text()).contains("internal 8 MHz");
        });
    }

    @Test
    void aLiIonCellFeedsTheChipDirectlyAndTooLowFor16MHzKeepsTheInternalOscillator() {
        Designs.Result r = valid(Designs.board("atmega328p").with("led-red", 1, PartRole.INDICATOR)
                .supply(Supply.Kind.LIION_CELL, 3.7).prompt("ATmega328P at 16 MHz with an LED from a Li-ion cell"));
        String vcc = r.netOf("U1:VCC");
        assertThat(r.plan().rails()).anySatisfy(rail -> {
            assertThat(rail.net()).isEqualTo(vcc);
            assertThat(rail.volts()).isBetween(3.0, 4.2);
        });
        assertThat(r.plan().components()).as("no regulator between the cell and the chip")
                .noneMatch(c -> c.part() != null && (c.part().startsWith("lm") || c.part().startsWith("ams")
                        || c.part().startsWith("mp1584") || c.part().startsWith("mt3608")));
        assertThat(r.plan().components()).noneMatch(c -> "crystal".equals(c.part()));
        assertThat(r.plan().notes()).anyMatch(n -> n.contains("16 MHz needs"));
    }

    @Test
    void threeAaCellsAre45VStraightIntoVccAndANineVoltBatteryGetsARegulator() {
        Designs.Result aa = valid(Designs.board("attiny85").with("led-red", 1, PartRole.INDICATOR)
                .supply(Supply.Kind.BATTERY, 4.5).prompt("ATtiny85 with an LED from 3 AA batteries"));
        assertThat(aa.plan().rails()).anySatisfy(rail -> {
            assertThat(rail.net()).isEqualTo(aa.netOf("U1:VCC"));
            assertThat(rail.volts()).isEqualTo(4.5);
        });
        Designs.Result nine = valid(Designs.board("attiny85").with("led-red", 1, PartRole.INDICATOR)
                .supply(Supply.Kind.BATTERY, 9.0).prompt("ATtiny85 with an LED from a 9 V battery"));
        assertThat(nine.plan().rails()).anySatisfy(rail -> {
            assertThat(rail.net()).isEqualTo(nine.netOf("U1:VCC"));
            assertThat(rail.volts()).isEqualTo(5.0);
        });
        assertThat(nine.plan().rails()).anySatisfy(rail -> assertThat(rail.volts()).isEqualTo(9.0));
    }

    @Test
    void moreLoadsThanAnAttiny85HasPinsIsRefusedWithAReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Designs.board("attiny85")
                        .with("led-red", 6, PartRole.INDICATOR).design())
                .isInstanceOf(dev.kirchhoff.agents.DesignException.class)
                .hasMessageContaining("attiny85 has no free pin");
    }

    /**
     * Every curated part the designer takes beside a board (the parts of {@link DesignSweepTest}), alone with each
     * bare chip, from USB: a circuit the validator passes or a refusal with a reason (out of pins, a split supply).
     */
    @Test
    void everyPartAloneWithEachBareChipValidatesOrIsRefusedWithAReason() {
        for (String chip : List.of("attiny85", "atmega328p")) {
            List<String> invalid = new java.util.ArrayList<>();
            int passed = 0;
            int refused = 0;
            int total = 0;
            List<String> reasons = new java.util.ArrayList<>();
            for (Part p : Designs.KB.parts()) {
                if (p.category() == dev.kirchhoff.knowledge.Category.BOARD
                        || p.category() == dev.kirchhoff.knowledge.Category.MAINS || p.id().equals(chip)) {
                    continue;
                }
                total++;
                try {
                    Designs.Result r = Designs.board(chip).with(p.id(), 1, PartRole.PERIPHERAL).design();
                    if (r.report().passed()) {
                        passed++;
                    } else {
                        invalid.add(chip + " + " + p.id() + ": " + r.report().findings().stream()
                                .filter(f -> f.severity() == dev.kirchhoff.validation.Severity.ERROR)
                                .map(f -> f.rule() + " " + f.message()).toList());
                    }
                } catch (dev.kirchhoff.agents.DesignException e) {
                    assertThat(e.reason()).as(chip + " + " + p.id() + ": " + e.getMessage())
                            .isEqualTo(dev.kirchhoff.agents.DesignException.Reason.REFUSED);
                    assertThat(e.suggestions()).as(e.getMessage()).isNotEmpty();
                    refused++;
                    reasons.add(p.id() + ": " + e.getMessage());
                }
            }
            reasons.forEach(m -> System.out.println("  refused " + chip + " + " + m));
            System.out.printf("bare %s sweep: %d designs, %d valid, %d refused%n", chip, total, passed, refused);
            assertThat(invalid).as(chip).isEmpty();
            assertThat(passed).as(chip).isGreaterThanOrEqualTo((int) (total * 0.85));
        }
    }

    @Test
    void aPinNamedAfterAPartGoesToThatPartNotToTheNextOne() {
        // the pin follows the LED's phrase and precedes the button's: it is the LED's
        Designs.Result r = valid(Designs.board("attiny85").with("led-red", 1, PartRole.INDICATOR, "red LED")
                .with("push-button", 1, PartRole.INPUT, "button").prompt("ATtiny85 with a red LED on PB4 and a button"));
        String led = r.ofKind(ComponentKind.LED).get(0).ref();
        String anode = r.netOf(led + ":A");
        DesignPlan.PlannedComponent series = r.ofKind(ComponentKind.RESISTOR).stream()
                .filter(c -> anode.equals(r.netOf(c.ref() + ":2"))).findFirst().orElseThrow();
        assertThat(r.pinsOn(r.netOf(series.ref() + ":1"))).as(r.dump()).contains("U1:PB4");
    }

    @Test
    void aPinWishFromTheIdentifyStageIsHonouredWithoutThePromptNamingThePin() {
        // what a model's identify stage hands over: the wish, with a prompt that only says it in words
        Designs.Result r = valid(Designs.board("arduino-uno-r3").with("led-red", 1, PartRole.INDICATOR, "LED")
                .with("push-button", 1, PartRole.INPUT, "button").wish("led-red", "9")
                .prompt("an LED on digital nine and a button"));
        String anode = r.netOf(r.ofKind(ComponentKind.LED).get(0).ref() + ":A");
        DesignPlan.PlannedComponent series = r.ofKind(ComponentKind.RESISTOR).stream()
                .filter(c -> anode.equals(r.netOf(c.ref() + ":2"))).findFirst().orElseThrow();
        assertThat(r.pinsOn(r.netOf(series.ref() + ":1"))).as(r.dump()).contains("U1:D9");
    }
}
