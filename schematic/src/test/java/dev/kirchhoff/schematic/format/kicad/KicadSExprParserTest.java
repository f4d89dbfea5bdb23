package dev.kirchhoff.schematic.format.kicad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.ParseException;
import org.junit.jupiter.api.Test;

/** The S-expression layer the KiCad reader stands on. */
class KicadSExprParserTest {

    private static SExpr parse(String text) throws ParseException {
        SExprParser p = new SExprParser("t.net", text);
        assertThat(p.next()).isEqualTo(SExprParser.OPEN);
        SExpr e = p.list(null, p.line(), p.column());
        assertThat(p.next()).isEqualTo(SExprParser.END);
        return e;
    }

    @Test
    void listsKnowTheirNameItemsAndPosition() throws ParseException {
        SExpr e = parse("(comp (ref R1)\n  (value \"10k\") bare)");
        assertThat(e.name).isEqualTo("comp");
        assertThat(e.value("ref")).isEqualTo("R1");
        assertThat(e.first("value").line).isEqualTo(2);
        assertThat(e.first("value").column).isEqualTo(3);
        assertThat(e.text()).isEqualTo("bare");
    }

    @Test
    void quotedStringsUnescapeBackslashSequences() throws ParseException {
        SExpr e = parse("(s \"a\\\"b\" \"c\\\\d\" \"e\\nf\" \"\\x41\\101\" \"\\q\")");
        assertThat(e.items).containsExactly("a\"b", "c\\d", "e\nf", "AA", "\\q");
    }

    @Test
    void emptyStringAndEmptyListAreKept() throws ParseException {
        SExpr e = parse("(pin (name \"\") ())");
        assertThat(e.value("name")).isEmpty();
        assertThat(e.first("")).isNotNull();
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() throws ParseException {
        int depth = 50_000;
        SExpr e = parse("(a ".repeat(depth) + ")".repeat(depth));
        assertThat(e.name).isEqualTo("a");
    }

    @Test
    void atomsEndAtParenthesesQuotesAndWhitespace() throws ParseException {
        SExpr e = parse("(x a(b)c\"d\"\te\r\nf)");
        assertThat(e.items).hasSize(6);
        assertThat(e.items.get(0)).isEqualTo("a");
        assertThat(((SExpr) e.items.get(1)).name).isEqualTo("b");
        assertThat(e.items.subList(2, 6)).containsExactly("c", "d", "e", "f");
    }
}
