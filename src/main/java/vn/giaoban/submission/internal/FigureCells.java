package vn.giaoban.submission.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.ValueType;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.internal.table.CellKind;
import vn.giaoban.submission.internal.table.SheetCell;
import vn.giaoban.text.Messages;
import vn.giaoban.text.ParsedNumber;
import vn.giaoban.text.VietnameseNumbers;
import vn.giaoban.text.VietnameseText;

/**
 * A form's figure as its cell holds it: a number written by Excel or typed as Vietnamese text
 * ("1.234,5"), a status ("Đạt"), each checked against its indicator; what cannot be taken becomes
 * the finding a unit reads (feedback.reading.*).
 */
final class FigureCells {

    private final Messages words;

    FigureCells(Messages words) {
        this.words = words;
    }

    /**
     * The number a figure's cell holds, checked against its indicator (a count has no decimals, only a
     * change on last year is signed), or empty with the finding that says why.
     */
    Optional<BigDecimal> number(Indicator indicator, Measure measure, SheetCell cell, String sheet,
            List<Finding> findings) {
        boolean percentColumn = measure == Measure.PERCENT_OF_PLAN || measure == Measure.PERCENT_OF_LAST_YEAR;
        if (cell.kind() == CellKind.NUMBER) {
            if (cell.date()) {
                findings.add(new Finding(Severity.ERROR, "DATE_NOT_NUMBER", sheet, cell.reference(), cell.text(),
                        words.get("feedback.reading.date-not-number", indicator.name())));
                return Optional.empty();
            }
            return checked(indicator, measure, cell.number(), cell, sheet, findings);
        }
        if (cell.kind() != CellKind.TEXT) {
            findings.add(notANumber(indicator, cell, sheet));
            return Optional.empty();
        }
        ParsedNumber parsed;
        try {
            parsed = VietnameseNumbers.parse(cell.text());
        } catch (NumberFormatException e) {
            findings.add(notANumber(indicator, cell, sheet));
            return Optional.empty();
        }
        if (parsed.percent() && !percentColumn) {
            findings.add(new Finding(Severity.ERROR, "UNEXPECTED_PERCENT", sheet, cell.reference(), cell.text(),
                    words.get("feedback.reading.unexpected-percent", indicator.unitOfMeasure(), indicator.name())));
            return Optional.empty();
        }
        if (parsed.ambiguous() && indicator.decimals() > 0) {
            findings.add(new Finding(Severity.WARNING, "AMBIGUOUS_NUMBER", sheet, cell.reference(), cell.text(),
                    words.get("feedback.reading.ambiguous-number", cell.text(),
                            VietnameseNumbers.format(parsed.value(), 0))));
        }
        return checked(indicator, measure, parsed.value(), cell, sheet, findings);
    }

    private Optional<BigDecimal> checked(Indicator indicator, Measure measure, BigDecimal value, SheetCell cell,
            String sheet, List<Finding> findings) {
        boolean signed = measure == Measure.PERCENT_OF_LAST_YEAR;
        if (value.signum() < 0 && !signed) {
            findings.add(new Finding(Severity.ERROR, "NEGATIVE", sheet, cell.reference(), cell.text(),
                    words.get("feedback.reading.negative", indicator.name())));
            return Optional.empty();
        }
        if (indicator.valueType() == ValueType.COUNT && !measure.declaredByUnit()
                && value.stripTrailingZeros().scale() > 0) {
            findings.add(new Finding(Severity.ERROR, "NOT_A_COUNT", sheet, cell.reference(), cell.text(),
                    words.get("feedback.reading.not-a-count", indicator.name(), indicator.unitOfMeasure())));
            return Optional.empty();
        }
        return Optional.of(canonical(value));
    }

    private Finding notANumber(Indicator indicator, SheetCell cell, String sheet) {
        return new Finding(Severity.ERROR, "NOT_A_NUMBER", sheet, cell.reference(), cell.text(),
                words.get("feedback.reading.not-a-number", indicator.name(), indicator.unitOfMeasure(), cell.text()));
    }

    /** 93630.0 as written by one program and 93630 by another are one value. */
    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** "Đạt" or "Chưa đạt", as a status indicator's value is stored. */
    static Optional<String> status(String text) {
        String folded = VietnameseText.fold(text);
        return switch (folded) {
            case "dat", "da dat" -> Optional.of("DAT");
            case "chua dat", "khong dat" -> Optional.of("CHUA_DAT");
            default -> Optional.empty();
        };
    }
}
