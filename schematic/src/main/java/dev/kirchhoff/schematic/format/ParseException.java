package dev.kirchhoff.schematic.format;

/**
 * A netlist that cannot be read: where ({@code file:line:column}), what is wrong and what was expected. The message
 * is meant for the person who wrote the file, so it says what to do.
 */
public final class ParseException extends Exception {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final String expected;

    /**
     * @param file the file name as the user gave it
     * @param line 1-based line, 0 when the problem concerns the whole file
     * @param column 1-based column, 0 when unknown
     * @param problem what is wrong
     * @param expected what was expected or what to do, or {@code null}
     */
    public ParseException(String file, int line, int column, String problem, String expected) {
        super(format(file, line, column, problem, expected));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.expected = expected;
    }

    private static String format(String file, int line, int column, String problem, String expected) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(problem);
        if (expected != null && !expected.isEmpty()) {
            sb.append("; ").append(expected);
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    public String expected() {
        return expected;
    }
}
