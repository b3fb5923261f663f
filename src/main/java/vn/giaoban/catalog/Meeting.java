package vn.giaoban.catalog;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The monthly briefing meeting, as the office records it: the opening paragraph of the notice is
 * written from it.
 *
 * @param office      the code of the office whose meeting it was (offices.csv)
 * @param chair       "đồng chí Lê Tuấn Minh, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện"
 * @param attendees   who attended, as the notice lists them
 * @param concludedBy whose conclusions the notice gives: "đồng chí Chủ tịch UBND huyện"
 */
public record Meeting(String office, YearMonth period, LocalDate meetingDate, LocalDate noticeDate, String chair, String attendees,
        String concludedBy) {
}
