package dev.kirchhoff.schematic.format.kicad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.schematic.format.ParseException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class KicadBadInputTest {

    private static final String GOOD = """
            (export (version "E")
              (components
                (comp (ref "R1")
                  (value "10k"))
                (comp (ref "R2")
                  (value "1k")))
              (nets
                (net (code "1") (name "A")
                  (node (ref "R1") (pin "1"))
                  (node (ref "R2") (pin "1")))))
            """;

    private static ParseException error(String text) {
        ThrowingCallable read = () -> KicadTestFiles.readKicad("bad.net", text);
        assertThatThrownBy(read).isInstanceOf(ParseException.class);
        try {
            KicadTestFiles.readKicad("bad.net", text);
        } catch (ParseException e) {
            return e;
        }
        throw new AssertionError("unreachable");
    }

    @Test
    void wellFormedNetlistUsedBelowReadsFine() throws ParseException {
        assertThat(KicadTestFiles.readKicad("good.net", GOOD).netNames()).containsExactly("A");
    }

    @Test
    void emptyFileIsAnErrorThatSaysHowToExportANetlist() {
        ParseException e = error("  \n\n");
        assertThat(e.line()).isZero();
        assertThat(e.problem()).contains("empty");
        assertThat(e.expected()).contains("Export").contains("kicad-cli");
        assertThat(e.getMessage()).startsWith("bad.net: ");
    }

    @Test
    void missingCloseParenIsReportedAtTheUnclosedComp() {
        String text = GOOD.replace("(value \"10k\"))", "(value \"10k\")");
        ParseException e = error(text);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problem()).contains("'(comp'").contains("never closed").contains("line 5");
        assertThat(e.getMessage()).startsWith("bad.net:3:5: ");
    }

    @Test
    void unclosedListWithoutIndentationIsReportedAtTheInnermostOpenParen() {
        ParseException e = error("(export (version \"E\") (components (comp (ref \"R1\") (value \"1k\")");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(35);
        assertThat(e.problem()).contains("'(comp'").contains("never closed");
    }

    @Test
    void extraCloseParenInsideIsReportedWhereItIs() {
        String text = GOOD.replace("(value \"10k\"))", "(value \"10k\")))");
        ParseException e = error(text);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(21);
        assertThat(e.problem()).contains("closes a list too early");
        assertThat(e.expected()).isEqualTo("remove this ')'");
    }

    @Test
    void strayCloseParenAfterTheNetlistIsReportedWhereItIs() {
        ParseException e = error(GOOD.stripTrailing() + ")\n");
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.column()).isEqualTo(37);
        assertThat(e.problem()).contains("no '(' to close");
    }

    @Test
    void textAfterTheNetlistIsAnError() {
        ParseException e = error(GOOD + "(export (version \"E\"))\n");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.problem()).contains("after the end of the (export");
    }

    @Test
    void unterminatedStringIsReportedWhereItStarts() {
        ParseException e = error(GOOD.replace("(value \"1k\")", "(value \"1k)"));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.problem()).contains("string is not closed before the end of its line");
        assertThat(e.expected()).contains("\\\"");
    }

    @Test
    void stringStillOpenAtTheEndOfTheFileIsReportedWhereItStarts() {
        ParseException e = error("(export (version \"E");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(18);
        assertThat(e.problem()).contains("never closed");
    }

    @Test
    void nodeNamingAMissingComponentIsAnErrorAtTheNode() {
        ParseException e = error(GOOD.replace("(node (ref \"R2\") (pin \"1\"))", "(node (ref \"R9\") (pin \"1\"))"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.problem()).contains("R9:1").contains("no component R9").contains("net A");
    }

    @Test
    void pinOnTwoNetsIsAnErrorAtTheSecondNode() {
        String text = GOOD.replace("(node (ref \"R2\") (pin \"1\")))))",
                "(node (ref \"R2\") (pin \"1\")))\n    (net (code \"2\") (name \"B\")\n      (node (ref \"R1\") (pin \"1\")))))");
        ParseException e = error(text);
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.problem()).isEqualTo("R1:1 is on net A (line 9) and again on net B");
    }

    @Test
    void componentListedTwiceIsAnError() {
        ParseException e = error(GOOD.replace("(ref \"R2\")\n", "(ref \"R1\")\n"));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem()).contains("R1 is listed twice");
    }

    @Test
    void schematicFileIsRecognisedAndTheErrorSaysToExportANetlist() {
        ParseException e = error("(kicad_sch (version 20231120) (generator \"eeschema\"))");
        assertThat(e.problem()).contains("KiCad schematic").contains("not a netlist");
        assertThat(e.expected()).contains("Export");
    }

    @Test
    void spiceDeckGivenAsKicadNetlistIsAnErrorAtItsFirstCharacter() {
        ParseException e = error("* divider\nR1 a b 1k\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.problem()).contains("starts with '(export'");
    }
}
