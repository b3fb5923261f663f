package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeFigures.DAY;
import static vn.giaoban.briefing.NoticeFigures.capitalise;
import static vn.giaoban.briefing.NoticeFigures.month;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.giaoban.briefing.Briefing.Block;
import vn.giaoban.briefing.Briefing.Kind;
import vn.giaoban.briefing.internal.Completeness;
import vn.giaoban.briefing.internal.FigureRepository;
import vn.giaoban.briefing.internal.TraceRepository;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Lineage;
import vn.giaoban.catalog.Meeting;
import vn.giaoban.catalog.NoticeItem;
import vn.giaoban.catalog.Office;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.Unit;
import vn.giaoban.rules.RuleEngine;
import vn.giaoban.timeliness.ReportCount;
import vn.giaoban.timeliness.Timeliness;

/**
 * Writes the briefing's sentences from the consolidated figures, in the wording and number format
 * of the office's own notices. Nothing is typed in: a figure that is missing is said to be missing,
 * and a comparison without last year's figure says so rather than comparing with zero.
 */
@Component
public class BriefingComposer {

    private final Catalog catalog;
    private final FigureRepository figures;
    private final BriefingProperties properties;
    private final AnnexComposer annex;
    private final Timeliness timeliness;
    private final RuleEngine rules;
    private final ResultSentences sentences;
    private final TaskSection tasks;
    private final TraceRepository cells;

    public BriefingComposer(Catalog catalog, FigureRepository figures, BriefingProperties properties,
            Timeliness timeliness, RuleEngine rules, TraceRepository cells) {
        this.catalog = catalog;
        this.cells = cells;
        this.rules = rules;
        this.timeliness = timeliness;
        this.figures = figures;
        this.properties = properties;
        Lineage lineage = new Lineage(catalog);
        this.annex = new AnnexComposer(catalog, figures, lineage);
        this.sentences = new ResultSentences(catalog, figures, lineage);
        this.tasks = new TaskSection(catalog);
    }

    /**
     * @param office the office whose notice it is, as the catalog gives it for the period
     * @param night  the night of the run: the notice's date when the office recorded no meeting
     */
    public Briefing compose(Office office, YearMonth period, LocalDate night) {
        return composeTraced(office, period, night).briefing();
    }

    /** A notice and where each of its figures came from, written by one composition. */
    record Composed(Briefing briefing, NoticeTrace trace) {
    }

    /** The notice, as {@link #compose}, and the trace of its figures. */
    Composed composeTraced(Office office, YearMonth period, LocalDate night) {
        Tracer tracer = new Tracer(catalog, figures, cells);
        Unit unit = office.unit();
        Area area = Area.of(catalog, unit, period);
        Optional<Meeting> meeting = catalog.meeting(office.code(), period);
        List<Completeness.Report> reports = Completeness.of(timeliness, period, catalog, unit);
        String month = month(period);
        List<Block> blocks = new ArrayList<>();
        opening(office, period, night, meeting).forEach(text -> blocks.add(new Block(Kind.PARAGRAPH, text)));

        List<String> results = new ArrayList<>();
        List<String> difficulties = new ArrayList<>();
        boolean hasData = area.hasData(figures.unitsWithData(period));
        Map<String, Object> common = ResultSentences.common(unit, period);
        if (hasData) {
            Verdicts verdicts = Verdicts.of(catalog, rules, period);
            sentences.write(office, area, period, verdicts, results, difficulties, tracer);
        } else {
            Map<String, Object> slots = new HashMap<>(common);
            slots.put("night", DAY.format(night));
            say(office, NoticeItem.Kind.NO_DATA, slots, results, difficulties);
        }
        Map<String, Object> reporting = new HashMap<>(common);
        reporting.put("parts", reporting(reports, tracer));
        say(office, NoticeItem.Kind.REPORTING, reporting, results, difficulties);
        Map<String, Object> discrepancies = new HashMap<>(common);
        discrepancies.put("units", discrepancies(area, period, tracer));
        say(office, NoticeItem.Kind.DISCREPANCIES, discrepancies, results, difficulties);
        if (difficulties.isEmpty()) {
            say(office, NoticeItem.Kind.NO_DIFFICULTIES, common, results, difficulties);
        }

        blocks.add(new Block(Kind.SECTION, "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ"));
        blocks.add(new Block(Kind.SUBSECTION, "1. Một số kết quả chủ yếu đạt được trong tháng " + month));
        List<NoticeTrace.Paragraph> paragraphs = new ArrayList<>();
        for (String text : results) {
            paragraphs.add(tracer.paragraph("I.1", paragraphs.size() + 1, text));
            blocks.add(new Block(Kind.ITEM, Tracer.plain(text)));
        }
        blocks.add(new Block(Kind.SUBSECTION, "2. Khó khăn, tồn tại, hạn chế"));
        for (String text : difficulties) {
            paragraphs.add(tracer.paragraph("I.2", paragraphs.size() - results.size() + 1, text));
            blocks.add(new Block(Kind.ITEM, Tracer.plain(text)));
        }
        tasks.write(office.code(), period, night, blocks);
        String concludedBy = meeting.map(Meeting::concludedBy).orElse(null);
        blocks.add(new Block(Kind.PARAGRAPH, office.issuer() + " thông báo "
                + (concludedBy == null ? "nội dung trên" : "kết luận của " + concludedBy)
                + " để các cơ quan, đơn vị biết, tổ chức thực hiện./."));

        LocalDate noticeDate = meeting.map(Meeting::noticeDate).orElse(night);
        Briefing.Letterhead letterhead = new Briefing.Letterhead(office.parentBody(),
                String.join("\n", office.issuingBody()), office.documentNumber(), office.place(), noticeDate,
                office.recipients(), office.signerLines(), office.signerName());
        Briefing briefing = new Briefing(period, letterhead, "THÔNG BÁO", office.summary().replace("{period}", month),
                blocks, properties.draft(), hasData || !reports.isEmpty()
                        ? annex.compose(office, period, reports, hasData, tracer) : Briefing.Annex.EMPTY);
        return new Composed(briefing, new NoticeTrace(office.code(), period, night, paragraphs, tracer.figures()));
    }


    /** The meeting as the office recorded it, in the seed's words; without one, what the notice is based on. */
    private List<String> opening(Office office, YearMonth period, LocalDate night, Optional<Meeting> meeting) {
        YearMonth next = period.plusMonths(1);
        if (meeting.isEmpty()) {
            return List.of("Căn cứ báo cáo của các cơ quan, đơn vị gửi đến ngày " + DAY.format(night) + ", "
                    + office.issuer() + " thông báo tình hình thực hiện nhiệm vụ tháng " + month(period)
                    + " và nhiệm vụ trọng tâm tháng " + month(next) + " như sau:");
        }
        Meeting m = meeting.get();
        StringBuilder first = new StringBuilder();
        if (m.meetingDate() != null) {
            first.append("Ngày ").append(DAY.format(m.meetingDate())).append(", ");
        }
        first.append(capitalise(office.issuer())).append(" tổ chức cuộc họp giao ban công tác tháng ")
                .append(period.getMonthValue()).append(" năm ").append(period.getYear())
                .append(", để đánh giá tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh"
                        + " tháng ").append(period.getMonthValue()).append(" và triển khai nhiệm vụ tháng ")
                .append(next.getMonthValue()).append(" năm ").append(next.getYear()).append(". ")
                .append(capitalise(m.chair())).append(" - chủ trì cuộc họp.");
        if (!m.attendees().isBlank()) {
            first.append(" Tham dự cuộc họp có ").append(m.attendees()).append('.');
        }
        return List.of(first.toString(), "Sau khi nghe các ý kiến tham gia thảo luận của các đơn vị tại cuộc họp; "
                + m.concludedBy() + " kết luận một số nội dung chủ yếu sau:");
    }

    /** Says the office's lines of a kind the notice's structure places, each in its section's list. */
    private void say(Office office, NoticeItem.Kind kind, Map<String, Object> slots, List<String> results,
            List<String> difficulties) {
        for (NoticeItem item : catalog.notice()) {
            if (item.kind() == kind && item.appliesTo(office)) {
                item.pattern().fill(slots).ifPresent(
                        item.section() == NoticeItem.Section.DIFFICULTIES ? difficulties::add : results::add);
            }
        }
    }

    /**
     * The figures that do not agree, by unit, as the catalog's rules found them (a commune's list
     * against its own total): a difficulty until the unit corrects its report.
     */
    private List<String> discrepancies(Area area, YearMonth period, Tracer tracer) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (FigureRepository.Discrepancy discrepancy : figures.discrepancies(period)) {
            if (!area.contains(discrepancy.unitKey())) {
                continue;
            }
            String message = discrepancy.message().endsWith(".")
                    ? discrepancy.message().substring(0, discrepancy.message().length() - 1) : discrepancy.message();
            byUnit.computeIfAbsent(discrepancy.unitKey(), k -> new ArrayList<>())
                    .add(Character.toLowerCase(message.charAt(0)) + message.substring(1));
        }
        List<String> parts = new ArrayList<>();
        byUnit.forEach((unitKey, messages) -> {
            String name = catalog.unitByKey(unitKey).map(Unit::nameInSentence).orElse(unitKey);
            parts.add(name + ": " + tracer.quoteAll(String.join("; ", messages), number -> Tracer.quoted(
                    "Số trong kết quả kiểm tra số liệu của " + name + ", tháng " + month(period),
                    "số in nguyên văn từ thông báo của quy tắc kiểm tra (rules.csv) về số liệu đơn vị đã gửi",
                    List.of())));
        });
        return parts;
    }

    /**
     * Who has not reported, whose files were all refused, and who reported late: a difficulty the office
     * chases, counted as {@code status} counts ({@link Completeness#count}).
     */
    private static List<String> reporting(List<Completeness.Report> reports, Tracer tracer) {
        // a unit that owes several reports is named once, with its forms: "Xã Hồng Thái (BM03-DT, BM03-DS)"
        Map<String, List<String>> missing = new LinkedHashMap<>();
        Map<String, List<String>> rejected = new LinkedHashMap<>();
        List<String> late = new ArrayList<>();
        List<String> missingReports = new ArrayList<>();
        List<String> rejectedReports = new ArrayList<>();
        List<String> lateReports = new ArrayList<>();
        for (Completeness.Report report : reports) {
            String named = report.unit().name() + " (" + report.form().code() + ")";
            if (report.missing()) {
                (report.rejected() ? rejectedReports : missingReports).add(named);
            } else if (report.daysLate() > 0) {
                lateReports.add(named);
            }
            if (report.missing()) {
                (report.rejected() ? rejected : missing).computeIfAbsent(report.unit().name(), k -> new ArrayList<>())
                        .add(report.form().code());
            } else if (report.daysLate() > 0) {
                String days = String.valueOf(report.daysLate());
                late.add(report.unit().name() + " (" + report.form().code() + ") trễ hạn "
                        + tracer.mark(Tracer.calendar("Số ngày trễ hạn, " + named, BigDecimal.valueOf(report.daysLate()),
                                "ngày nộp " + DAY.format(report.received()) + " so với hạn nộp "
                                        + DAY.format(report.deadline())), days) + " ngày");
            }
        }
        ReportCount count = Completeness.count(reports);
        List<String> parts = new ArrayList<>();
        if (count.missing() > 0) {
            parts.add(counted(tracer, "Số báo cáo chưa nộp", count.missing(), missingReports) + " báo cáo chưa nộp: "
                    + byUnit(missing));
        }
        if (count.rejected() > 0) {
            parts.add(counted(tracer, "Số báo cáo không tiếp nhận được", count.rejected(), rejectedReports)
                    + " báo cáo không tiếp nhận được (tệp gửi bị từ chối): " + byUnit(rejected));
        }
        if (count.late() > 0) {
            parts.add(counted(tracer, "Số báo cáo trễ hạn", count.late(), lateReports) + " báo cáo trễ hạn: "
                    + String.join(", ", late));
        }
        return parts;
    }

    /** A count of reports, marked with the reports it counts. */
    private static String counted(Tracer tracer, String label, long count, List<String> reports) {
        return tracer.mark(Tracer.count(label, (int) count, "đếm theo hạn nộp của các biểu (forms.csv) và các tệp đã"
                + " nhận: " + String.join(", ", reports), List.of()), String.valueOf(count));
    }

    private static String byUnit(Map<String, List<String>> forms) {
        return String.join(", ", forms.entrySet().stream()
                .map(unit -> unit.getKey() + " (" + String.join(", ", unit.getValue()) + ")").toList());
    }
}
