package dev.kirchhoff.validation.simulation;

import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;

/**
 * Thrown when a circuit with validation errors is exported to SPICE without {@code force}: a deck of a broken design
 * would simulate something other than what was meant. Carries the report, so the caller can print the errors.
 */
public final class ExportRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    /** @param report the validation report with at least one error */
    public ExportRefusedException(ValidationReport report) {
        super(report.subject() + " has " + report.count(Severity.ERROR) + " validation error(s), so it was not "
                + "exported to SPICE; fix them, or export anyway with --force");
        this.report = report;
    }

    /** The report whose errors stopped the export. */
    public ValidationReport report() {
        return report;
    }
}
