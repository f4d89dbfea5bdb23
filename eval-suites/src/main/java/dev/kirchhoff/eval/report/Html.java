package dev.kirchhoff.eval.report;

/**
 * The HTML pieces both HTML reports share: escaping and the page frame with its inline style sheet. The markup is
 * well-formed XML (every element closed, only the five XML entities), so a report can be checked with an XML
 * parser, and it refers to nothing outside itself. Stateless and thread-safe.
 */
final class Html {

    /**
     * Light and dark palettes, print rules. Written without {@code <} or {@code &} so the style element stays
     * well-formed XML.
     */
    private static final String CSS = """
            :root { --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --track: #eef1f4;
              --grid: #c9d1d9; --bar: #2f6fb2; --bar-b: #d9822b; --ok: #2e8540; --wrong: #c23b22;
              --skip: #8a8f98; --err: #7a3fb0; --caveat: #fff4d6; --caveat-fg: #5c4400; color-scheme: light dark; }
            @media (prefers-color-scheme: dark) {
              :root { --bg: #0f1419; --fg: #e6edf3; --muted: #9aa5b1; --line: #30363d; --track: #1c232b;
                --grid: #3b444e; --bar: #5fa3e8; --bar-b: #f0a35e; --ok: #56c271; --wrong: #f07160;
                --skip: #a0a7b0; --err: #b98ae6; --caveat: #3a2f0b; --caveat-fg: #f5d98b; }
            }
            body { background: var(--bg); color: var(--fg); margin: 0;
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
            h1 { font-size: 1.6em; margin: 0 0 4px; }
            h2 { font-size: 1.2em; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
            .meta, .muted { color: var(--muted); }
            .meta code { font-size: 0.95em; }
            dl.numbers { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px;
              margin: 16px 0; }
            dl.numbers div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
            dl.numbers dt { color: var(--muted); font-size: 0.85em; }
            dl.numbers dd { margin: 0; font-size: 1.25em; font-weight: 600; }
            .caveat { background: var(--caveat); color: var(--caveat-fg); border-radius: 6px; padding: 8px 12px; }
            .warning { background: var(--caveat); color: var(--caveat-fg); border-radius: 6px; padding: 8px 12px; }
            table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }
            th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.text { word-break: break-word; max-width: 420px; }
            svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; }
            svg.chart text { fill: var(--fg); font: 12px system-ui, sans-serif; }
            svg.chart text.tick { fill: var(--muted); font-size: 11px; }
            svg.chart .track { fill: var(--track); }
            svg.chart .grid { stroke: var(--grid); stroke-width: 1; stroke-opacity: 0.7; stroke-dasharray: 2 3; }
            svg.chart .bar { fill: var(--bar); }
            svg.chart .bar-b { fill: var(--bar-b); }
            svg.chart .status-correct { fill: var(--ok); }
            svg.chart .status-wrong { fill: var(--wrong); }
            svg.chart .status-skipped { fill: var(--skip); }
            svg.chart .status-error { fill: var(--err); }
            .legend span { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px;
              vertical-align: middle; }
            .legend .a { background: var(--bar); }
            .legend .b { background: var(--bar-b); }
            @media print {
              :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --line: #999999; --track: #eeeeee;
                --grid: #bbbbbb; --bar: #2f6fb2; --bar-b: #d9822b; --caveat: #ffffff; --caveat-fg: #000000; }
              main { max-width: none; padding: 0; }
              section, table, svg.chart { break-inside: avoid; }
              .caveat, .warning { border: 1px solid #000000; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    private Html() {
    }

    /**
     * Text safe in element content and in double- or single-quoted attributes. Characters XML forbids (control
     * characters other than tab, newline and carriage return) become U+FFFD, so a response holding them cannot
     * break the page.
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    boolean xmlChar = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD);
                    if (xmlChar) {
                        sb.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A whole page: doctype, head with the title and style sheet, and the given body content inside main. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<title>" + esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
