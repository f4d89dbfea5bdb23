package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import dev.kirchhoff.validation.simulation.NgspiceRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The CircuitSense fixtures are what their README says: numeric references are ngspice's values for their decks. */
class CircuitSenseFixtureTest {

    private static final Pattern PRINTED = Pattern.compile("^[vi]\\([^)]*\\)\\s*=\\s*(\\S+)", Pattern.MULTILINE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Test
    void everyNumericReferenceIsWhatNgspicePrintsForTheItemsDeck() throws IOException, NgspiceException {
        Ngspice ngspice;
        try {
            ngspice = Ngspice.locate();
        } catch (NgspiceException e) {
            assumeTrue(false, "ngspice is not installed: " + e.getMessage());
            return;
        }
        List<EvalItem> numeric = items().stream().filter(i -> i.type() == QuestionType.NUMERIC).toList();
        assertThat(numeric).hasSize(3);
        for (EvalItem item : numeric) {
            NgspiceRun run = ngspice.run(item.netlist());
            Matcher m = PRINTED.matcher(run.stdout());
            assertThat(m.find()).as("%s prints its measurement:%n%s", item.id(), run.stdout()).isTrue();
            double simulated = Double.parseDouble(m.group(1));
            double reference = Double.parseDouble(item.reference().split(" ")[0]);
            assertThat(reference).as(item.id()).isCloseTo(simulated, withinPercentage(1e-4));
        }
    }

    @Test
    void everySymbolInASymbolicReferenceIsAnElementOfItsNetlist() throws IOException {
        List<EvalItem> symbolic = items().stream().filter(i -> i.type() == QuestionType.SYMBOLIC).toList();
        assertThat(symbolic).hasSize(10);
        for (EvalItem item : symbolic) {
            Set<String> elements = item.netlist().lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("*") && !l.startsWith("."))
                    .map(l -> l.split("\\s+")[0]).collect(Collectors.toSet());
            Set<String> symbols = new TreeSet<>();
            Matcher m = IDENTIFIER.matcher(item.reference());
            while (m.find()) {
                symbols.add(m.group());
            }
            symbols.remove("s");
            assertThat(elements).as(item.id()).containsAll(symbols);
            String output = item.question().replaceAll("(?s).*from V1 to (\\w+)\\..*", "$1");
            assertThat(elements).as(item.id() + " names its output element").contains(output, "V1");
        }
    }

    private static List<EvalItem> items() throws IOException {
        return new CircuitSenseLoader().load(Fixtures.path("circuitsense")).items();
    }
}
