package dev.kirchhoff.schematic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameTableTest {

    @Test
    void shortLongAndWideNamesIgnoringCase() {
        NameTable t = new NameTable(4, true);
        t.putNew("VDD", 0);
        t.putNew("XI0.net5.long_name", 1);
        t.putNew("ñode", 2);
        t.putNew("ωmega", 3);
        assertThat(t.get("vdd")).isZero();
        assertThat(t.get("Vdd")).isZero();
        assertThat(t.get("xi0.NET5.long_name")).isEqualTo(1);
        assertThat(t.get("ÑODE")).isEqualTo(2);
        assertThat(t.get("ΩMEGA")).isEqualTo(3);
        assertThat(t.get("vd")).isEqualTo(-1);
        assertThat(t.get("vddd")).isEqualTo(-1);
        assertThat(t.putIfAbsent("VDD", 9)).isZero();
        assertThat(t.size()).isEqualTo(4);
    }

    @Test
    void regionsAreLookedUpWithoutSubstrings() {
        NameTable t = new NameTable(4, false);
        t.putNew("out", 7);
        String line = "R1 in out 1k";
        assertThat(t.get(line, 6, 9)).isEqualTo(7);
        assertThat(t.get(line, 3, 5)).isEqualTo(-1);
        assertThat(t.get("OUT")).isEqualTo(-1);
    }

    @Test
    void agreesWithAHashMapOnManyRandomNames() {
        Random random = new Random(7);
        NameTable t = new NameTable(16, true);
        Map<String, Integer> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            int len = 1 + random.nextInt(14);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) {
                sb.append("abcXYZ019_.!"
                        .charAt(random.nextInt(12)));
            }
            String name = sb.toString();
            String key = name.toLowerCase(Locale.ROOT);
            Integer expected = reference.get(key);
            int got = t.get(name);
            assertThat(got).isEqualTo(expected == null ? -1 : expected);
            if (expected == null) {
                t.putNew(name, reference.size());
                reference.put(key, reference.size());
            }
        }
        assertThat(t.size()).isEqualTo(reference.size());
    }
}
