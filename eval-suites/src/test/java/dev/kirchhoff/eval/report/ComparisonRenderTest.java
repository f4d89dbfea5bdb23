package dev.kirchhoff.eval.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonRenderTest {

    private final Comparison c = Comparisons.of(
            Summaries.of(RunFixture.RUN, RunFixture.results(), RunFixture.malformed()), RunFixture.results(),
            Summaries.of(ComparisonsTest.RUN_B, ComparisonsTest.runB(), List.of()), ComparisonsTest.runB());

    @Test
    void markdownHasADeltaRowPerValueAndTheFlippedIds() {
        String md = ComparisonMarkdown.render(c);
        assertThat(md).startsWith("# Comparison: mmcircuiteval · openai:gpt-4o-mini vs mmcircuiteval ·"
                + " kirchhoff-agent\n");
        assertThat(md).contains("| Accuracy | 62.5 % (10/16) | 70.6 % (12/17) | +8.1 pp |\n");
        assertThat(md).contains("""
                | ability | A | B | Δ |
                |---|---:|---:|---:|
                | analysis | 75.0 % (3/4) | 80.0 % (4/5) | +5.0 pp |
                | design | 66.7 % (2/3) | 66.7 % (2/3) | 0.0 pp |
                | knowledge | 50.0 % (2/4) | 75.0 % (3/4) | +25.0 pp |
                | reasoning | 75.0 % (3/4) | 75.0 % (3/4) | 0.0 pp |
                | (none) | 0.0 % (0/1) | 0.0 % (0/1) | 0.0 pp |
                """);
        assertThat(md).contains("| easy | 66.7 % (4/6) | 50.0 % (3/6) | -16.7 pp |\n");
        assertThat(md).contains("| design | – | – | n/a |\n");
        assertThat(md).contains("## Flipped wrong → right (2)\n\nq04, q07\n");
        assertThat(md).contains("## Flipped right → wrong (1)\n\nq01\n");
        assertThat(md).contains("## Only in A (1)\n\nq22\n");
        assertThat(md).contains("## Only in B (1)\n\nq23\n");
        assertThat(md).contains("> **Warning:** The runs hold different items (1 only in A, 1 only in B)");
    }

    @Test
    void htmlHasAGroupedChartPerBreakdownWithBarsForBothRuns() throws Exception {
        String html = ComparisonHtml.render(c);
        XmlPage page = XmlPage.parse(html);
        assertThat(page.all("svg")).extracting(s -> s.getAttribute("data-breakdown"))
                .containsExactly("overall", "ability", "difficulty", "type", "domain", "level", "split");
        Element analysis = XmlPage.row(page.chart("ability"), "analysis");
        assertThat(XmlPage.width(analysis, "track")).isEqualTo(400.0);
        assertThat(XmlPage.width(analysis, "bar")).isEqualTo(300.0);     // A 3/4
        assertThat(XmlPage.width(analysis, "bar-b")).isEqualTo(320.0);   // B 4/5
        assertThat(XmlPage.all(analysis, "text")).extracting(Node::getTextContent)
                .containsExactly("analysis", "A 75.0 % (3/4)", "B 80.0 % (4/5) · +5.0 pp");
        Element typeDesign = XmlPage.row(page.chart("type"), "design");
        assertThat(XmlPage.rect(typeDesign, "bar")).isEmpty();
        assertThat(XmlPage.rect(typeDesign, "bar-b")).isEmpty();
        assertThat(page.all("p").stream().filter(p -> p.getAttribute("class").equals("warning"))).hasSize(2);
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        assertThat(page.all("td")).extracting(Node::getTextContent).containsSubsequence("knowledge",
                "50.0 % (2/4)", "75.0 % (3/4)", "+25.0 pp");
    }
}
