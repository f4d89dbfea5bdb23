package dev.kirchhoff.agents.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.validation.Rules;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.kirchhoff.agents.suite.Designs.KB;
import static org.assertj.core.api.Assertions.assertThat;

/** The team's design suite file itself: big enough, varied, and naming only parts and rules that exist. */
class DesignSuiteFileTest {

    @Test
    void loadsWithAtLeastEightyItemsAndUniqueIds() {
        DesignSuite suite = DesignSuite.load(SuitePaths.suiteFile(), KB);
        assertThat(suite.items()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(suite.items().stream().map(SuiteItem::id).distinct().count()).isEqualTo(suite.items().size());
        for (SuiteItem item : suite.items()) {
            assertThat(item.expectations()).as(item.id()).isNotEmpty();
            assertThat(item.expectations()).as(item.id() + " checks more than validation")
                    .anyMatch(e -> !(e instanceof Expectation.NoErrors));
        }
    }

    @Test
    void coversEveryDifficultyAndDomainAndTheBoards() {
        DesignSuite suite = DesignSuite.load(SuitePaths.suiteFile(), KB);
        for (SuiteItem.Difficulty d : SuiteItem.Difficulty.values()) {
            assertThat(suite.items().stream().filter(i -> i.difficulty() == d).count()).as(d.key()).isGreaterThanOrEqualTo(10);
        }
        for (SuiteItem.Domain d : SuiteItem.Domain.values()) {
            assertThat(suite.items().stream().filter(i -> i.domain() == d).count()).as(d.key()).isGreaterThanOrEqualTo(5);
        }
        String all = String.join("\n", suite.items().stream().map(i -> i.expectations().toString()).toList());
        for (String board : List.of("arduino-uno-r3", "arduino-nano", "arduino-mega-2560", "esp32-devkit-v1",
                "esp32-c3-devkitm-1", "esp8266-nodemcu", "raspberry-pi-pico", "raspberry-pi-pico-w")) {
            assertThat(all).as(board).contains(board);
        }
    }

    @Test
    void everyPartIdAndRuleIdExists() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> selectors = new HashSet<>();
        Set<String> rules = new HashSet<>();
        List<String> lines = Files.readAllLines(SuitePaths.suiteFile());
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode expect = json.readTree(line).path("expect");
            expect.path("parts").forEach(p -> selectors.add(p.isTextual() ? p.asText() : p.path("id").asText()));
            expect.path("anyOf").forEach(g -> (g.isArray() ? g : g.path("of")).forEach(s -> selectors.add(s.asText())));
            collectPins(expect, selectors);
            expect.path("absentFindings").forEach(r -> rules.add(r.asText()));
        }
        List<String> unknown = new ArrayList<>();
        for (String s : selectors) {
            if (!Selector.KINDS.contains(s) && KB.part(s).isEmpty()) {
                unknown.add(s);
            }
        }
        assertThat(unknown).as("selectors that are neither kinds nor knowledge-base ids").isEmpty();
        assertThat(selectors).contains("bme280-module", "lm358", "ne555", "lm7805", "tp4056-module");
        assertThat(rules).isNotEmpty().allSatisfy(r -> assertThat(Rules.byId(r)).as(r).isNotNull());
    }

    /** Every {@code SELECTOR:PIN} string anywhere in the expectations, by its selector. */
    private static void collectPins(JsonNode node, Set<String> selectors) {
        if (node.isTextual() && node.asText().contains(":")) {
            selectors.add(node.asText().substring(0, node.asText().indexOf(':')));
        }
        node.forEach(child -> collectPins(child, selectors));
    }

    @Test
    void promptsAreWrittenVariously() {
        DesignSuite suite = DesignSuite.load(SuitePaths.suiteFile(), KB);
        List<String> prompts = suite.items().stream().map(SuiteItem::prompt).toList();
        assertThat(prompts.stream().filter(p -> p.contains("?")).count()).as("questions").isGreaterThanOrEqualTo(5);
        assertThat(prompts.stream().filter(p -> p.length() > 120).count()).as("long specs").isGreaterThanOrEqualTo(3);
        assertThat(suite.items().stream().filter(i -> i.tags().contains("typo")).count()).as("typos").isGreaterThanOrEqualTo(3);
        assertThat(suite.items().stream().filter(i -> i.tags().contains("terse")).count()).as("terse").isGreaterThanOrEqualTo(5);
    }
}
