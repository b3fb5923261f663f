package vn.giaoban.briefing;

import java.util.Arrays;
import java.util.Comparator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.giaoban.briefing.Briefing.Block;
import vn.giaoban.briefing.Briefing.Kind;
import vn.giaoban.briefing.internal.Completeness;
import vn.giaoban.briefing.internal.FigureRepository;
import vn.giaoban.briefing.internal.FigureRepository.Status;
import vn.giaoban.briefing.internal.FigureRepository.Total;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Lineage;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Meeting;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.Task;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.rules.RuleEngine;
import vn.giaoban.text.VietnameseNumbers;
import vn.giaoban.timeliness.Timeliness;

/**
 * Writes the briefing's sentences from the consolidated figures, in the wording and number format
 * of the office's own notices. Nothing is typed in: a figure that is missing is said to be missing,
 * and a comparison without last year's figure says so rather than comparing with zero.
 */
@Component
public class BriefingComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final Catalog catalog;
    private final FigureRepository figures;
    private final BriefingProperties properties;
    private final AnnexComposer annex;
    private final Timeliness timeliness;
    private final Lineage lineage;
    private final RuleEngine rules;

    public BriefingComposer(Catalog catalog, FigureRepository figures, BriefingProperties properties,
            Timeliness timeliness, RuleEngine rules) {
        this.catalog = catalog;
        this.rules = rules;
        this.timeliness = timeliness;
        this.figures = figures;
        this.properties = properties;
        this.lineage = new Lineage(catalog);
        this.annex = new AnnexComposer(catalog, figures, properties, lineage);
    }

    /** @param night the night of the run: the notice's date when the office recorded no meeting */
    public Briefing compose(YearMonth period, LocalDate night) {
        Unit unit = catalog.unit(properties.unitCode(), period).orElseThrow(() -> new IllegalStateException(
                "The briefing's unit " + properties.unitCode() + " is not valid in " + period));
        Optional<Meeting> meeting = catalog.meeting(period);
        List<Completeness.Report> reports = Completeness.of(timeliness, period, catalog, unit);
        String month = month(period);
        List<Block> blocks = new ArrayList<>();
        opening(period, night, meeting).forEach(text -> blocks.add(new Block(Kind.PARAGRAPH, text)));

        List<String> results = new ArrayList<>();
        List<String> difficulties = new ArrayList<>();
        boolean hasData = figures.hasData(period);
        if (hasData) {
            Verdicts verdicts = Verdicts.of(catalog, rules, period);
            results.addAll(statusCriteria(period));
            for (Indicator indicator : catalog.indicators()) {
                List<Target> targets = catalog.targets(indicator.code(), period.getYear(), unit.code());
                if (!targets.isEmpty()) {
                    attainment(unit, indicator, targets, period, verdicts, results, difficulties);
                }
            }
            petitions(unit, period).ifPresent(results::add);
            yearOnYear(unit, period, verdicts, results, difficulties);
            results.addAll(reformedUnits(unit, period));
            results.addAll(freeTexts("_NOI_BAT", period));
            difficulties.addAll(freeTexts("_KHO_KHAN", period));
        } else {
            results.add("Đến ngày " + DAY.format(night) + ", chưa có đơn vị nào gửi số liệu tháng " + month
                    + " nên chưa tổng hợp được kết quả; thông báo sẽ được lập lại khi có báo cáo.");
        }
        reporting(reports, period).ifPresent(difficulties::add);
        discrepancies(period).ifPresent(difficulties::add);

        blocks.add(new Block(Kind.SECTION, "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ"));
        blocks.add(new Block(Kind.SUBSECTION, "1. Một số kết quả chủ yếu đạt được trong tháng " + month));
        results.forEach(text -> blocks.add(new Block(Kind.ITEM, text)));
        blocks.add(new Block(Kind.SUBSECTION, "2. Khó khăn, tồn tại, hạn chế"));
        if (difficulties.isEmpty()) {
            difficulties.add("Các chỉ tiêu được tổng hợp trong tháng " + month + " không có chỉ tiêu nào giảm so với"
                    + " cùng kỳ năm " + (period.getYear() - 1) + " hoặc chậm so với tiến độ kế hoạch; các đơn vị"
                    + " gửi báo cáo đầy đủ, đúng hạn.");
        }
        difficulties.forEach(text -> blocks.add(new Block(Kind.ITEM, text)));
        tasks(period, night, blocks);
        String concludedBy = meeting.map(Meeting::concludedBy).orElse(null);
        blocks.add(new Block(Kind.PARAGRAPH, properties.issuer() + " thông báo "
                + (concludedBy == null ? "nội dung trên" : "kết luận của " + concludedBy)
                + " để các cơ quan, đơn vị biết, tổ chức thực hiện./."));

        LocalDate noticeDate = meeting.map(Meeting::noticeDate).orElse(night);
        Briefing.Letterhead letterhead = new Briefing.Letterhead(properties.parentBody(), properties.issuingBody(),
                properties.documentNumber(), properties.place(), noticeDate, properties.recipients(),
                properties.signerLines(), properties.signerName());
        return new Briefing(period, letterhead, "THÔNG BÁO", properties.summary().replace("{period}", month), blocks,
                properties.draft(), hasData || !reports.isEmpty() ? annex.compose(unit, period, reports, hasData)
                        : Briefing.Annex.EMPTY);
    }

    /** The meeting as the office recorded it, in the seed's words; without one, what the notice is based on. */
    private List<String> opening(YearMonth period, LocalDate night, Optional<Meeting> meeting) {
        YearMonth next = period.plusMonths(1);
        if (meeting.isEmpty()) {
            return List.of("Căn cứ báo cáo của các cơ quan, đơn vị gửi đến ngày " + DAY.format(night) + ", "
                    + properties.issuer() + " thông báo tình hình thực hiện nhiệm vụ tháng " + month(period)
                    + " và nhiệm vụ trọng tâm tháng " + month(next) + " như sau:");
        }
        Meeting m = meeting.get();
        StringBuilder first = new StringBuilder();
        if (m.meetingDate() != null) {
            first.append("Ngày ").append(DAY.format(m.meetingDate())).append(", ");
        }
        first.append(capitalise(properties.issuer())).append(" tổ chức cuộc họp giao ban công tác tháng ")
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

    /**
     * The status criteria each commune reported (the 19 criteria of a new-style countryside commune):
     * which are met and which are not, by their numbers.
     */
    private List<String> statusCriteria(YearMonth period) {
        Map<String, List<Status>> byUnit = new LinkedHashMap<>();
        for (Status status : figures.statuses("NTM_TC_", period)) {
            byUnit.computeIfAbsent(status.unitKey(), k -> new ArrayList<>()).add(status);
        }
        List<String> sentences = new ArrayList<>();
        byUnit.forEach((unitKey, statuses) -> {
            Unit commune = catalog.unitByKey(unitKey).orElseThrow();
            int total = catalog.formOf(statuses.get(0).indicatorCode()).map(f -> f.indicatorCodes().size())
                    .orElse(statuses.size());
            List<String> met = new ArrayList<>();
            List<String> unmet = new ArrayList<>();
            for (Status status : statuses) {
                String number = String.valueOf(Integer.parseInt(
                        status.indicatorCode().substring(status.indicatorCode().lastIndexOf('_') + 1)));
                ("DAT".equals(status.status()) ? met : unmet).add(number);
            }
            StringBuilder text = new StringBuilder("Xây dựng NTM ").append(commune.nameInSentence())
                    .append(": đến thời điểm hiện tại, có ").append(met.size()).append('/').append(total)
                    .append(" tiêu chí đã đạt");
            if (!met.isEmpty()) {
                text.append(" gồm: ").append(String.join("-", met));
            }
            text.append('.');
            if (!unmet.isEmpty()) {
                text.append(" Có ").append(unmet.size()).append('/').append(total).append(" tiêu chí chưa đạt (")
                        .append(String.join("-", unmet)).append(").");
            }
            int missing = total - met.size() - unmet.size();
            if (missing > 0) {
                text.append(" Còn ").append(missing).append(" tiêu chí chưa có báo cáo đánh giá.");
            }
            sentences.add(text.toString());
        });
        return sentences;
    }

    /**
     * A cumulative figure against each of the year's targets ("được 94.533 triệu đồng, đạt 116,71% ...")
     * for the results; when the catalog's pace rule finds it behind the months gone by, the targets
     * it lags for the difficulties.
     */
    private void attainment(Unit unit, Indicator indicator, List<Target> targets, YearMonth period, Verdicts verdicts,
            List<String> results, List<String> difficulties) {
        Optional<Total> total = figures.total(unit.key(), indicator.code(), period, Measure.CUMULATIVE);
        if (total.isEmpty()) {
            difficulties.add(indicator.shortName() + ": chưa có số liệu tháng " + month(period) + ".");
            return;
        }
        BigDecimal value = total.get().value();
        String asOf = figures.asOf(unit.key(), indicator.code(), period, Measure.CUMULATIVE)
                .map(day -> "đến ngày " + DAY.format(day))
                .orElse("lũy kế đến tháng " + month(period));
        StringBuilder text = new StringBuilder(indicator.shortName()).append(' ').append(asOf).append(" được ")
                .append(figure(value, indicator)).append(' ').append(indicator.unitOfMeasure());
        BigDecimal pace = BigDecimal.valueOf(period.getMonthValue()).multiply(HUNDRED)
                .divide(TWELVE, indicator.percentDecimals(), RoundingMode.HALF_UP);
        List<String> attainments = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        for (Target target : targets) {
            BigDecimal attained = ratio(value, target.value(), indicator.percentDecimals());
            String attainment = VietnameseNumbers.format(attained, indicator.percentDecimals()) + "% " + target.label();
            text.append(", đạt ").append(attainment);
            attainments.add(attainment);
            if (attained.compareTo(pace) < 0) {
                behind.add(attainment);
            }
        }
        results.add(text.append('.').toString());
        if (verdicts.failed(Rule.Judgement.PACE, unit.key(), indicator.code()).orElse(false)) {
            if (behind.isEmpty()) {
                // the rule judged with its own tolerance: every target is named rather than none
                behind = attainments;
            }
            difficulties.add(indicator.shortName() + " mới đạt " + String.join(", ", behind) + ", thấp hơn tiến độ "
                    + VietnameseNumbers.format(pace, indicator.percentDecimals()) + "% của " + period.getMonthValue()
                    + "/12 tháng.");
        }
    }

    /** Petitions resolved of received, the level's own and its communes' apart. */
    private Optional<String> petitions(Unit unit, YearMonth period) {
        Indicator received = catalog.indicator("DT_TIEP_NHAN");
        Indicator resolved = catalog.indicator("DT_DA_GIAI_QUYET");
        Optional<Total> in = figures.total(unit.key(), received.code(), period, Measure.CUMULATIVE);
        Optional<Total> done = figures.total(unit.key(), resolved.code(), period, Measure.CUMULATIVE);
        if (in.isEmpty() || done.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("Công tác giải quyết đơn thư: tổng ")
                .append(figure(in.get().value(), received)).append(" đơn, đã giải quyết ")
                .append(fraction(done.get().value(), in.get().value(), resolved)).append(" đơn, đạt ")
                .append(percent(done.get().value(), in.get().value(), resolved.percentDecimals())).append('%');
        List<String> parts = new ArrayList<>();
        if (in.get().own() != null && done.get().own() != null) {
            parts.add(level(unit.kind()) + " giải quyết " + fraction(done.get().own(), in.get().own(), resolved));
        }
        if (in.get().children() != null && done.get().children() != null) {
            parts.add("cấp xã " + fraction(done.get().children(), in.get().children(), resolved) + " đơn");
        }
        if (!parts.isEmpty()) {
            text.append(" (trong đó ").append(String.join(", ", parts)).append(')');
        }
        text.append('.');
        int missing = in.get().childrenExpected() - in.get().childrenReported();
        if (missing > 0) {
            text.append(" Còn ").append(missing).append('/').append(in.get().childrenExpected())
                    .append(" xã, thị trấn chưa báo cáo số liệu đơn thư.");
        }
        return Optional.of(text.toString());
    }

    /**
     * Crime and traffic accidents against the same period last year: a change the catalog's rule
     * judges worse ({@code notWorse}, by the indicator's polarity and the rule's tolerance) is a
     * difficulty, any other a result.
     */
    private void yearOnYear(Unit unit, YearMonth period, Verdicts verdicts, List<String> results,
            List<String> difficulties) {
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        comparison(unit, period, "PPHS", List.of(), verdicts, worse, better, topics);
        comparison(unit, period, "TNGT_SO_VU", List.of("TNGT_CHET", "TNGT_BI_THUONG"), verdicts, worse, better, topics);
        String lastYear = String.valueOf(period.getYear() - 1);
        if (!worse.isEmpty()) {
            difficulties.add(String.join(" và ", topics) + " tăng so với cùng kỳ năm " + lastYear + ". "
                    + capitalise(String.join("; ", worse)) + ".");
        }
        if (!better.isEmpty()) {
            results.add(capitalise(String.join("; ", better)) + ".");
        }
    }

    /** Worse or better as the catalog's year-on-year rule for the figure judged it (with its tolerance). */
    private void comparison(Unit unit, YearMonth period, String code, List<String> victims, Verdicts verdicts,
            List<String> worse, List<String> better, List<String> topics) {
        Indicator indicator = catalog.indicator(code);
        Optional<Total> now = figures.total(unit.key(), code, period, Measure.CUMULATIVE);
        if (now.isEmpty()) {
            return;
        }
        YearMonth lastPeriod = period.minusYears(1);
        Lineage.Earlier before = earlier(unit, indicator, lastPeriod);
        BigDecimal value = now.get().value();
        StringBuilder text = new StringBuilder("về ").append(indicator.shortName()).append(" xảy ra ")
                .append(figure(value, indicator)).append(' ').append(indicator.unitOfMeasure());
        for (String victim : victims) {
            Indicator people = catalog.indicator(victim);
            figures.total(unit.key(), victim, period, Measure.CUMULATIVE)
                    .filter(t -> t.value().signum() > 0)
                    .ifPresent(t -> text.append(", ").append(victim.endsWith("CHET") ? "làm chết " : "làm bị thương ")
                            .append(figure(t.value(), people)).append(' ').append(people.unitOfMeasure()));
        }
        String lastYear = String.valueOf(lastPeriod.getYear());
        if (!before.comparable()) {
            text.append(before.fromPredecessors() || !unit.validOn(lastPeriod.atEndOfMonth())
                    ? " (không so sánh được: " + before.notComparable() + ")"
                    : " (chưa có số liệu cùng kỳ năm " + lastYear + " để so sánh)");
            better.add(text.toString());
            return;
        }
        BigDecimal previous = before.value().orElseThrow();
        BigDecimal change = value.subtract(previous);
        int direction = change.signum();
        if (direction == 0) {
            text.append(", bằng cùng kỳ năm ").append(lastYear);
        } else {
            String verb = direction > 0 ? "tăng" : "giảm";
            text.append(", ").append(verb).append(' ').append(figure(change.abs(), indicator)).append(' ')
                    .append(indicator.unitOfMeasure());
            if (previous.signum() != 0) {
                text.append(" và ").append(verb).append(' ')
                        .append(percent(change.abs(), previous, indicator.percentDecimals())).append('%');
            }
            text.append(" so với cùng kỳ năm ").append(lastYear);
            if (previous.signum() == 0) {
                text.append(" (cùng kỳ không xảy ra vụ nào)");
            }
        }
        if (before.fromPredecessors()) {
            text.append(" (cùng kỳ năm ").append(lastYear).append(' ').append(Lineage.explanation(before, indicator))
                    .append(')');
        }
        if (verdicts.failed(Rule.Judgement.YEAR_ON_YEAR, unit.key(), code).orElse(false)) {
            worse.add(text.toString());
            topics.add(code.startsWith("PPHS") ? "Phạm pháp hình sự" : "tai nạn giao thông");
        } else {
            better.add(text.toString());
        }
    }

    /**
     * The communes formed since the same period last year (the 2025 reform merged and split them):
     * each additive figure against the sum of its predecessors' last year, said so, or marked not
     * comparable with the reason. A commune that existed then is left to the annex.
     */
    private List<String> reformedUnits(Unit unit, YearMonth period) {
        YearMonth lastPeriod = period.minusYears(1);
        String lastYear = String.valueOf(lastPeriod.getYear());
        List<String> sentences = new ArrayList<>();
        for (Unit commune : catalog.children(unit, period)) {
            if (!commune.kind().isLocalGovernment() || commune.validOn(lastPeriod.atEndOfMonth())) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Indicator indicator : catalog.indicators()) {
                if (!indicator.valueType().isNumeric() || indicator.rollup() == vn.giaoban.catalog.Rollup.NONE) {
                    continue;
                }
                Optional<BigDecimal> now = figures.figure(commune.key(), indicator.code(), period, Measure.CUMULATIVE);
                if (now.isEmpty()) {
                    continue;
                }
                Lineage.Earlier before = earlier(commune, indicator, lastPeriod);
                StringBuilder text = new StringBuilder(indicator.shortName()).append(' ')
                        .append(figure(now.get(), indicator)).append(' ').append(indicator.unitOfMeasure());
                if (!before.comparable()) {
                    text.append(", không so sánh được với cùng kỳ năm ").append(lastYear).append(": ")
                            .append(before.notComparable());
                } else {
                    BigDecimal previous = before.value().get();
                    text.append(", cùng kỳ năm ").append(lastYear).append(' ')
                            .append(Lineage.explanation(before, indicator)).append(" là ")
                            .append(Lineage.figure(previous, indicator)).append(' ').append(indicator.unitOfMeasure());
                    BigDecimal change = now.get().subtract(previous);
                    if (change.signum() == 0) {
                        text.append(", bằng cùng kỳ");
                    } else {
                        text.append(", ").append(change.signum() > 0 ? "tăng " : "giảm ")
                                .append(Lineage.figure(change.abs(), indicator)).append(' ')
                                .append(indicator.unitOfMeasure());
                        if (previous.signum() != 0) {
                            text.append(" (").append(percent(change.abs(), previous, indicator.percentDecimals()))
                                    .append("%)");
                        }
                    }
                }
                parts.add(text.toString());
            }
            if (!parts.isEmpty()) {
                sentences.add(commune.name() + " (thành lập từ " + DAY.format(commune.validFrom()) + "): "
                        + String.join("; ", parts) + ".");
            }
        }
        return sentences;
    }

    /** A unit's cumulative figure a year earlier: its own, or its predecessors' by their shares. */
    private Lineage.Earlier earlier(Unit unit, Indicator indicator, YearMonth lastPeriod) {
        return lineage.earlier(unit, indicator, lastPeriod,
                u -> figures.figure(u.key(), indicator.code(), lastPeriod, Measure.CUMULATIVE));
    }

    /**
     * What departments wrote in the free-text rows of their forms, in the catalog's order of forms:
     * highlights ({@code *_NOI_BAT}) for the results, difficulties ({@code *_KHO_KHAN}) for I.2.
     */
    private List<String> freeTexts(String suffix, YearMonth period) {
        List<FigureRepository.Text> texts = new ArrayList<>(figures.texts(suffix, period));
        texts.sort(Comparator.comparingInt(text -> catalog.forms().indexOf(
                catalog.formOf(text.indicatorCode()).orElse(null))));
        return texts.stream().map(FigureRepository.Text::text).map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> capitalise(text.endsWith(".") ? text : text + ".")).toList();
    }

    /**
     * The figures that do not agree, by unit, as the catalog's rules found them (a commune's list
     * against its own total): a difficulty until the unit corrects its report.
     */
    private Optional<String> discrepancies(YearMonth period) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (FigureRepository.Discrepancy discrepancy : figures.discrepancies(period)) {
            String message = discrepancy.message().endsWith(".")
                    ? discrepancy.message().substring(0, discrepancy.message().length() - 1) : discrepancy.message();
            byUnit.computeIfAbsent(discrepancy.unitKey(), k -> new ArrayList<>())
                    .add(Character.toLowerCase(message.charAt(0)) + message.substring(1));
        }
        if (byUnit.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        byUnit.forEach((unitKey, messages) -> parts.add(catalog.unitByKey(unitKey).map(Unit::nameInSentence)
                .orElse(unitKey) + ": " + String.join("; ", messages)));
        return Optional.of("Số liệu chưa khớp, đề nghị đơn vị rà soát, báo cáo lại: " + String.join("; ", parts) + ".");
    }

    /** Who has not reported, and who reported late: a difficulty the office chases. */
    private static Optional<String> reporting(List<Completeness.Report> reports, YearMonth period) {
        // a unit that owes several reports is named once, with its forms: "Xã Hồng Thái (BM03-DT, BM03-DS)"
        Map<String, List<String>> missing = new LinkedHashMap<>();
        int missingReports = 0;
        List<String> late = new ArrayList<>();
        for (Completeness.Report report : reports) {
            if (report.missing()) {
                missing.computeIfAbsent(report.unit().name(), k -> new ArrayList<>()).add(report.form().code());
                missingReports++;
            } else if (report.daysLate() > 0) {
                late.add(report.unit().name() + " (" + report.form().code() + ") muộn " + report.daysLate() + " ngày");
            }
        }
        if (missing.isEmpty() && late.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missingReports + " báo cáo chưa gửi: " + String.join(", ", missing.entrySet().stream()
                    .map(unit -> unit.getKey() + " (" + String.join(", ", unit.getValue()) + ")").toList()));
        }
        if (!late.isEmpty()) {
            parts.add(late.size() + " báo cáo gửi muộn: " + String.join(", ", late));
        }
        return Optional.of("Việc chấp hành chế độ báo cáo tháng " + month(period) + " chưa nghiêm: "
                + String.join("; ", parts) + ".");
    }

    /** Section II: next month's tasks by sector, and how last month's stand. */
    private void tasks(YearMonth period, LocalDate night, List<Block> blocks) {
        YearMonth next = period.plusMonths(1);
        blocks.add(new Block(Kind.SECTION, "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG " + month(next)));
        List<Task> tasks = catalog.tasks(period);
        if (tasks.isEmpty()) {
            blocks.add(new Block(Kind.PARAGRAPH, "Văn phòng chưa cập nhật danh mục nhiệm vụ tháng " + month(next)
                    + "; đề nghị bổ sung trước khi ban hành."));
        } else {
            blocks.add(new Block(Kind.PARAGRAPH, "Trong tháng " + next.getMonthValue()
                    + ", yêu cầu các cơ quan, đơn vị cần tập trung triển khai một số nội dung cụ thể sau đây:"));
            Map<String, List<Task>> bySector = new LinkedHashMap<>();
            tasks.forEach(task -> bySector.computeIfAbsent(task.sector(), k -> new ArrayList<>()).add(task));
            int number = 0;
            for (Map.Entry<String, List<Task>> sector : bySector.entrySet()) {
                List<String> responsible = sector.getValue().stream()
                        .flatMap(task -> Arrays.stream(task.responsible().split(";")))
                        .map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
                blocks.add(new Block(Kind.SUBSECTION, (++number) + ". " + sector.getKey() + " ("
                        + String.join("; ", responsible) + ")"));
                for (Task task : sector.getValue()) {
                    blocks.add(new Block(Kind.ITEM, task.text()
                            + (task.deadline() == null ? "" : " Thời hạn: " + DAY.format(task.deadline()) + ".")));
                }
            }
        }
        List<Task> previous = catalog.tasks(period.minusMonths(1));
        if (!previous.isEmpty()) {
            blocks.add(new Block(Kind.SUBSECTION, "Kết quả thực hiện nhiệm vụ tháng " + month(period)
                    + " đã giao"));
            for (Task task : previous) {
                blocks.add(new Block(Kind.ITEM, task.responsible() + ": " + task.text() + " - " + followUp(task, night)));
            }
        }
    }

    private static String followUp(Task task, LocalDate night) {
        if (task.status() == Task.TaskStatus.DONE) {
            return "đã hoàn thành.";
        }
        if (task.deadline() != null && task.deadline().isBefore(night)) {
            return "quá hạn (thời hạn " + DAY.format(task.deadline()) + ").";
        }
        return task.status() == Task.TaskStatus.IN_PROGRESS ? "đang thực hiện." : "chưa có báo cáo kết quả.";
    }

    private static String level(UnitKind kind) {
        return switch (kind) {
            case PROVINCE -> "cấp tỉnh";
            case DISTRICT -> "cấp huyện";
            default -> "cấp xã";
        };
    }

    static String fraction(BigDecimal part, BigDecimal whole, Indicator indicator) {
        return VietnameseNumbers.format(part, indicator.decimals()) + "/"
                + VietnameseNumbers.format(whole, indicator.decimals());
    }

    static String figure(BigDecimal value, Indicator indicator) {
        return VietnameseNumbers.format(value, indicator.decimals(), indicator.minDigits());
    }

    static BigDecimal ratio(BigDecimal part, BigDecimal whole, int decimals) {
        return part.multiply(HUNDRED).divide(whole, decimals, RoundingMode.HALF_UP);
    }

    static String percent(BigDecimal part, BigDecimal whole, int decimals) {
        return whole.signum() == 0 ? "—" : VietnameseNumbers.format(ratio(part, whole, decimals), decimals);
    }

    static String month(YearMonth period) {
        return String.format("%02d/%d", period.getMonthValue(), period.getYear());
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
