package dev.kirchhoff.agents.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as headings, paragraphs, lists and tables, rendered to Markdown and to a self-contained HTML page from the
 * same content, so the two never disagree. Not thread-safe while being built.
 */
public final class ReportDocument {

    private sealed interface Block permits Heading, Paragraph, Bullets, Table, Preformatted, Image {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private record Preformatted(String text) implements Block {
    }

    private record Image(String alt, String file) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title) {
        this.title = title;
    }

    public ReportDocument heading(String text) {
        blocks.add(new Heading(2, text));
        return this;
    }

    public ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public ReportDocument bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    public ReportDocument table(List<String> header, List<List<String>> rows) {
        if (!rows.isEmpty()) {
            blocks.add(new Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
        }
        return this;
    }

    public ReportDocument preformatted(String text) {
        blocks.add(new Preformatted(text));
        return this;
    }

    public ReportDocument image(String alt, String file) {
        blocks.add(new Image(alt, file));
        return this;
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                sb.append(p.text()).append("\n\n");
            } else if (b instanceof Bullets l) {
                l.items().forEach(i -> sb.append("- ").append(i).append('\n'));
                sb.append('\n');
            } else if (b instanceof Table t) {
                sb.append('|');
                t.header().forEach(h -> sb.append(' ').append(cell(h)).append(" |"));
                sb.append("\n|");
                t.header().forEach(h -> sb.append("---|"));
                sb.append('\n');
                for (List<String> row : t.rows()) {
                    sb.append('|');
                    row.forEach(c -> sb.append(' ').append(cell(c)).append(" |"));
                    sb.append('\n');
                }
                sb.append('\n');
            } else if (b instanceof Preformatted p) {
                sb.append("```\n").append(p.text()).append(p.text().endsWith("\n") ? "" : "\n").append("```\n\n");
            } else if (b instanceof Image i) {
                sb.append("![").append(i.alt()).append("](").append(i.file()).append(")\n\n");
            }
        }
        return sb.toString();
    }

    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
                        + "line-height:1.45;color:#222}\n")
                .append("table{border-collapse:collapse;margin:0.5rem 0 1rem}td,th{border:1px solid #ccc;"
                        + "padding:0.25rem 0.5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}\n")
                .append("pre{background:#f6f6f6;padding:0.75rem;overflow-x:auto}img{max-width:100%;"
                        + "border:1px solid #ddd}code{background:#f3f3f3;padding:0 0.2rem}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(inline(h.text())).append("</h")
                        .append(h.level()).append(">\n");
            } else if (b instanceof Paragraph p) {
                sb.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof Bullets l) {
                sb.append("<ul>\n");
                l.items().forEach(i -> sb.append("<li>").append(inline(i)).append("</li>\n"));
                sb.append("</ul>\n");
            } else if (b instanceof Table t) {
                sb.append("<table>\n<tr>");
                t.header().forEach(h -> sb.append("<th>").append(inline(h)).append("</th>"));
                sb.append("</tr>\n");
                for (List<String> row : t.rows()) {
                    sb.append("<tr>");
                    row.forEach(c -> sb.append("<td>").append(inline(c)).append("</td>"));
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            } else if (b instanceof Preformatted p) {
                sb.append("<pre>").append(escape(p.text())).append("</pre>\n");
            } else if (b instanceof Image i) {
                sb.append("<p><img src=\"").append(escape(i.file())).append("\" alt=\"").append(escape(i.alt()))
                        .append("\"></p>\n");
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** Escapes text and turns {@code `code`} spans into {@code <code>}. */
    static String inline(String s) {
        String e = escape(s);
        StringBuilder sb = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '`') {
                sb.append(open ? "</code>" : "<code>");
                open = !open;
            } else {
                sb.append(c);
            }
        }
        if (open) {
            sb.append("</code>");
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
