package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.PinWish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the board pins a prompt asks parts to use: "LED on pin 13", "DHT22 on GPIO4", "button on D2", "relay
 * connected to D7", "pots on A0 and A1". A pin is linked to the nearest part named before it in the same clause, and
 * only when a placing word ("on", "to", "at", "via", "using") stands between them. The board pin is kept as written
 * ("13", "D2", "GPIO4", "A0"); whether the board has it and can do the job is the reasoner's to check. Stateless.
 */
final class PinWishes {

    /** One-token pin names: D2, A0, GPIO4, GP15, IO4, PA5. */
    private static final Pattern PIN = Pattern.compile("(d|a|gpio|gp|io|p[a-k])\\d{1,2}");
    /** Words before a number that make it a pin: "pin 13", "GPIO 4". */
    private static final Set<String> PIN_WORDS = Set.of("pin", "gpio", "io", "gp");
    /** Words that place a part on a pin. */
    private static final Set<String> CUES = Set.of("on", "to", "at", "into", "via", "using", "use", "uses", "from");
    /** Words that may stand between a part, its placing word and the pin. */
    private static final Set<String> FILLERS = Set.of("the", "and", "or", "digital", "analog", "analogue", "pins",
            "pin", "connected", "wired", "attached", "hooked", "plugged", "up", "board", "s", "its", "input", "output",
            "signal", "data", "out", "in", "goes", "go", "is", "are", "sits", "sit", "port");

    private PinWishes() {
    }

    /** How many tokens the pin reference at {@code k} spans ("D2" 1, "pin 13" 2), or 0 when none starts there. */
    static int pinAt(List<Token> tokens, int k) {
        if (k >= tokens.size()) {
            return 0;
        }
        String t = tokens.get(k).text();
        if (PIN.matcher(t).matches()) {
            return 1;
        }
        if (PIN_WORDS.contains(t) && k + 1 < tokens.size() && tokens.get(k + 1).text().matches("\\d{1,2}")) {
            return 2;
        }
        return 0;
    }

    /**
     * The pin wishes of a prompt.
     *
     * @param ownerId  the part id each token was linked to, or null
     * @param eligible which part ids can be placed on a board pin (not the board itself, not supporting parts)
     */
    static List<PinWish> read(List<Token> tokens, String[] ownerId, Predicate<String> eligible) {
        List<PinWish> out = new ArrayList<>();
        int n = tokens.size();
        for (int k = 0; k < n; k++) {
            int len = pinAt(tokens, k);
            if (len == 0 || ownerId[k] != null) {
                continue;
            }
            boolean cued = false;
            int part = -1;
            for (int j = k - 1; j >= Math.max(0, k - 10); j--) {
                String w = tokens.get(j).text();
                if (ownerId[j] != null) {
                    if (eligible.test(ownerId[j])) {
                        part = j;
                    }
                    break;
                }
                if (CUES.contains(w)) {
                    cued = true;
                } else if (pinAt(tokens, j) == 0 && !FILLERS.contains(w) && !w.matches("\\d{1,2}")) {
                    break;
                }
            }
            if (part < 0 || !cued) {
                k += len - 1;
                continue;
            }
            String id = ownerId[part];
            int start = part;
            while (start > 0 && id.equals(ownerId[start - 1])) {
                start--;
            }
            String pin = len == 1 ? tokens.get(k).typed().toUpperCase(Locale.ROOT)
                    : tokens.get(k).text().equals("pin") ? tokens.get(k + 1).text()
                    : (tokens.get(k).text() + tokens.get(k + 1).text()).toUpperCase(Locale.ROOT);
            boolean seen = out.stream().anyMatch(w -> w.partId().equals(id) && w.boardPin().equals(pin));
            if (!seen) {
                out.add(new PinWish(id, null, pin, ValueReader.phrase(tokens, start, k + len)));
            }
            k += len - 1;
        }
        return List.copyOf(out);
    }
}
