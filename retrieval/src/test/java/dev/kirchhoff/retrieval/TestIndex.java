package dev.kirchhoff.retrieval;

import dev.kirchhoff.knowledge.KicadTier;
import dev.kirchhoff.knowledge.KnowledgeBase;

import java.nio.file.Path;

/** One index of the bundled data with the KiCad tier, built once per test JVM under target/. */
final class TestIndex {

    private static PartSearch search;

    private TestIndex() {
    }

    static synchronized PartSearch get() {
        if (search == null) {
            search = PartSearch.open(KnowledgeBase.bundled(), KicadTier.bundled(), MiniLmEmbedder.shared(),
                    cacheDir(), PartSearch.Fusion.DEFAULT, System.out::println);
        }
        return search;
    }

    /** The test cache the build points every module at (-Dkirchhoff.cache), so one index serves all tests. */
    static Path cacheDir() {
        return IndexCache.indexes();
    }
}
