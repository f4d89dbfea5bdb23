package dev.kirchhoff.agents.llm.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.KnowledgeBaseRetriever;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.offline.OfflineReasoner;
import dev.kirchhoff.agents.offline.analog.AnalogDesigner;
import dev.kirchhoff.agents.offline.embedded.EmbeddedDesigner;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinRef;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LlmReasonerTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final Validator VALIDATOR = Validator.bundled();
    private static final OfflineReasoner SOLVER = new OfflineReasoner(new EmbeddedDesigner(KB), new AnalogDesigner(KB));
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Requirements ESP_BME = new Requirements("ESP32 reading a BME280 over I2C", List.of(
            PartRequest.of("esp32-devkit-v1", 1, "ESP32", PartRole.BOARD),
            PartRequest.of("bme280-module", 1, "BME280", PartRole.PERIPHERAL)),
            Supply.unspecified(), List.of(), Set.of(), null, List.of(), List.of());
    static final String ESP_BME_COMPONENTS = """
            {"title":"ESP32 with a BME280 on I2C",
             "components":[{"ref":"U1","kind":"PART","part":"esp32-devkit-v1","value":"","purpose":"the board"},
                           {"ref":"U2","kind":"PART","part":"bme280-module","value":"","purpose":"the sensor"}],
             "rails":[{"net":"3V3","volts":3.3,"source":"U1:3V3"}],"computations":[],
             "rationale":[{"topic":"I2C","text":"the module carries its pull-ups","facts":["bme280-module: pull-ups"]}],
             "notes":[]}""";
    static final String ESP_BME_WIRING = """
            {"nets":[{"name":"GND","pins":["U1:GND","U2:GND"]},{"name":"3V3","pins":["U1:3V3","U2:VIN"]},
                     {"name":"SDA","pins":["U1:GPIO21","U2:SDA"]},{"name":"SCL","pins":["U1:GPIO22","U2:SCL"]}],
             "assignments":[{"signal":"I2C SDA","hostPin":"U1:GPIO21","devicePin":"U2:SDA","reason":"default SDA"},
                            {"signal":"I2C SCL","hostPin":"U1:GPIO22","devicePin":"U2:SCL","reason":"default SCL"}]}""";

    private static final Requirements UNO_LED = new Requirements("blink an LED on an Arduino Uno", List.of(
            PartRequest.of("arduino-uno-r3", 1, "Arduino Uno", PartRole.BOARD),
            PartRequest.of("led-red", 1, "LED", PartRole.INDICATOR)),
            Supply.unspecified(), List.of(), Set.of(), null, List.of(), List.of());
    private static final String UNO_LED_COMPONENTS = """
            {"title":"LED on an Uno",
             "components":[{"ref":"U1","kind":"PART","part":"arduino-uno-r3","value":"","purpose":"the board"},
                           {"ref":"D1","kind":"LED","part":"led-red","value":"","purpose":"the LED"},
                           {"ref":"R1","kind":"RESISTOR","part":"none","value":"330","purpose":"limits the LED current"}],
             "rails":[],"computations":[{"ref":"R1","quantity":"resistance","formula":"R = (5 V - 2 V) / 10 mA",
               "exact":300,"chosen":330,"series":"E12","result":"9.1 mA"}],"rationale":[],"notes":[]}""";
    private static final String UNO_LED_WIRING = """
            {"nets":[{"name":"LED1","pins":["U1:D13","R1:1"]},{"name":"LED1_A","pins":["R1:2","D1:A"]},
                     {"name":"GND","pins":["D1:K","U1:GND"]}],
             "assignments":[{"signal":"LED","hostPin":"U1:D13","devicePin":"R1:1","reason":"the pin asked for"}]}""";

    private static LlmReasoner reasoner(ScriptedChatModel model) {
        return new LlmReasoner(KB, null, new LlmClient(model, "scripted:test"), SOLVER, VALIDATOR);
    }

    private static Pinouts pinouts(Requirements r) {
        return new KnowledgeBaseRetriever(KB).retrieve(r);
    }

    private static List<String> wiringPinEnum(ChatRequest wiring) {
        JsonNode schema = ScriptedChatModel.schema(wiring);
        return ScriptedChatModel.enumValues(schema.path("properties").path("nets").path("items").path("properties")
                .path("pins").path("items"));
    }

    @Test
    void theWiringSchemaEnumeratesEveryRealPinOfTheChosenPartsAndNoOther() {
        ScriptedChatModel model = new ScriptedChatModel(true)
                .answer(Prompts.COMPONENTS, ESP_BME_COMPONENTS).answer(Prompts.WIRING, ESP_BME_WIRING);
        reasoner(model).reason(ESP_BME, pinouts(ESP_BME), Feedback.none());

        List<String> pins = wiringPinEnum(model.requests(Prompts.WIRING).get(0));
        assertThat(pins).contains("U1:GPIO21", "U1:GPIO22", "U1:3V3", "U1:GND", "U1:GND.1", "U2:SDA", "U2:SCL",
                        "U2:VIN", "U2:CSB", "U2:SDO")
                .doesNotContain("U2:INT", "U1:GPIO6", "U2:MOSI", "U1:21")   // no such pin; aliases not repeated
                .doesNotHaveDuplicates();
        List<String> parts = ScriptedChatModel.enumValues(ScriptedChatModel.schema(model.requests(Prompts.COMPONENTS)
                .get(0)).path("properties").path("components").path("items").path("properties").path("part"));
        // the retrieved parts first, then the supporting parts by category, "none" last; no unrelated module
        assertThat(parts).startsWith("esp32-devkit-v1", "bme280-module").endsWith("none")
                .contains("resistor", "capacitor-electrolytic", "led-red", "irlz44n", "2n2222", "1n4007",
                        "lm2596-buck-module", "dc-power-adapter-12v", "ac-mains-source", "bridge-rectifier", "lm358")
                .doesNotContain("ssd1306-i2c-oled", "dht22", "arduino-uno-r3", "ws2812b-strip")
                .doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(LlmReasoner.MAX_PART_IDS + 1);
        List<String> kinds = ScriptedChatModel.enumValues(ScriptedChatModel.schema(model.requests(Prompts.COMPONENTS)
                .get(0)).path("properties").path("components").path("items").path("properties").path("kind"));
        assertThat(kinds).contains("PART", "RESISTOR", "LED", "MOSFET", "VOLTAGE_SOURCE", "CURRENT_SOURCE");
        String system = ScriptedChatModel.system(model.requests(Prompts.COMPONENTS).get(0));
        assertThat(system).startsWith("prompt: design/components.v2")
                .containsPattern("(?m)^  power: .*dc-power-adapter-12v.*lm2596-buck-module")
                .containsPattern("(?m)^  light: led-bar-graph-10, led-blue");
    }

    @Test
    void theSolversSupportingPartsAreEnumeratedForA12VoltFan() {
        // nobody named the adapter or the MOSFET: the solver adds them, and the model must be able to name them
        Requirements fan = new Requirements("ESP32 switching a 12 V fan with a MOSFET", List.of(
                PartRequest.of("esp32-devkit-v1", 1, "ESP32", PartRole.BOARD),
                PartRequest.of("fan-12v", 1, "12 V fan", PartRole.LOAD)),
                Supply.unspecified(), List.of(), Set.of(), null, List.of(), List.of());
        Pinouts pinouts = pinouts(fan);
        DesignPlan proposal = SOLVER.reason(fan, pinouts, Feedback.none());
        List<String> proposed = proposal.components().stream().map(DesignPlan.PlannedComponent::part)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(proposed).contains("dc-power-adapter-12v");

        List<String> ids = LlmReasoner.partEnum(KB, pinouts, proposal);
        assertThat(ids).startsWith("esp32-devkit-v1", "fan-12v").contains("dc-power-adapter-12v")
                .containsAll(proposed).endsWith("none").hasSizeLessThanOrEqualTo(LlmReasoner.MAX_PART_IDS + 1);
        // a solver part outside the supporting categories is enumerated too, right after the retrieved ones
        DesignPlan withMux = proposal.toBuilder().part("U9", "tca9548a-module", "I2C multiplexer").build();
        assertThat(LlmReasoner.partEnum(KB, pinouts, withMux)).contains("tca9548a-module")
                .doesNotContain("pcf8574-module");
        assertThat(LlmReasoner.partEnum(KB, pinouts, null)).startsWith("esp32-devkit-v1", "fan-12v")
                .contains("dc-power-adapter-12v", "irlz44n");
    }

    @Test
    void aNamedPartLeftOutIsKeptAsAPlanNoteWithTheModelsReason() {
        String withoutSensor = """
                {"title":"ESP32 alone",
                 "components":[{"ref":"U1","kind":"PART","part":"esp32-devkit-v1","value":"","purpose":"the board"}],
                 "rails":[],"computations":[],"rationale":[],
                 "notes":["bme280-module left out: the board's internal sensor is enough"]}""";
        String wiring = """
                {"nets":[{"name":"SDA","pins":["U1:GPIO21","U1:GPIO22"]}],"assignments":[]}""";
        ScriptedChatModel model = new ScriptedChatModel(true)
                .answer(Prompts.COMPONENTS, withoutSensor).answer(Prompts.WIRING, wiring);
        DesignPlan plan = reasoner(model).reason(ESP_BME, pinouts(ESP_BME), Feedback.none());

        assertThat(model.requests(Prompts.COMPONENTS)).hasSize(1);   // not sent back
        assertThat(plan.notes()).contains("asked for bme280-module, not placed: bme280-module left out: the board's "
                + "internal sensor is enough");

        ScriptedChatModel silent = new ScriptedChatModel(true)
                .answer(Prompts.COMPONENTS, withoutSensor.replace("bme280-module left out: the board's internal "
                        + "sensor is enough", "assumed 3.3 V logic")).answer(Prompts.WIRING, wiring);
        assertThat(reasoner(silent).reason(ESP_BME, pinouts(ESP_BME), Feedback.none()).notes())
                .contains("asked for bme280-module, not placed: no reason given");
    }

    @Test
    void onlyNamedPartsAreNotedAndADefaultBoardMayBeLeftOut() {
        Requirements amp = new Requirements("LM386 amplifier", List.of(
                new PartRequest("arduino-uno-r3", 1, "default board", PartRole.BOARD, true),
                PartRequest.of("lm386", 2, "LM386", PartRole.PERIPHERAL)),
                Supply.unspecified(), List.of(), Set.of(), null, List.of(), List.of());
        JsonNode answer = json("""
                {"components":[{"ref":"U1","kind":"PART","part":"lm386","value":"","purpose":"amplifier"}],
                 "notes":[]}""");
        assertThat(LlmReasoner.notPlaced(answer, pinouts(amp)))
                .containsExactly("asked for 2× lm386, placed 1: no reason given");
        assertThat(LlmReasoner.componentProblems(answer, pinouts(amp))).isEmpty();
    }

    @Test
    void aCorrectlyWiredAnswerBecomesAPlanTheSynthesizerAcceptsAndTheValidatorPasses() {
        ScriptedChatModel model = new ScriptedChatModel(true)
                .answer(Prompts.COMPONENTS, ESP_BME_COMPONENTS).answer(Prompts.WIRING, ESP_BME_WIRING);
        DesignPlan plan = reasoner(model).reason(ESP_BME, pinouts(ESP_BME), Feedback.none());

        assertThat(plan.net("SDA")).get().satisfies(n -> assertThat(n.pins())
                .containsExactlyInAnyOrder("U1:GPIO21", "U2:SDA"));
        assertThat(plan.assignments()).extracting(DesignPlan.PinAssignment::hostPin)
                .containsExactly("U1:GPIO21", "U1:GPIO22");
        assertThat(plan.rationale()).singleElement().satisfies(r -> assertThat(r.facts())
                .containsExactly("bme280-module: pull-ups"));
        Circuit circuit = new PlanSynthesizer(KB).synthesize(plan);
        assertThat(circuit.netOf(new PinRef("U1", "D21"))).contains("SDA");   // GPIO21 is header pin D21
        assertThat(circuit.netOf(new PinRef("U2", "4"))).contains("SDA");
        assertThat(circuit.netOf(new PinRef("U2", "1"))).contains("3V3");     // VIN
        ValidationReport report = VALIDATOR.validate(circuit, plan.title());
        assertThat(report.passed()).as(report.text()).isTrue();
    }

    @Test
    void anLedOnAnUnoIsWiredThroughItsResistorAndPasses() {
        ScriptedChatModel model = new ScriptedChatModel(true)
                .answer(Prompts.COMPONENTS, UNO_LED_COMPONENTS).answer(Prompts.WIRING, UNO_LED_WIRING);
        DesignPlan plan = reasoner(model).reason(UNO_LED, pinouts(UNO_LED), Feedback.none());

        List<String> pins = wiringPinEnum(model.requests(Prompts.WIRING).get(0));
        assertThat(pins).contains("U1:D13", "U1:SDA", "D1:A", "D1:K", "R1:1", "R1:2")
                .doesNotContain("D1:G", "R1:3", "D1:1");
        assertThat(plan.component("D1")).get().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ComponentKind.LED);
            assertThat(c.part()).isEqualTo("led-red");
        });
        assertThat(plan.component("R1")).get().satisfies(c -> assertThat(c.value()).isEqualTo("330"));
        assertThat(plan.computations()).singleElement().satisfies(c -> assertThat(c.chosen()).isEqualTo(330));
        Circuit circuit = new PlanSynthesizer(KB).synthesize(plan);
        assertThat(circuit.netOf(new PinRef("U1", "13"))).contains("LED1");
        assertThat(circuit.netOf(new PinRef("D1", "2"))).contains("LED1_A");  // anode
        ValidationReport report = VALIDATOR.validate(circuit, plan.title());
        assertThat(report.passed()).as(report.text()).isTrue();
    }

    @Test
    void aPinOnTwoNetsIsSentBackAndTheCorrectedWiringUsed() {
        String twoNets = ESP_BME_WIRING.replace("\"U1:GPIO22\",\"U2:SCL\"", "\"U1:GPIO22\",\"U2:SCL\",\"U2:SDA\"");
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.COMPONENTS, ESP_BME_COMPONENTS)
                .answer(Prompts.WIRING, twoNets).answer(Prompts.WIRING, ESP_BME_WIRING);
        DesignPlan plan = reasoner(model).reason(ESP_BME, pinouts(ESP_BME), Feedback.none());

        List<ChatRequest> wiring = model.requests(Prompts.WIRING);
        assertThat(wiring).hasSize(2);
        assertThat(ScriptedChatModel.lastUser(wiring.get(1))).contains("U2:SDA is on two nets, SDA and SCL");
        assertThat(plan.net("SCL")).get().satisfies(n -> assertThat(n.pins())
                .containsExactlyInAnyOrder("U1:GPIO22", "U2:SCL"));
    }

    @Test
    void theCheckCatchesAnUnknownPinAnAliasOnTwoNetsAOnePinNetAndAnUnconnectedPart() {
        List<DesignPlan.PlannedComponent> comps = List.of(
                new DesignPlan.PlannedComponent("U1", ComponentKind.PART, "esp32-devkit-v1", null, null, ""),
                new DesignPlan.PlannedComponent("U2", ComponentKind.PART, "bme280-module", null, null, ""),
                new DesignPlan.PlannedComponent("R1", ComponentKind.RESISTOR, null, "4.7k", null, ""));
        PinCatalog catalog = PinCatalog.of(KB, comps);
        JsonNode answer = json("""
                {"nets":[{"name":"SDA","pins":["U1:GPIO21","U2:SDA","U2:INT"]},
                         {"name":"BUS","pins":["U1:21"]},
                         {"name":"GND","pins":["U1:GND","U2:GND"]}],"assignments":[]}""");
        assertThat(LlmReasoner.wiringProblems(answer, catalog, comps)).containsExactlyInAnyOrder(
                "nets: SDA: there is no pin U2:INT; pins of U2: U2:VIN, U2:GND, U2:SCL, U2:SDA, U2:CSB, U2:SDO",
                "nets: U1:21 is on two nets, SDA and BUS; a pin belongs to one net: merge the nets or move the pin",
                "nets: BUS has only one pin (U1:GPIO21); connect another pin to it or drop the net",
                "nets: R1 is on no net; connect its pins (R1:1, R1:2)");
    }

    @Test
    void aOnePinNetIsAcceptedOnlyWhenNamedLikeAPortForATerminalWiredFromOutside() {
        // the solver's 0–25 V voltmeter: VIN is the divider's top, wired by the user to what is measured
        List<DesignPlan.PlannedComponent> comps = List.of(
                new DesignPlan.PlannedComponent("U1", ComponentKind.PART, "arduino-uno-r3", null, null, ""),
                new DesignPlan.PlannedComponent("R1", ComponentKind.RESISTOR, null, "47k", null, "divider top"),
                new DesignPlan.PlannedComponent("R2", ComponentKind.RESISTOR, null, "10k", null, "divider bottom"));
        PinCatalog catalog = PinCatalog.of(KB, comps);
        JsonNode answer = json("""
                {"nets":[{"name":"GND","pins":["U1:GND","R2:2"]},{"name":"VIN","pins":["R1:1"]},
                         {"name":"VIN_SENSE","pins":["R1:2","R2:1","U1:A0"]},{"name":"OUT","pins":["U1:D3"]}],
                 "assignments":[]}""");
        assertThat(LlmReasoner.wiringProblems(answer, catalog, comps)).isEmpty();

        JsonNode notAPort = json("""
                {"nets":[{"name":"GND","pins":["U1:GND","R2:2"]},{"name":"TOP","pins":["R1:1"]},
                         {"name":"VIN_SENSE","pins":["R1:2","R2:1","U1:A0"]},{"name":"BUTTON","pins":["U1:A1"]}],
                 "assignments":[]}""");
        assertThat(LlmReasoner.wiringProblems(notAPort, catalog, comps)).containsExactly(
                "nets: TOP has only one pin (R1:1); connect another pin to it or drop the net",
                "nets: BUTTON has only one pin (U1:A1); connect another pin to it or drop the net");
    }

    @Test
    void theComponentCheckWantsUniqueRefsPartIdsAndReadableValues() {
        JsonNode answer = json("""
                {"components":[{"ref":"U1","kind":"PART","part":"esp32-devkit-v1","value":"","purpose":""},
                               {"ref":"U1","kind":"RESISTOR","part":"none","value":"four k","purpose":""},
                               {"ref":"9x","kind":"PART","part":"none","value":"","purpose":""}]}""");
        assertThat(LlmReasoner.componentProblems(answer, pinouts(ESP_BME))).containsExactlyInAnyOrder(
                "components: ref U1 is used twice; give each component its own ref",
                "components: U1 (resistor) needs a numeric value such as 4.7k or 100n, not 'four k'",
                "components: ref '9x' must be a letter followed by letters, digits or _ (R1, U2)",
                "components: 9x has kind PART but no part id; name one of the listed parts or use a primitive kind");
        // bme280-module is not placed: that is a plan note, not a problem sent back
        assertThat(LlmReasoner.notPlaced(answer, pinouts(ESP_BME)))
                .containsExactly("asked for bme280-module, not placed: no reason given");
    }

    @Test
    void withoutSchemaSupportAnInventedPinIsCaughtAndNeverReachesThePlan() {
        String invented = ESP_BME_WIRING.replace("\"U1:GPIO22\",\"U2:SCL\"", "\"U1:GPIO22\",\"U2:SCL\",\"U2:INT\"");
        ScriptedChatModel model = new ScriptedChatModel(false).answer(Prompts.COMPONENTS, ESP_BME_COMPONENTS)
                .answer(Prompts.WIRING, invented).answer(Prompts.WIRING, ESP_BME_WIRING);
        DesignPlan plan = reasoner(model).reason(ESP_BME, pinouts(ESP_BME), Feedback.none());

        assertThat(ScriptedChatModel.lastUser(model.requests(Prompts.WIRING).get(1))).contains("cannot be used");
        assertThat(plan.nets()).flatExtracting(DesignPlan.PlannedNet::pins).doesNotContain("U2:INT");
    }

    @Test
    void theAssignPinsToolReturnsTheOfflineSolversPinMap() {
        ScriptedChatModel model = new ScriptedChatModel(true)
                .toolCall(Prompts.COMPONENTS, "assign_pins", "{}")
                .answer(Prompts.COMPONENTS, ESP_BME_COMPONENTS).answer(Prompts.WIRING, ESP_BME_WIRING);
        reasoner(model).reason(ESP_BME, pinouts(ESP_BME), Feedback.none());

        List<String> results = ScriptedChatModel.toolResults(model.requests(Prompts.COMPONENTS).get(1));
        assertThat(results).singleElement().satisfies(t -> assertThat(t)
                .contains("SDA: U1:GPIO21 U2:SDA")
                .contains("I2C SDA: U1:GPIO21 -> U2:SDA"));
    }

    @Test
    void aRepairRoundPutsTheFindingsRuleIdAndFixIntoBothRequests() {
        // a real finding: the LED without its series resistor
        DesignPlan bare = DesignPlan.builder("bare LED")
                .part("U1", "arduino-uno-r3", "the board")
                .component("D1", ComponentKind.LED, "led-red", null, "the LED")
                .connect("LED1", "U1:D13", "D1:A").connect("GND", "D1:K", "U1:GND").build();
        ValidationReport report = VALIDATOR.validate(new PlanSynthesizer(KB).synthesize(bare), "bare LED");
        List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertThat(errors).as(report.text()).isNotEmpty();
        Finding finding = errors.get(0);

        ScriptedChatModel model = new ScriptedChatModel(true)
                .answer(Prompts.COMPONENTS, UNO_LED_COMPONENTS).answer(Prompts.WIRING, UNO_LED_WIRING);
        reasoner(model).reason(UNO_LED, pinouts(UNO_LED), new Feedback(1, bare, errors));

        String components = ScriptedChatModel.lastUser(model.requests(Prompts.COMPONENTS).get(0));
        assertThat(components).contains("Repair round 1").contains(finding.rule()).contains(finding.fix())
                .contains("LED1: U1:D13 D1:A");   // the previous plan, compactly
        assertThat(ScriptedChatModel.lastUser(model.requests(Prompts.WIRING).get(0))).contains(finding.rule())
                .contains("Answer with the corrected wiring");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
