package vn.giaoban.submission.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

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

    public String write(FiledSubmission submission, List<Finding> findings, String filedAs) {
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
                : java.util.Optional.ofNullable(submission.formCode()).flatMap(catalog::form).map(Form::periodType).orElse(PeriodType.MONTH)
                        .firstMonth(submission.period()).atDay(1);
        SubmittedDay day = SubmittedDay.of(modified, received.toLocalDate(), night, periodStart);
        if (day.fromNight()) {
            line(text, messages.get("feedback.file.submitted-night", DAY.format(day.day()), DAY.format(modified)));
        }
    }

    private String unitName(FiledSubmission submission) {
        return (submission.unitKey() == null ? catalog.unitsWithCode(submission.folder()).stream().findFirst()
                : catalog.unitByKey(submission.unitKey())).map(Unit::name).map(name -> messages.get("feedback.file.unit-name", name, submission.folder()))
                .orElse(messages.get("feedback.file.unit-folder", submission.folder()));
    }

    private String describe(Finding finding) {
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
    private static String sheetReference(String sheet) {
        return sheet.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') ? sheet
                : "'" + sheet.replace("'", "''") + "'";
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(CRLF);
    }
}
