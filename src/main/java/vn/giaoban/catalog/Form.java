package vn.giaoban.catalog;

import java.util.List;

/**
 * A reporting form: who submits it and which indicators it carries.
 *
 * @param submitters     unit codes, or {@code kind:commune} style entries for every unit of a kind
 * @param defaultMeasure what a lone "Thực hiện" / "Kết quả" column of this form means
 * @param deadlineDay    the day of the period's month by which it is due
 */
public record Form(String code, String title, List<String> submitters, Measure defaultMeasure, int deadlineDay,
        List<String> indicatorCodes, List<String> aliases) {

    public boolean submittableBy(Unit unit) {
        for (String submitter : submitters) {
            if (submitter.startsWith("kind:")
                    ? UnitKind.parse(submitter.substring("kind:".length())) == unit.kind()
                    : submitter.equals(unit.code())) {
                return true;
            }
        }
        return false;
    }
}
