package vn.giaoban.briefing;

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
import vn.giaoban.briefing.internal.FigureRepository;
import vn.giaoban.briefing.internal.FigureRepository.Status;
import vn.giaoban.briefing.internal.FigureRepository.Total;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.text.VietnameseNumbers;

/**
 * Writes the briefing's sentences from the consolidated figures, in the wording and number format
 * of the office's own notices. Nothing is typed in: a figure that is missing is said to be missing,
 * and a comparison without last year's figure says so rather than comparing with zero.
 */
@Component
public class BriefingComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Catalog catalog;
    private final FigureRepository figures;
    private final BriefingProperties properties;

    public BriefingComposer(Catalog catalog, FigureRepository figures, BriefingProperties properties) {
        this.catalog = catalog;
        this.figures = figures;
        this.properties = properties;
    }

    public Briefing compose(YearMonth period, LocalDate noticeDate) {
        Unit unit = catalog.unit(properties.unitCode(), period).orElseThrow(() -> new IllegalStateException(
                "The briefing's unit " + properties.unitCode() + " is not valid in " + period));
        String month = month(period);
        List<String> results = new ArrayList<>();
        List<String> difficulties = new ArrayList<>();

        results.addAll(statusCriteria(period));
        for (Indicator indicator : catalog.indicators()) {
            if (!catalog.targets(indicator.code(), period.getYear(), unit.code()).isEmpty()) {
                attainment(unit, indicator, period).ifPresent(results::add);
            }
        }
        petitions(unit, period).ifPresent(results::add);
        yearOnYear(unit, period, results, difficulties);

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Kind.SECTION, "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ"));
        blocks.add(new Block(Kind.SUBSECTION, "1. Một số kết quả chủ yếu đạt được trong tháng " + month));
        results.forEach(text -> blocks.add(new Block(Kind.ITEM, text)));
        blocks.add(new Block(Kind.SUBSECTION, "2. Khó khăn, tồn tại, hạn chế"));
        if (difficulties.isEmpty()) {
            difficulties.add("Các chỉ tiêu được tổng hợp trong tháng " + month
                    + " không có chỉ tiêu nào giảm so với cùng kỳ năm " + (period.getYear() - 1) + ".");
        }
        difficulties.forEach(text -> blocks.add(new Block(Kind.ITEM, text)));

        Briefing.Letterhead letterhead = new Briefing.Letterhead(properties.parentBody(), properties.issuingBody(),
                properties.documentNumber(), properties.place(), noticeDate, properties.recipients(),
                properties.signerLines(), properties.signerName());
        return new Briefing(period, letterhead, "THÔNG BÁO", properties.summary().replace("{period}", month), blocks,
                properties.draft(), Briefing.Annex.EMPTY);
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

    /** A cumulative figure against each of the year's targets: "được 94.533 triệu đồng, đạt 116,71% ...". */
    private Optional<String> attainment(Unit unit, Indicator indicator, YearMonth period) {
        Optional<Total> total = figures.total(unit.key(), indicator.code(), period, Measure.CUMULATIVE);
        if (total.isEmpty()) {
            return Optional.of(indicator.shortName() + ": chưa có số liệu tháng " + month(period) + ".");
        }
        BigDecimal value = total.get().value();
        String asOf = figures.asOf(unit.key(), indicator.code(), period, Measure.CUMULATIVE)
                .map(day -> "đến ngày " + DAY.format(day))
                .orElse("lũy kế đến tháng " + month(period));
        StringBuilder text = new StringBuilder(indicator.shortName()).append(' ').append(asOf).append(" được ")
                .append(figure(value, indicator)).append(' ').append(indicator.unitOfMeasure());
        for (Target target : catalog.targets(indicator.code(), period.getYear(), unit.code())) {
            text.append(", đạt ").append(percent(value, target.value(), indicator.percentDecimals())).append("% ")
                    .append(target.label());
        }
        return Optional.of(text.append('.').toString());
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
                .append(ratio(done.get().value(), in.get().value(), resolved)).append(" đơn, đạt ")
                .append(percent(done.get().value(), in.get().value(), resolved.percentDecimals())).append('%');
        List<String> parts = new ArrayList<>();
        if (in.get().own() != null && done.get().own() != null) {
            parts.add(level(unit.kind()) + " giải quyết " + ratio(done.get().own(), in.get().own(), resolved));
        }
        if (in.get().children() != null && done.get().children() != null) {
            parts.add("cấp xã " + ratio(done.get().children(), in.get().children(), resolved) + " đơn");
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
     * Crime and traffic accidents against the same period last year: a change for the worse (by the
     * indicator's polarity) is a difficulty, a change for the better a result.
     */
    private void yearOnYear(Unit unit, YearMonth period, List<String> results, List<String> difficulties) {
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        comparison(unit, period, "PPHS", List.of(), worse, better, topics);
        comparison(unit, period, "TNGT_SO_VU", List.of("TNGT_CHET", "TNGT_BI_THUONG"), worse, better, topics);
        String lastYear = String.valueOf(period.getYear() - 1);
        if (!worse.isEmpty()) {
            difficulties.add(String.join(" và ", topics) + " tăng so với cùng kỳ năm " + lastYear + ". "
                    + capitalise(String.join("; ", worse)) + ".");
        }
        if (!better.isEmpty()) {
            results.add(capitalise(String.join("; ", better)) + ".");
        }
    }

    private void comparison(Unit unit, YearMonth period, String code, List<String> victims, List<String> worse,
            List<String> better, List<String> topics) {
        Indicator indicator = catalog.indicator(code);
        Optional<Total> now = figures.total(unit.key(), code, period, Measure.CUMULATIVE);
        if (now.isEmpty()) {
            return;
        }
        YearMonth lastPeriod = period.minusYears(1);
        Optional<Total> before = catalog.unit(unit.code(), lastPeriod)
                .flatMap(u -> figures.total(u.key(), code, lastPeriod, Measure.CUMULATIVE));
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
        if (before.isEmpty()) {
            text.append(" (chưa có số liệu cùng kỳ năm ").append(lastYear).append(" để so sánh)");
            better.add(text.toString());
            return;
        }
        BigDecimal previous = before.get().value();
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
        if (indicator.polarity().worsened(direction)) {
            worse.add(text.toString());
            topics.add(topicName(code));
        } else {
            better.add(text.toString());
        }
    }

    private static String topicName(String code) {
        return code.startsWith("PPHS") ? "Phạm pháp hình sự" : "tai nạn giao thông";
    }

    private static String level(UnitKind kind) {
        return switch (kind) {
            case PROVINCE -> "cấp tỉnh";
            case DISTRICT -> "cấp huyện";
            default -> "cấp xã";
        };
    }

    private static String ratio(BigDecimal part, BigDecimal whole, Indicator indicator) {
        return VietnameseNumbers.format(part, indicator.decimals()) + "/"
                + VietnameseNumbers.format(whole, indicator.decimals());
    }

    private static String figure(BigDecimal value, Indicator indicator) {
        return VietnameseNumbers.format(value, indicator.decimals(), indicator.minDigits());
    }

    static String percent(BigDecimal part, BigDecimal whole, int decimals) {
        if (whole.signum() == 0) {
            return "—";
        }
        return VietnameseNumbers.format(part.multiply(HUNDRED).divide(whole, decimals, RoundingMode.HALF_UP), decimals);
    }

    static String month(YearMonth period) {
        return String.format("%02d/%d", period.getMonthValue(), period.getYear());
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
