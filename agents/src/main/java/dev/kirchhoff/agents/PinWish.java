package dev.kirchhoff.agents;

/**
 * A board pin the prompt asks a part to use: "LED on pin 13" is {@code (led-red, null, "13", "LED on pin 13")}.
 * The reasoner honours it when the pin can do the job and says so when it cannot.
 *
 * @param partId    the knowledge-base id of the part the wish is about
 * @param devicePin the part's pin, or null for its main signal pin
 * @param boardPin  the board pin as the prompt names it ({@code 13}, {@code D4}, {@code GPIO4}, {@code A0})
 * @param phrase    the words it came from
 */
public record PinWish(String partId, String devicePin, String boardPin, String phrase) {
    public PinWish {
        if (partId == null || partId.isBlank() || boardPin == null || boardPin.isBlank()) {
            throw new IllegalArgumentException("A pin wish needs a part id and a board pin.");
        }
        phrase = phrase == null ? "" : phrase;
    }
}
