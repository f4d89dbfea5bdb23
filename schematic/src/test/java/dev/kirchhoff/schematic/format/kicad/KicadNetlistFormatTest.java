package dev.kirchhoff.schematic.format.kicad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.Source;
import org.junit.jupiter.api.Test;

class KicadNetlistFormatTest {

    private final KicadNetlistFormat format = new KicadNetlistFormat();

    @Test
    void describesItselfAsAFlatTransistorLevelFormatForDotNetFiles() {
        assertThat(format.name()).isEqualTo("kicad");
        assertThat(format.extensions()).containsExactly(".net");
        assertThat(format.hierarchical()).isFalse();
        assertThat(format.transistorLevel()).isTrue();
        assertThat(format.description()).contains("KiCad");
    }

    @Test
    void sniffIsCertainWhenTheTextStartsWithExportAfterWhitespace() {
        assertThat(format.sniff(Source.of("a", "\n  (export (version \"E\")"))).isEqualTo(100);
        assertThat(format.sniff(Source.of("a", "(export(version D)"))).isEqualTo(100);
        assertThat(format.sniff(Source.of("b", KicadTestFiles.text("kicad5-divider.net")))).isEqualTo(100);
    }

    @Test
    void sniffRejectsSpiceSchematicsAndLookalikes() {
        assertThat(format.sniff(Source.of("a", "* title\nR1 a b 1k\n.end\n"))).isZero();
        assertThat(format.sniff(Source.of("a", "(kicad_sch (version 20231120)"))).isZero();
        assertThat(format.sniff(Source.of("a", "(exporter)"))).isZero();
        assertThat(format.sniff(Source.of("a", ""))).isZero();
    }
}
