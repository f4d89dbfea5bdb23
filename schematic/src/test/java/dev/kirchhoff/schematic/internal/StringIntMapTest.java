package dev.kirchhoff.schematic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringIntMapTest {

    @Test
    void putGetRemoveAndRegions() {
        StringIntMap m = new StringIntMap(2, true);
        for (int i = 0; i < 1000; i++) {
            assertThat(m.put("Net" + i, i)).isEqualTo(-1);
        }
        assertThat(m.get("NET500")).isEqualTo(500);
        assertThat(m.get("x Net42 y", 2, 7)).isEqualTo(42);
        assertThat(m.remove("net7")).isEqualTo(7);
        assertThat(m.get("Net7")).isEqualTo(-1);
        for (int i = 8; i < 1000; i++) {
            assertThat(m.get("Net" + i)).isEqualTo(i);
        }
        assertThat(m.putIfAbsent("net8", 99)).isEqualTo(8);
        assertThat(m.size()).isEqualTo(999);
    }
}
