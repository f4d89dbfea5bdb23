package dev.kirchhoff.schematic.format.kicad;

import java.util.ArrayList;
import java.util.List;

/**
 * One parenthesised list of an S-expression, {@code (name item item …)}: its leading atom and the atoms and lists
 * after it, with the position of its opening parenthesis. Built by {@link SExprParser}; not modified after that.
 */
final class SExpr {

    /** The leading atom, or the empty string when the list starts with a list or is empty. */
    final String name;
    final int line;
    final int column;
    /** The items after the name: {@link String} atoms and {@link SExpr} lists, in order. */
    final List<Object> items;

    SExpr(String name, int line, int column, List<Object> items) {
        this.name = name;
        this.line = line;
        this.column = column;
        this.items = items;
    }

    /** The first child list called {@code childName}, or {@code null}. */
    SExpr first(String childName) {
        for (Object o : items) {
            if (o instanceof SExpr s && s.name.equals(childName)) {
                return s;
            }
        }
        return null;
    }

    /** All child lists called {@code childName}, in order. */
    List<SExpr> all(String childName) {
        List<SExpr> out = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof SExpr s && s.name.equals(childName)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first atom after the name, or {@code null}: the value of {@code (ref "R1")}. */
    String text() {
        for (Object o : items) {
            if (o instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** All atoms after the name joined by single spaces, or {@code null} when there are none. */
    String joinedText() {
        StringBuilder sb = null;
        for (Object o : items) {
            if (o instanceof String s) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                } else {
                    sb.append(' ').append(s);
                }
            }
        }
        return sb == null ? null : sb.toString();
    }

    /** The text of the first child list called {@code childName}, or {@code null}: {@code value("ref")}. */
    String value(String childName) {
        SExpr child = first(childName);
        return child == null ? null : child.text();
    }

    @Override
    public String toString() {
        return "(" + name + " …) at " + line + ":" + column;
    }
}
