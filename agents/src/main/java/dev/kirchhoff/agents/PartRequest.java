package dev.kirchhoff.agents;

/**
 * One part asked for.
 *
 * @param id        knowledge-base part id ({@code bme280-module})
 * @param quantity  how many (at least 1)
 * @param phrase    the words of the prompt it came from ("two DHT22", "distance sensor"); for a default, the reason
 * @param role      what it is in the design
 * @param defaulted true when the prompt did not name it and the identifier chose it (a default board)
 */
public record PartRequest(String id, int quantity, String phrase, PartRole role, boolean defaulted) {

    public PartRequest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("The parameter 'id' must not be blank.");
        }
        quantity = Math.max(1, quantity);
        phrase = phrase == null ? "" : phrase;
        role = role == null ? PartRole.PERIPHERAL : role;
    }

    public static PartRequest of(String id, int quantity, String phrase, PartRole role) {
        return new PartRequest(id, quantity, phrase, role, false);
    }
}
