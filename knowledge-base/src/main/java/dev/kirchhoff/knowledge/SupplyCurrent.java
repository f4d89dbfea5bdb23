package dev.kirchhoff.knowledge;

/** Supply current a part draws, in amperes. */
public record SupplyCurrent(Double typical, Double max) {
}
