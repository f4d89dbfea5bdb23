package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.KnowledgeBase;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how a prompt says the design is powered ("powered from USB", "9 V battery", "±12 V", "3S LiPo", "12 V wall
 * wart", "single 5 V supply", "230 V mains") into a {@link Supply}, and names the battery part a battery supply
 * needs. Reads the prompt as one lower-case line with "3.3v" written "3.3 v". Immutable.
 */
final class SupplyReader {

    private final KnowledgeBase kb;
    private final Lexicon lexicon;

    SupplyReader(KnowledgeBase kb, Lexicon lexicon) {
        this.kb = kb;
        this.lexicon = lexicon;
    }

/** How the prompt says the design is powered: the first of the patterns below that matches wins. */
Supply read(List<Token> tokens, String flat, String[] ownerId) {
    int n = tokens.size();
        Matcher m;
        if ((m = find(flat, "± ?(\\d+(?:\\.\\d+)?) ?v\\b")) != null) {
            return new Supply(Supply.Kind.BENCH, Double.parseDouble(m.group(1)), m.group());
        }
        if ((m = find(flat, "\\b(dual|split|bipolar|symmetric\\w*) (\\d+(?:\\.\\d+)? ?v )?(supply|supplies|rails?"
                + "|power supply)\\b")) != null) {
            return new Supply(Supply.Kind.BENCH, m.group(2) == null ? null
                    : Double.parseDouble(m.group(2).replaceAll("[^0-9.]", "")), m.group());
        }
        if ((m = find(flat, "\\b(mains|wall (outlet|socket)|(230|220|240|110|115|120) ?v ?(ac|mains)?\\b|ac mains"
                + "|grid power)")) != null) {
            String v = m.group(3);
            return new Supply(Supply.Kind.MAINS, v == null ? 230.0 : Double.parseDouble(v), m.group());
        }
        if ((m = find(flat, "\\b((\\d+(?:\\.\\d+)?) ?v )?(([1-6]) ?s )?"
                + "(li ?ion|lithium( ion| polymer)?|lipo|li po|18650)"
                + "( battery| cell| pack)?\\b")) != null) {
            int cells = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            double v = m.group(2) == null ? 3.7 * cells : Double.parseDouble(m.group(2));
            return new Supply(Supply.Kind.LIION_CELL, Math.round(v * 100) / 100.0, m.group().strip());
        }
        if ((m = find(flat, "\\b(\\d+(?:\\.\\d+)?) ?(v|volts?) (alkaline |pp3 |block |coin )?(battery|batteries|cell"
                + "|coin cell|battery pack|pack)\\b")) != null) {
            return new Supply(Supply.Kind.BATTERY, Double.parseDouble(m.group(1)), m.group());
        }
        if ((m = find(flat, "\\b(\\d) ?x? ?(aa|aaa)\\b|\\b(two|three|four|2|3|4) (aa|aaa) (batteries|cells|battery)"))
                != null) {
            String c = m.group(1) != null ? m.group(1) : m.group(3);
            Integer count = lexicon.numbers.get(c);
            int cells = count != null ? count : Integer.parseInt(c);
            return new Supply(Supply.Kind.BATTERY, 1.5 * cells, m.group());
        }
        if ((m = find(flat, "\\b(pp3|cr2032|coin cell)\\b")) != null) {
            return new Supply(Supply.Kind.BATTERY, m.group(1).equals("pp3") ? 9.0 : 3.0, m.group());
        }
        if ((m = find(flat, "\\bsingle (\\d+(?:\\.\\d+)?) ?v(olts?)? (supply|rail|power supply)\\b"
                + "|\\b(\\d+(?:\\.\\d+)?) ?v (bench|lab) (supply|power supply|psu)\\b")) != null) {
            String v = m.group(1) != null ? m.group(1) : m.group(4);
            return new Supply(Supply.Kind.BENCH, Double.parseDouble(v), m.group());
        }
        if ((m = find(flat, "\\b(\\d+(?:\\.\\d+)?) ?v(olts?)? (\\d+(?:\\.\\d+)? ?a )?(dc )?"
                + "(supply|adapter|wall wart|wall adapter|power supply"
                + "|psu|power adapter|power brick|brick|plug pack|charger|power)\\b")) != null) {
            return new Supply(Supply.Kind.ADAPTER, Double.parseDouble(m.group(1)), m.group());
        }
        if ((m = find(flat, "\\b(bench|lab) (supply|power supply|psu)\\b")) != null) {
            return new Supply(Supply.Kind.BENCH, null, m.group());
        }
        if ((m = find(flat, "\\b(wall wart|wall adapter|power adapter|dc adapter|barrel jack)\\b")) != null) {
            return new Supply(Supply.Kind.ADAPTER, null, m.group());
        }
        for (int i = 0; i < n; i++) {
            if (tokens.get(i).text().equals("usb") && (ownerId[i] == null
                    || kb.part(ownerId[i]).map(p -> p.category() == Category.POWER).orElse(false))) {
                return new Supply(Supply.Kind.USB, 5.0, phraseAround(tokens, i));
            }
        }
        if ((m = find(flat, "\\b(battery|batteries)\\b")) != null) {
            return new Supply(Supply.Kind.BATTERY, null, m.group());
        }
        return Supply.unspecified();
    }

    private static String phraseAround(List<Token> tokens, int i) {
        int n = tokens.size();
        int from = i;
        if (i > 0 && Set.of("from", "via", "by", "over").contains(tokens.get(i - 1).text())) {
            from = i - 1;
            if (from > 0 && tokens.get(from - 1).text().startsWith("power")) {
                from--;
            }
        }
        int to = i + 1;
        if (to < n && Set.of("powered", "power", "supply").contains(tokens.get(to).text())) {
            to++;
        }
        return ValueReader.phrase(tokens, from, to);
    }

    private static Matcher find(String flat, String regex) {
        Matcher m = Pattern.compile(regex).matcher(flat);
        return m.find() ? m : null;
    }

    /** A battery or cell named only as the supply becomes a part, so the designer can wire it. */
    void addParts(Supply supply, Map<String, PartRequest> byId) {
        String id = null;
        switch (supply.kind()) {
            case BATTERY -> {
                if (supply.volts() != null && supply.volts() == 9.0) {
                    id = "battery-9v";
                } else if (supply.volts() != null && supply.volts() == 6.0 && supply.phrase().contains("aa")) {
                    id = "battery-aa-pack";
                } else if (supply.volts() != null && supply.volts() == 3.0
                        && supply.phrase().matches(".*(coin|cr2032).*")) {
                    id = "battery-cr2032";
                }
            }
            case LIION_CELL -> {
                if (supply.volts() != null && supply.volts() > 4.2) {
                    return;
                }
                id = supply.phrase().matches(".*(lipo|li po|polymer).*") ? "lipo-battery-1s" : "battery-18650";
            }
            default -> {
            }
        }
        if (id == null || kb.part(id).isEmpty()) {
            return;
        }
        for (PartRequest p : byId.values()) {
            if (p.role() == PartRole.POWER && kb.part(p.id()).map(x -> x.id().startsWith("battery")
                    || x.id().startsWith("lipo")).orElse(false)) {
                return;
            }
        }
        byId.put(id, PartRequest.of(id, 1, supply.phrase(), PartRole.POWER));
    }
}
