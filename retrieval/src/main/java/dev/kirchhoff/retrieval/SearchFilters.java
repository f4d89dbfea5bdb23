package dev.kirchhoff.retrieval;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.Tier;

import java.util.Set;

/**
 * Restricts a search. Empty or null fields do not restrict.
 *
 * @param categories    only parts in these categories
 * @param tier          only curated or only KiCad-tier parts
 * @param supplyVoltage only parts whose supply range admits this voltage (parts without a known range pass)
 * @param interfaceKind only parts that speak this interface
 */
public record SearchFilters(Set<Category> categories, Tier tier, Double supplyVoltage, InterfaceKind interfaceKind) {

    public SearchFilters {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public static SearchFilters none() {
        return new SearchFilters(Set.of(), null, null, null);
    }

    public boolean isEmpty() {
        return categories.isEmpty() && tier == null && supplyVoltage == null && interfaceKind == null;
    }

    public SearchFilters withCategory(Category c) {
        return new SearchFilters(Set.of(c), tier, supplyVoltage, interfaceKind);
    }

    public SearchFilters withTier(Tier t) {
        return new SearchFilters(categories, t, supplyVoltage, interfaceKind);
    }

    public SearchFilters withSupplyVoltage(Double v) {
        return new SearchFilters(categories, tier, v, interfaceKind);
    }

    public SearchFilters withInterface(InterfaceKind k) {
        return new SearchFilters(categories, tier, supplyVoltage, k);
    }
}
