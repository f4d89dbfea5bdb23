package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.RecipeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people ask for that the knowledge base or the recipe library lacks, from reviewable tables: boards named that
 * are not curated, with the nearest curated boards of the same family ({@code unknown-boards.txt}), and building
 * blocks the recipe library does not draw, with the nearest recipe or none ({@code missing-blocks.txt}). Immutable.
 */
final class Gaps {

    /** A board the knowledge base lacks: how it is written, the name to report, the nearest curated ids. */
    record UnknownBoard(Pattern pattern, String name, List<String> nearest) {
    }

    /** A building block the library lacks: the nearest recipe (null when none is close) and what to say. */
    record MissingBlock(Pattern pattern, Pattern unless, RecipeKind nearest, String note) {
    }

    /** Where an unknown board is named in the token list, [from, to). */
    record BoardMention(UnknownBoard board, int from, int to) {
    }

    final List<UnknownBoard> boards;
    final List<MissingBlock> blocks;

    private Gaps(List<UnknownBoard> boards, List<MissingBlock> blocks) {
        this.boards = List.copyOf(boards);
        this.blocks = List.copyOf(blocks);
    }

    /** The tables bundled with the identifier. */
    static Gaps bundled() {
        List<UnknownBoard> boards = new ArrayList<>();
        for (String[] row : Lexicon.table("unknown-boards.txt", 3)) {
            List<String> nearest = new ArrayList<>();
            for (String id : row[2].split(",")) {
                if (!id.isBlank()) {
                    nearest.add(id.strip());
                }
            }
            boards.add(new UnknownBoard(Pattern.compile("(?<![a-z0-9])(?:" + row[0] + ")(?![a-z0-9])"), row[1],
                    nearest));
        }
        List<MissingBlock> blocks = new ArrayList<>();
        for (String[] row : Lexicon.table("missing-blocks.txt", 4)) {
            blocks.add(new MissingBlock(Pattern.compile(row[0]), row[1].equals("-") ? null : Pattern.compile(row[1]),
                    row[2].equals("-") ? null : RecipeKind.valueOf(row[2].toUpperCase(Locale.ROOT)), row[3]));
        }
        return new Gaps(boards, blocks);
    }

    /**
     * The unknown boards named in the prompt, matched on the words as typed (a spelling correction must not turn
     * "wemos" into a known word first); a phrase is taken by the first row that matches it.
     */
    List<BoardMention> boardsIn(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        int[] start = new int[tokens.size()];
        int[] end = new int[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            if (k > 0) {
                sb.append(' ');
            }
            start[k] = sb.length();
            sb.append(tokens.get(k).typed());
            end[k] = sb.length();
        }
        String text = sb.toString();
        boolean[] taken = new boolean[tokens.size()];
        List<BoardMention> out = new ArrayList<>();
        for (UnknownBoard b : boards) {
            Matcher m = b.pattern().matcher(text);
            while (m.find()) {
                int from = -1;
                int to = -1;
                for (int k = 0; k < tokens.size(); k++) {
                    if (start[k] >= m.start() && end[k] <= m.end()) {
                        from = from < 0 ? k : from;
                        to = k + 1;
                    }
                }
                boolean free = from >= 0;
                for (int k = Math.max(from, 0); free && k < to; k++) {
                    free = !taken[k];
                }
                if (free) {
                    for (int k = from; k < to; k++) {
                        taken[k] = true;
                    }
                    out.add(new BoardMention(b, from, to));
                }
            }
        }
        out.sort((a, c) -> Integer.compare(a.from(), c.from()));
        return out;
    }

    /** The first missing building block the prompt asks for, if any. */
    MissingBlock blockIn(String flat) {
        for (MissingBlock b : blocks) {
            if (b.pattern().matcher(flat).find() && (b.unless() == null || !b.unless().matcher(flat).find())) {
                return b;
            }
        }
        return null;
    }
}
