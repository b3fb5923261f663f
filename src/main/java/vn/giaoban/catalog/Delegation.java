package vn.giaoban.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A unit that sends a form's report about other units ({@code delegations.csv}): departments often report the
 * figures of the communes (the agriculture office each commune's new-rural criteria, the tax office their
 * revenue). The sender's file lands in its own folder; the report is the subject's, as if the subject had sent it.
 *
 * @param senderCode    the unit that sends, by its code (a department: "PNNPTNT")
 * @param formCode      the form it sends for others
 * @param subjects      whose report it may send: unit codes ("06127"), or kinds ("kind:commune"), which are the
 *                      units of that kind under the sender's own parent (the district a department serves)
 * @param authoritative when both the subject's own file and the sender's arrive for the same period, whose figures
 *                      count; the other is kept as a version and both units are told
 */
public record Delegation(String senderCode, String formCode, List<String> subjects, Authority authoritative) {

    /** Whose file counts when both the sender and the subject sent the same report. */
    public enum Authority {
        SENDER, SUBJECT;

        public static Authority parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    public Delegation {
        subjects = List.copyOf(subjects);
    }

    /** Whether {@code sender} may send {@code form} for {@code subject} (both as they stand in one period). */
    boolean covers(Unit sender, Form form, Unit subject) {
        if (!sender.code().equals(senderCode) || !form.code().equals(formCode) || sender.code().equals(subject.code())) {
            return false;
        }
        for (String named : subjects) {
            if (named.startsWith("kind:")) {
                if (UnitKind.parse(named.substring("kind:".length())) == subject.kind() && sender.parentCode() != null
                        && sender.parentCode().equals(subject.parentCode())) {
                    return true;
                }
            } else if (named.equals(subject.code())) {
                return true;
            }
        }
        return false;
    }
}
