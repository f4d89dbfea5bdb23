package dev.kirchhoff.eval.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rendered page parsed with the JDK's XML parser, with the few look-ups the report tests need. */
final class XmlPage {

    final Document doc;

    private XmlPage(Document doc) {
        this.doc = doc;
    }

    /** Parses the page; fails the test with the parser's line and column when it is not well-formed. */
    static XmlPage parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new XmlPage(f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
    }

    List<Element> all(String tag) {
        return elements(doc.getElementsByTagName(tag));
    }

    static List<Element> all(Element in, String tag) {
        return elements(in.getElementsByTagName(tag));
    }

    Element chart(String breakdown) {
        return all("svg").stream().filter(s -> s.getAttribute("data-breakdown").equals(breakdown)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart for " + breakdown));
    }

    static Element row(Element chart, String label) {
        return all(chart, "g").stream().filter(g -> g.getAttribute("data-label").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }

    static Optional<Element> rect(Element row, String cssClass) {
        return all(row, "rect").stream().filter(r -> r.getAttribute("class").equals(cssClass)).findFirst();
    }

    static double width(Element row, String cssClass) {
        return Double.parseDouble(rect(row, cssClass).orElseThrow(
                () -> new AssertionError("no " + cssClass + " in " + row.getAttribute("data-label")))
                .getAttribute("width"));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
