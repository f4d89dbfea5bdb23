package dev.kirchhoff.knowledge;

/** Where a part's data comes from, and so how much of it there is. */
public enum Tier implements JsonEnum {
    /** Hand-written from datasheets: typed pins with functions, voltages, interfaces, models. */
    CURATED,
    /** Imported from the KiCad symbol libraries: typed pins only, no capability data. */
    KICAD
}
