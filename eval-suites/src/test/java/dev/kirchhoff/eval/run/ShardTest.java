package dev.kirchhoff.eval.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {

    @Test
    void stableHashIsThirtyTwoBitFnv1aOverUtf8() {
        // published FNV-1a test vectors
        assertThat(Shard.stableHash("")).isEqualTo(0x811c9dc5);
        assertThat(Shard.stableHash("a")).isEqualTo(0xe40c292c);
        assertThat(Shard.stableHash("foobar")).isEqualTo(0xbf9cf968);
    }

    @Test
    void parsesOneBasedIndexOverCount() {
        assertThat(Shard.parse("1/4")).isEqualTo(new Shard(1, 4));
        assertThat(Shard.parse(" 4/4 ")).isEqualTo(new Shard(4, 4));
        assertThat(Shard.parse("3/4").toString()).isEqualTo("3/4");
    }

    @Test
    void badShardTextSaysTheForm() {
        for (String bad : List.of("0/4", "5/4", "1/0", "2", "a/b", "/4", "1/", "")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("i/n");
        }
    }

    @Test
    void shardsAreDisjointAndCoverEveryId() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("mmcircuiteval-" + i + "-" + (i % 7));
        }
        Set<String> seen = new HashSet<>();
        for (int s = 1; s <= 4; s++) {
            Shard shard = new Shard(s, 4);
            List<String> mine = ids.stream().filter(shard::contains).toList();
            assertThat(mine).as("shard %s is used", shard).hasSizeGreaterThan(150);
            for (String id : mine) {
                assertThat(seen.add(id)).as("%s in two shards", id).isTrue();
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void membershipFollowsTheDocumentedFormula() {
        // FNV-1a("a") = 0xe40c292c = 3826002220 unsigned; as an int -468965076; floorMod(-468965076, 3) = 0 → shard 1
        assertThat(Math.floorMod(0xe40c292c, 3)).isZero();
        assertThat(new Shard(1, 3).contains("a")).isTrue();
        assertThat(new Shard(2, 3).contains("a")).isFalse();
        assertThat(Shard.ALL.contains("anything")).isTrue();
    }
}
