package dev.kirchhoff.schematic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateNamesTest {

    @Test
    void laterOccurrencesAreListedFirstOnesNot() {
        List<String> names = List.of("R1", "C1", "r1", "M1", "R1", "c1", "X");
        assertThat(DuplicateNames.laterDuplicates(names, true)).containsExactly(2, 4, 5);
        assertThat(DuplicateNames.laterDuplicates(names, false)).containsExactly(4);
    }

    @Test
    void aMillionDistinctNamesHaveNoDuplicates() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            names.add("R" + i);
        }
        names.add("r999999");
        assertThat(DuplicateNames.laterDuplicates(names, true)).containsExactly(1_000_000);
    }
}
