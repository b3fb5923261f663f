package vn.giaoban.submission;

import java.time.YearMonth;
import java.util.List;

/**
 * What one night received, for the office's summary line: files accepted, refused, the same as the
 * version in force, still waiting (being copied), values taken and findings written to feedback; and the
 * reports that came in several versions that night, or from two senders, for the office to look at.
 */
public record NightSummary(int accepted, int rejected, int duplicates, int waiting, long values, long findings,
        List<Repeated> repeated) {

    public NightSummary {
        repeated = List.copyOf(repeated);
    }

    /**
     * A unit's report that night's files gave more than once.
     *
     * @param tonight  its versions accepted that night
     * @param senders  how many units have sent it (2: the unit and another sending for it)
     * @param current  the file whose figures count
     */
    public record Repeated(String unitKey, String formCode, YearMonth period, int tonight, int senders, String current) {
    }
}
