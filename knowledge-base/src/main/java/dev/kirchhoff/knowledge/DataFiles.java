package dev.kirchhoff.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The data folder, in a source tree or inside the jar, and the files in it. */
public final class DataFiles {

    /** Classpath location of the data folder (knowledge-base/data in the source tree). */
    static final String RESOURCE_ROOT = "/dev/kirchhoff/knowledge/data";

    private DataFiles() {
    }

    /** A file and its bytes; {@code name} is relative to the data folder with forward slashes. */
    public record DataFile(String name, byte[] bytes) {
    }

    /** The data folder on the classpath, as a path (a zip file system path when running from the jar). */
    static Path classpathRoot() {
        URL url = DataFiles.class.getResource(RESOURCE_ROOT);
        if (url == null) {
            throw new IllegalStateException("the knowledge-base data is missing from the classpath (" + RESOURCE_ROOT + ")");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.provider().getPath(uri);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the knowledge-base data at " + url, e);
        }
    }

    /** Every {@code .json} file under {@code root/parts}, sorted by name. */
    static List<DataFile> partFiles(Path root) {
        Path parts = root.resolve("parts");
        if (!Files.isDirectory(parts)) {
            throw new KnowledgeBaseException(root.toString(), "", "no parts/ folder here; point at a knowledge-base data folder");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(parts)) {
            paths = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DataFile> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            String name = root.relativize(p).toString().replace('\\', '/');
            try {
                out.add(new DataFile(name, Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new KnowledgeBaseException(name, "", "cannot read: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** SHA-256 over the names and bytes of the files, hex. */
    static String fingerprint(List<DataFile> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (DataFile f : files) {
                md.update(f.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.bytes());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
