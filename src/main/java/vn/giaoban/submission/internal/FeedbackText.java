package vn.giaoban.submission.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.PeriodType;
import vn.giaoban.catalog.SubmittedDay;
import vn.giaoban.catalog.Unit;
import vn.giaoban.submission.FiledSubmission;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.text.Messages;

/**
 * The answer a unit reads the next morning about one file it sent: counted or not, how many values
 * were taken, and every finding with its cell, what was found and what to do. Plain text with CRLF
 * line ends, for the Notepad of an old office PC. Its words are the feedback bundle's ({@code feedback.file.*}).
 */
public final class FeedbackText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String CRLF = "\r\n";

    private final Catalog catalog;
    private final ZoneId zone;
    private final Messages messages;

    public FeedbackText(Catalog catalog, ZoneId zone, Messages messages) {
        this.catalog = catalog;
        this.zone = zone;
        this.messages = messages;
    }

    /**
     * A value the figures took from the file, as the unit reads it: "Số đơn thư tiếp nhận, lũy kế: 8"; a status
     * at a point in time has no measure to name ({@code measure} null): "Tiêu chí số 1 - Quy hoạch: Đạt".
     */
    public record TakenValue(String indicator, String measure, String value, String sheet, String cell) {
    }

    /** The most values listed one by one; the rest are counted (a list form gives a few, a form of criteria 19). */
    static final int MAX_VALUES_LISTED = 60;

    /** @param values what the figures took from the file, in the form's order: listed so the unit can check them */
    public String write(FiledSubmission submission, List<TakenValue> values, List<Finding> findings, String filedAs) {
        StringBuilder text = new StringBuilder();
        line(text, messages.get("feedback.file.title"));
        line(text, messages.get("feedback.file.unit", unitName(submission)));
        line(text, messages.get("feedback.file.name", submission.originalName()));
        received(text, submission);
        if (submission.formCode() != null) {
            line(text, messages.get("feedback.file.form", submission.formCode()
                    + catalog.form(submission.formCode()).map(Form::title).map(t -> " - " + t).orElse("")));
        }
        if (submission.period() != null) {
            line(text, submission.asOf() == null
                    ? messages.get("feedback.file.period", SubmissionIdentifier.show(submission.period()))
                    : messages.get("feedback.file.period-as-of", SubmissionIdentifier.show(submission.period()),
                            DAY.format(submission.asOf())));
        }
        if (submission.version() != null && submission.version() > 1 && submission.status() == SubmissionStatus.ACCEPTED) {
            line(text, messages.get("feedback.file.version", submission.version()));
        }
        line(text, "");
        switch (submission.status()) {
            case ACCEPTED -> {
                line(text, messages.get("feedback.file.accepted"));
                line(text, messages.get("feedback.file.values-taken", submission.valuesTaken()));
                for (TakenValue value : values.subList(0, Math.min(values.size(), MAX_VALUES_LISTED))) {
                    String where = value.cell() == null ? ""
                            : messages.get("feedback.file.value-cell", sheetReference(value.sheet()) + "!" + value.cell());
                    line(text, "  - " + (value.measure() == null
                            ? messages.get("feedback.file.value-at-point", value.indicator(), value.value(), where)
                            : messages.get("feedback.file.value", value.indicator(), value.measure(), value.value(), where)));
                }
                if (values.size() > MAX_VALUES_LISTED) {
                    line(text, "  " + messages.get("feedback.file.values-more", values.size() - MAX_VALUES_LISTED));
                }
            }
            case DUPLICATE -> {
                line(text, messages.get("feedback.file.duplicate"));
                line(text, messages.get("feedback.file.duplicate-why"));
            }
            case REJECTED -> {
                line(text, messages.get("feedback.file.refused"));
                line(text, messages.get("feedback.file.refused-why", submission.rejection()));
                // no unit carried the folder's code in the period: the reason says where to send instead
                line(text, submission.unitKey() == null && submission.period() != null
                        ? messages.get("feedback.file.nothing-taken")
                        : messages.get("feedback.file.nothing-taken-send-again", submission.folder()));
            }
            default -> throw new IllegalArgumentException("Not read yet: " + submission.id());
        }
        if (!findings.isEmpty()) {
            line(text, "");
            line(text, messages.get("feedback.file.findings", findings.size()));
            int number = 0;
            for (Finding finding : findings) {
                line(text, (++number) + ". " + describe(finding));
            }
        }
        if (filedAs != null) {
            line(text, "");
            line(text, messages.get("feedback.file.filed-as", filedAs));
        }
        return text.toString();
    }

    /**
     * When it came: the scan's time, or only the night's date when the night was run for a day gone by (a
     * restart, the demo); and, when the file's modification time cannot be the day it was sent, that the
     * night's date counts instead ({@link SubmittedDay}, the rule {@code status} and the briefing apply).
     */
    private void received(StringBuilder text, FiledSubmission submission) {
        var received = submission.receivedAt().atZone(zone);
        LocalDate night = submission.night();
        if (night != null && received.toLocalDate().isAfter(night)) {
            line(text, messages.get("feedback.file.received-night", DAY.format(night)));
        } else {
            line(text, messages.get("feedback.file.received", TIME.format(received), DAY.format(received)));
        }
        if (night == null || submission.modifiedAt() == null) {
            return;
        }
        LocalDate modified = submission.modifiedAt().atZone(zone).toLocalDate();
        LocalDate periodStart = submission.period() == null ? null
                : Optional.ofNullable(submission.formCode()).flatMap(catalog::form).map(Form::periodType).orElse(PeriodType.MONTH)
                        .firstMonth(submission.period()).atDay(1);
        SubmittedDay day = SubmittedDay.of(modified, received.toLocalDate(), night, periodStart);
        if (day.fromNight()) {
            line(text, messages.get("feedback.file.submitted-night", DAY.format(day.day()), DAY.format(modified)));
        }
    }

    /**
     * The unit whose folder the file came from, as it stood in the file's period: the report's own unit, unless
     * another sent it for that unit (a delegation); a code reused after a reform names the unit of the period, and,
     * when the period could not be told, the unit of the night that received it, never of today.
     */
    private String unitName(FiledSubmission submission) {
        Optional<Unit> sender = submission.unitKey() == null ? Optional.empty()
                : catalog.unitByKey(submission.unitKey()).filter(unit -> unit.code().equals(submission.folder()));
        LocalDate day = submission.period() != null ? submission.period().atEndOfMonth()
                : submission.night() != null ? submission.night() : LocalDate.ofInstant(submission.receivedAt(), zone);
        return sender.or(() -> catalog.unit(submission.folder(), day))
                .or(() -> catalog.unitsWithCode(submission.folder()).stream().findFirst())
                .map(unit -> messages.get("feedback.file.unit-name", unit.name(), submission.folder()))
                .orElse(messages.get("feedback.file.unit-folder", submission.folder()));
    }

    /** A finding as the unit reads it: its severity, where, what was found, and the message. */
    public String describe(Finding finding) {
        StringBuilder text = new StringBuilder(messages.get("feedback.severity." + finding.severity().name().toLowerCase(Locale.ROOT)));
        if (finding.cell() != null) {
            text.append(messages.get("feedback.finding.cell", sheetReference(finding.sheet()) + "!" + finding.cell()));
        } else if (finding.sheet() != null) {
            text.append(messages.get("feedback.finding.sheet", finding.sheet()));
        }
        if (finding.found() != null) {
            text.append(messages.get("feedback.finding.found", finding.found()));
        }
        return text.append(": ").append(finding.message()).toString();
    }

    /** As Excel writes it: 'Thu NSNN T10'!B10, Biểu01!F12. */
    public static String sheetReference(String sheet) {
        return sheet.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') ? sheet
                : "'" + sheet.replace("'", "''") + "'";
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(CRLF);
    }
}
