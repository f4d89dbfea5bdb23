package dev.kirchhoff.retrieval;

import dev.kirchhoff.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The index cache: built once, reopened, rebuilt when corrupt or stale, never trusted blindly. */
class IndexCacheTest {

    /** A curated-only index (no KiCad tier) keeps these tests fast. */
    private static PartSearch open(KnowledgeBase kb, Path cache, List<String> log) {
        return PartSearch.open(kb, null, MiniLmEmbedder.shared(), cache, PartSearch.Fusion.DEFAULT, log::add);
    }

    @Test
    void aSecondOpenReusesTheIndex(@TempDir Path cache) {
        List<String> log = new ArrayList<>();
        KnowledgeBase kb = KnowledgeBase.bundled();
        open(kb, cache, log).close();
        assertThat(log).anyMatch(l -> l.startsWith("built the part index"));
        log.clear();
        try (PartSearch s = open(kb, cache, log)) {
            assertThat(log).isEmpty();
            assertThat(s.size()).isEqualTo(kb.size());
            assertThat(s.search("bme280", SearchFilters.none(), 1).get(0).id()).isEqualTo("bme280-module");
        }
    }

    @Test
    void aCorruptIndexIsRebuilt(@TempDir Path cache) throws IOException {
        List<String> log = new ArrayList<>();
        KnowledgeBase kb = KnowledgeBase.bundled();
        open(kb, cache, log).close();
        Path version = onlyVersion(cache);
        Path victim;
        try (Stream<Path> files = Files.list(version)) {
            victim = files.filter(p -> !p.getFileName().toString().equals(PartIndex.MARKER))
                    .max(Comparator.comparingLong(IndexCacheTest::size)).orElseThrow();
        }
        long mid = size(victim) / 2;
        try (var ch = Files.newByteChannel(victim, StandardOpenOption.WRITE)) {
            ch.position(mid);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        }
        log.clear();
        try (PartSearch s = open(kb, cache, log)) {
            assertThat(log).anyMatch(l -> l.contains("incomplete or corrupt"));
            assertThat(log).anyMatch(l -> l.startsWith("built the part index"));
            assertThat(s.search("bme280", SearchFilters.none(), 1).get(0).id()).isEqualTo("bme280-module");
        }
    }

    @Test
    void aMissingMarkerMeansAnUnfinishedBuild(@TempDir Path cache) throws IOException {
        List<String> log = new ArrayList<>();
        KnowledgeBase kb = KnowledgeBase.bundled();
        open(kb, cache, log).close();
        Files.delete(onlyVersion(cache).resolve(PartIndex.MARKER));
        log.clear();
        open(kb, cache, log).close();
        assertThat(log).anyMatch(l -> l.contains("incomplete or corrupt"));
    }

    @Test
    void changedDataGetsANewIndexAndTheOldOneIsRemoved(@TempDir Path cache, @TempDir Path data)
            throws IOException, URISyntaxException {
        copyData(data);
        List<String> log = new ArrayList<>();
        open(KnowledgeBase.load(data), cache, log).close();
        Path first = onlyVersion(cache);
        Path file = data.resolve("parts/sensor/bme280-module.json");
        Files.writeString(file, Files.readString(file).replace("weather sensor", "weather station sensor"));
        log.clear();
        try (PartSearch s = open(KnowledgeBase.load(data), cache, log)) {
            assertThat(log).anyMatch(l -> l.startsWith("built the part index"));
            assertThat(onlyVersion(cache)).isNotEqualTo(first);
            assertThat(first).doesNotExist();
            assertThat(s.search("weather station sensor", SearchFilters.none(), 1).get(0).id()).isEqualTo("bme280-module");
        }
    }

    private static Path onlyVersion(Path cache) throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            List<Path> versions = list.filter(p -> p.getFileName().toString().startsWith("v")).toList();
            assertThat(versions).hasSize(1);
            return versions.get(0);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Copies the bundled curated parts into {@code dir} (from the classpath, which is a folder in tests). */
    private static void copyData(Path dir) throws IOException, URISyntaxException {
        Path root = Path.of(KnowledgeBase.class.getResource("/dev/kirchhoff/knowledge/data/parts").toURI());
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve("parts").resolve(root.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try (InputStream in = Files.newInputStream(p); OutputStream out = Files.newOutputStream(target)) {
                        in.transferTo(out);
                    }
                }
            }
        }
    }
}
