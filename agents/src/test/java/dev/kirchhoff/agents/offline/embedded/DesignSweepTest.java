package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every curated part, alone and in pairs, on each of seven boards: the designer either produces a circuit the
 * validator passes or refuses with a reason and suggestions (no free pin, a split supply). It never hands over a
 * circuit with errors. Guards the general problem, not a list of prompts.
 */
class DesignSweepTest {

    private static final List<String> BOARDS = List.of("arduino-uno-r3", "arduino-nano", "arduino-mega-2560",
            "esp32-devkit-v1", "esp32-c3-devkitm-1", "esp8266-nodemcu", "raspberry-pi-pico");

    @Test
    void everyPartOnEveryBoardValidatesOrIsRefusedWithAReason() {
        sweep(1, 0.97);
    }

    @Test
    void twoOfEveryPartOnEveryBoardValidatesOrIsRefusedWithAReason() {
        sweep(2, 0.94);
    }

    @Test
    void everyPartBesideAnOledAnLedAButtonAndADht22ValidatesOrIsRefusedWithAReason() {
        sweep(0, 0.95);
    }

    /** Quantity 0 stands for the crowded design: the part plus an OLED, an LED, a button and a DHT22. */
    private static void sweep(int quantity, double passShare) {
        List<String> invalid = new ArrayList<>();
        int passed = 0;
        int refused = 0;
        int total = 0;
        for (String board : BOARDS) {
            for (Part p : Designs.KB.parts()) {
                if (p.category() == Category.BOARD || p.category() == Category.MAINS) {
                    continue;
                }
                total++;
                try {
                    Designs d = quantity > 0 ? Designs.board(board).with(p.id(), quantity, PartRole.PERIPHERAL)
                            : Designs.board(board).with(p.id(), 1, PartRole.PERIPHERAL).with("ssd1306-i2c-oled")
                            .with("led-red", 1, PartRole.INDICATOR).with("push-button", 1, PartRole.INPUT)
                            .with("dht22");
                    Designs.Result r = d.design();
                    if (r.report().passed()) {
                        passed++;
                    } else {
                        invalid.add(board + " + " + quantity + "× " + p.id() + ": " + r.report().findings().stream()
                                .filter(f -> f.severity() == Severity.ERROR).map(Finding::rule).toList());
                    }
                } catch (DesignException e) {
                    assertThat(e.reason()).as(board + " + " + p.id() + ": " + e.getMessage())
                            .isEqualTo(DesignException.Reason.REFUSED);
                    assertThat(e.suggestions()).as(e.getMessage()).isNotEmpty();
                    refused++;
                }
            }
        }
        System.out.printf("sweep ×%d: %d designs, %d valid, %d refused%n", quantity, total, passed, refused);
        assertThat(invalid).isEmpty();
        assertThat(passed).isGreaterThanOrEqualTo((int) (total * passShare));
    }
}
