package vn.giaoban.submission;

import java.math.BigDecimal;
import java.time.YearMonth;

import vn.giaoban.catalog.Measure;

/**
 * One value read from a submission, with the cell it came from.
 *
 * @param unitKey the unit the value is about (a department's values are about its district)
 * @param number  the value of a NUMBER indicator, else null
 * @param text    the status code (DAT, CHUA_DAT) or text, else null
 */
public record StagedValue(String unitKey, String indicatorCode, YearMonth period, Measure measure, BigDecimal number,
        String text, String sheet, String cell) {
}
