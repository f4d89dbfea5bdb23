package dev.kirchhoff.knowledge;

/**
 * Broken knowledge-base data: names the file, the JSON path inside it and the problem.
 */
public class KnowledgeBaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;
    private final String problem;

    public KnowledgeBaseException(String file, String path, String problem) {
        super(file + (path == null || path.isEmpty() ? "" : " at " + path) + ": " + problem);
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    public KnowledgeBaseException(String file, String path, String problem, Throwable cause) {
        this(file, path, problem);
        initCause(cause);
    }

    /** The data file, relative to the data folder. */
    public String file() {
        return file;
    }

    /** JSON path inside the file, {@code $.pins[3].type}; empty when the whole file is at fault. */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
