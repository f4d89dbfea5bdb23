package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private final Summary summary = Summaries.of(RunFixture.RUN, RunFixture.results(), RunFixture.malformed());
    private final String html = HtmlReport.render(summary, RunFixture.results());

    @Test
    void parsesAsXmlWithOneChartPerBreakdownPresentPlusTheStatusChart() throws Exception {
        XmlPage page = XmlPage.parse(html);
        assertThat(page.all("svg")).extracting(s -> s.getAttribute("data-breakdown"))
                .containsExactly("status", "ability", "difficulty", "type", "domain", "level", "split");
        assertThat(page.all("h1")).singleElement().extracting(Node::getTextContent)
                .isEqualTo("mmcircuiteval · openai:gpt-4o-mini");
        assertThat(page.all("title").get(0).getTextContent()).isEqualTo("mmcircuiteval · openai:gpt-4o-mini");
    }

    @Test
    void aThreeOfFourGroupsBarIsSeventyFivePercentOfTheAxis() throws Exception {
        Element ability = XmlPage.parse(html).chart("ability");
        Element analysis = XmlPage.row(ability, "analysis");
        double axis = XmlPage.width(analysis, "track");
        assertThat(axis).isEqualTo(400.0);
        assertThat(XmlPage.width(analysis, "bar")).isEqualTo(300.0);
        assertThat(XmlPage.width(analysis, "bar") / axis).isEqualTo(0.75);
        assertThat(XmlPage.all(analysis, "text")).extracting(Node::getTextContent)
                .containsExactly("analysis", "75.0 % · 3/4 scored · n=5");
        // 2 of 3 → 266.67 (two decimals), 0 of 1 → an empty bar, 0 scored → no bar at all
        assertThat(XmlPage.width(XmlPage.row(ability, "design"), "bar")).isEqualTo(266.67);
        assertThat(XmlPage.width(XmlPage.row(ability, "(none)"), "bar")).isEqualTo(0.0);
        Element typeDesign = XmlPage.row(XmlPage.parse(html).chart("type"), "design");
        assertThat(XmlPage.rect(typeDesign, "bar")).isEmpty();
        assertThat(XmlPage.all(typeDesign, "text").get(1).getTextContent()).isEqualTo("n/a · 0/0 scored · n=1");
    }

    @Test
    void axisIsLabelledZeroToHundredPercent() throws Exception {
        Element level = XmlPage.parse(html).chart("level");
        assertThat(XmlPage.all(level, "text").stream().filter(t -> t.getAttribute("class").equals("tick")))
                .extracting(Node::getTextContent).containsExactly("0 %", "25 %", "50 %", "75 %", "100 %");
        assertThat(XmlPage.all(level, "g")).extracting(g -> g.getAttribute("data-label"))
                .containsExactly("1", "2", "3");
    }

    @Test
    void statusChartCountsCorrectWrongSkippedAndFailedItemsOverAllItems() throws Exception {
        Element status = XmlPage.parse(html).chart("status");
        assertThat(XmlPage.width(XmlPage.row(status, "scored correct"), "status-correct")).isEqualTo(181.82); // 10/22
        assertThat(XmlPage.width(XmlPage.row(status, "scored wrong"), "status-wrong")).isEqualTo(109.09);     // 6/22
        assertThat(XmlPage.width(XmlPage.row(status, "skipped"), "status-skipped")).isEqualTo(54.55);         // 3/22
        assertThat(XmlPage.width(XmlPage.row(status, "error"), "status-error")).isEqualTo(54.55);             // 3/22
    }

    @Test
    void nothingIsLoadedFromOutsideThePage() throws Exception {
        XmlPage page = XmlPage.parse(html);
        List<String> links = new ArrayList<>();
        NodeList everything = page.doc.getElementsByTagName("*");
        for (int i = 0; i < everything.getLength(); i++) {
            Element e = (Element) everything.item(i);
            for (String attr : List.of("src", "href", "xlink:href", "srcset", "action")) {
                if (e.hasAttribute(attr)) {
                    links.add(e.getTagName() + " " + attr + "=" + e.getAttribute(attr));
                }
            }
        }
        assertThat(links).isEmpty();
        for (String tag : List.of("script", "link", "img", "iframe", "object", "embed", "image", "use")) {
            assertThat(page.all(tag)).as(tag).isEmpty();
        }
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("url(")
                .doesNotContain("@import");
    }

    @Test
    void aResponseHoldingAScriptTagIsShownAsText() throws Exception {
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; The gain is 20 dB &amp; falls.");
        assertThat(html).doesNotContain("<script");
        XmlPage page = XmlPage.parse(html);
        Element q09 = page.all("tr").stream()
                .filter(tr -> tr.getElementsByTagName("td").getLength() > 0
                        && tr.getElementsByTagName("td").item(0).getTextContent().equals("q09"))
                .findFirst().orElseThrow();
        assertThat(q09.getElementsByTagName("td").item(4).getTextContent()).isEqualTo(RunFixture.SCRIPT_RESPONSE);
    }

    @Test
    void listsWrongAnswersSkipReasonsErrorsMalformedItemsAndTheCaveat() throws Exception {
        XmlPage page = XmlPage.parse(html);
        Element wrong = page.all("table").stream().filter(t -> t.getAttribute("class").equals("wrong")).findFirst()
                .orElseThrow();
        assertThat(XmlPage.all(wrong, "tr").stream().skip(1)
                .map(tr -> tr.getElementsByTagName("td").item(0).getTextContent()))
                .containsExactly("q04", "q07", "q09", "q13", "q15", "q20");
        assertThat(XmlPage.all(wrong, "tr").get(4).getElementsByTagName("td").item(3).getTextContent())
                .isEqualTo("expected 4.7 kΩ; extracted 47 kΩ");
        assertThat(page.all("li")).extracting(Node::getTextContent).containsExactly(
                "data/mmcircuiteval/test.jsonl:7: answers[] has 2 entries but questions[] has 3; give one answer per"
                        + " question",
                "data/mmcircuiteval/test.jsonl:12: not valid JSON: unexpected end");
        assertThat(page.all("p").stream().filter(p -> p.getAttribute("class").equals("caveat")))
                .singleElement().extracting(Node::getTextContent).asString()
                .startsWith("Caveat: 3 of 16 scored items were scored by the deterministic similarity fallback");
        assertThat(rowsOf(page, "TimeoutException")).containsExactly("TimeoutException", "2", "q11, q16");
        assertThat(rowsOf(page, "image input not supported")).containsExactly("image input not supported", "2");
    }

    @Test
    void moreThanFiftyWrongAnswersAreCappedWithACountOfTheRest() throws Exception {
        List<ItemResult> many = new ArrayList<>();
        for (int i = 1; i <= 57; i++) {
            many.add(RunFixture.r(String.format("w%02d", i), "single", "analysis", "easy", "analog", "1", "general",
                    "scored", 0.0, false, "choice", true, "expected A; extracted B", null, 10, 1, 1, false));
        }
        Summary s = Summaries.of(RunFixture.RUN, many, List.of());
        String page = HtmlReport.render(s, many);
        Element wrong = XmlPage.parse(page).all("table").stream()
                .filter(t -> t.getAttribute("class").equals("wrong")).findFirst().orElseThrow();
        assertThat(XmlPage.all(wrong, "tr")).hasSize(1 + 50);
        assertThat(page).contains("…and 7 more wrong answers in results.jsonl.");
        assertThat(page).doesNotContain("class=\"caveat\"");
    }

    @Test
    void controlCharactersInAResponseDoNotBreakTheMarkup() throws Exception {
        ItemResult r = RunFixture.r("c1", "open", "analysis", "easy", "analog", "1", "general", "scored", 0.0, false,
                "llm-judge", true, "judge said \u0007no\u0000", null, 10, 1, 1, false);
        String page = HtmlReport.render(Summaries.of(RunFixture.RUN, List.of(r), List.of()), List.of(r));
        assertThat(XmlPage.parse(page).all("td")).extracting(Node::getTextContent)
                .contains("judge said \uFFFDno\uFFFD");
    }

    private static List<String> rowsOf(XmlPage page, String firstCell) {
        return page.all("tr").stream()
                .filter(tr -> tr.getElementsByTagName("td").getLength() > 0
                        && tr.getElementsByTagName("td").item(0).getTextContent().equals(firstCell))
                .findFirst()
                .map(tr -> XmlPage.all(tr, "td").stream().map(Node::getTextContent).toList())
                .orElseThrow(() -> new AssertionError("no row " + firstCell));
    }
}
