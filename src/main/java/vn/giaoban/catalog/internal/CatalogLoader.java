package vn.giaoban.catalog.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.ColumnRole;
import vn.giaoban.catalog.Delegation;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Heading;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.ListForm;
import vn.giaoban.catalog.Meeting;
import vn.giaoban.catalog.NoticeItem;
import vn.giaoban.catalog.SentencePattern;
import vn.giaoban.catalog.Office;
import vn.giaoban.catalog.Task;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.PeriodType;
import vn.giaoban.catalog.Polarity;
import vn.giaoban.catalog.Rollup;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Succession;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.TargetLevel;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.catalog.ValueType;
import vn.giaoban.text.VietnameseText;

/**
 * Reads the catalog's CSV files (units, indicators, forms, targets, headings) from a folder and
 * checks that they hold together, so that a broken catalog stops the application before any job
 * runs, with a message that names the file, the line and the entry.
 */
public final class CatalogLoader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

    private final ResourceLoader resources;

    public CatalogLoader(ResourceLoader resources) {
        this.resources = resources;
    }

    /** @param location a folder, e.g. {@code classpath:catalog/van-lang/} or {@code file:/etc/giaoban/catalog/} */
    /** Every file a catalog folder may hold. */
    static final List<String> FILES = List.of("units.csv", "indicators.csv", "forms.csv", "targets.csv", "headings.csv",
            "meetings.csv", "tasks.csv", "rules.csv", "list-columns.csv", "list-aggregations.csv", "delegations.csv",
            "offices.csv", "briefing.csv");

    /**
     * A SHA-256 over the catalog folder's files, names and contents: two processes that read the same
     * catalog have the same fingerprint (a worker compares its own with its manager's).
     */
    public String fingerprint(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                Resource resource = resources.getResource(folder + file);
                if (resource.exists()) {
                    digest.update(file.getBytes(StandardCharsets.UTF_8));
                    try (var in = resource.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Catalog load(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        CatalogProblems problems = new CatalogProblems();
        List<Unit> units = read(folder, "units.csv", problems, CatalogLoader::unit);
        List<Indicator> indicators = read(folder, "indicators.csv", problems, CatalogLoader::indicator);
        List<Form> forms = read(folder, "forms.csv", problems, CatalogLoader::form);
        List<Target> targets = read(folder, "targets.csv", problems, CatalogLoader::target);
        List<Heading> headings = read(folder, "headings.csv", problems, CatalogLoader::headings).stream()
                .flatMap(List::stream).toList();
        Set<String> unitCodes = new HashSet<>(units.stream().map(Unit::code).toList());
        Set<String> indicatorCodes = new HashSet<>(indicators.stream().map(Indicator::code).toList());
        List<Office.Template> offices = readOptional(folder, "offices.csv", problems,
                row -> office(row, unitCodes, indicatorCodes));
        // an office's notice says what briefing.csv says: offices without it would issue empty notices
        List<NoticeItem> notice = offices.isEmpty()
                ? readOptional(folder, "briefing.csv", problems, row -> noticeItem(row, indicators, unitCodes))
                : read(folder, "briefing.csv", problems, row -> noticeItem(row, indicators, unitCodes));
        // kept by the office month by month: a catalog without them is still a catalog
        List<Meeting> meetings = readOptional(folder, "meetings.csv", problems, row -> meeting(row, offices, unitCodes));
        List<Task> tasks = readOptional(folder, "tasks.csv", problems, row -> task(row, offices, unitCodes));
        List<Rule> rules = readOptional(folder, "rules.csv", problems, CatalogLoader::rule);
        List<Delegation> delegations = readOptional(folder, "delegations.csv", problems, CatalogLoader::delegation);
        List<ListForm> listForms = ListForms.of(
                readOptional(folder, "list-columns.csv", problems, CatalogLoader::listColumn),
                readOptional(folder, "list-aggregations.csv", problems, CatalogLoader::listAggregation));
        duplicates("indicators.csv", indicators.stream().map(Indicator::code).toList(), "trùng mã chỉ tiêu", problems);
        duplicates("forms.csv", forms.stream().map(Form::code).toList(), "trùng mã biểu mẫu", problems);
        duplicates("units.csv", units.stream().map(Unit::key).toList(), "trùng mã đơn vị có cùng ngày bắt đầu hiệu lực",
                problems);
        problems.throwIfAny();
        duplicates("tasks.csv", tasks.stream().map(Task::code).toList(), "trùng mã nhiệm vụ", problems);
        duplicates("meetings.csv", meetings.stream().map(m -> m.office() + " " + m.period()).toList(), "trùng kỳ họp",
                problems);
        duplicates("offices.csv", offices.stream().map(Office.Template::units).toList(), "trùng đơn vị ra thông báo",
                problems);
        duplicates("rules.csv", rules.stream().map(Rule::code).toList(), "trùng mã quy tắc", problems);
        Catalog catalog = new Catalog(units, indicators, forms, targets, headings, meetings, tasks, rules, listForms,
                delegations, offices, notice);
        new CrossReferences(catalog, problems).validate();
        RuleValidation.validate(catalog, problems::add);
        problems.throwIfAny();
        return catalog;
    }

    private static void duplicates(String file, List<String> codes, String message, CatalogProblems problems) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                problems.add(file, 0, code, message);
            }
        }
    }

    private <T> List<T> readOptional(String folder, String file, CatalogProblems problems, Function<CatalogRow, T> mapper) {
        return resources.getResource(folder + file).exists() ? read(folder, file, problems, mapper) : List.of();
    }

    private <T> List<T> read(String folder, String file, CatalogProblems problems, Function<CatalogRow, T> mapper) {
        Resource resource = resources.getResource(folder + file);
        if (!resource.exists()) {
            problems.add(file, 0, null, "không tìm thấy tệp trong thư mục danh mục " + folder);
            return List.of();
        }
        List<T> items = new ArrayList<>();
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(resource.getInputStream()).get(),
                StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            for (CSVRecord record : parser) {
                CatalogRow row = new CatalogRow(file, record);
                try {
                    items.add(mapper.apply(row));
                } catch (RuntimeException e) {
                    problems.add(file, record.getRecordNumber() + 1, row.firstValue(), row.explain(e));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(file, 0, null, "không đọc được tệp: " + e.getMessage());
        }
        return items;
    }

    private static Unit unit(CatalogRow row) {
        return new Unit(row.required("code"), VietnameseText.nfc(row.required("name")),
                UnitKind.valueOf(row.required("kind").toUpperCase(Locale.ROOT)), row.optional("parent_code"),
                row.date("valid_from"), row.date("valid_to"), successions(row.optional("successor_code")),
                row.list("aliases", "|"));
    }

    /**
     * {@code 06172@2025-07-01:0.6|06124@2025-07-01:0.4}: the successors' keys, each with the share of
     * the predecessor it took where known; a lone successor without a share took all of it.
     */
    static List<Succession> successions(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> items = Arrays.stream(text.split("[|\\s]+")).filter(s -> !s.isEmpty()).toList();
        List<Succession> successions = new ArrayList<>();
        for (String item : items) {
            int colon = item.indexOf(':');
            String key = colon < 0 ? item : item.substring(0, colon);
            if (!key.matches("[^@]+@\\d{4}-\\d{2}-\\d{2}")) {
                throw new IllegalArgumentException("đơn vị kế thừa '" + item + "' cần dạng mã@yyyy-MM-dd[:tỷ lệ],"
                        + " ví dụ 06172@2025-07-01:0.6");
            }
            LocalDate.parse(key.substring(key.indexOf('@') + 1));
            BigDecimal share = null;
            if (colon >= 0) {
                try {
                    share = new BigDecimal(item.substring(colon + 1).trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("tỷ lệ '" + item.substring(colon + 1) + "' của đơn vị kế thừa "
                            + key + " không phải là số (ví dụ 0.6)");
                }
                if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("tỷ lệ " + share.toPlainString() + " của đơn vị kế thừa " + key
                            + " phải lớn hơn 0 và không quá 1");
                }
            } else if (items.size() == 1) {
                share = BigDecimal.ONE;
            }
            successions.add(new Succession(key, share));
        }
        return successions;
    }

    private static Indicator indicator(CatalogRow row) {
        return new Indicator(row.required("code"), VietnameseText.nfc(row.required("name")),
                VietnameseText.nfc(row.required("short_name")),
                VietnameseText.nfc(row.optionalOrEmpty("unit_of_measure")),
                ValueType.valueOf(row.required("value_type")), Rollup.valueOf(row.required("rollup")),
                Polarity.valueOf(row.required("polarity")), row.integer("decimals"), row.integer("percent_decimals"),
                row.integer("min_digits"), row.list("aliases", "|"));
    }

    /**
     * {@code period_type} and {@code cutoff_day} are optional columns (a deployment's catalog written before
     * them still loads): a monthly form with Decree 09/2019's cut-off on the 14th.
     */
    private static Form form(CatalogRow row) {
        int deadlineDay = row.dayOfMonth("deadline_day");
        String periodType = row.ifColumn("period_type");
        String cutoff = row.ifColumn("cutoff_day");
        int cutoffDay = cutoff == null ? Form.DECREE_CUTOFF_DAY : row.dayOfMonth("cutoff_day");
        if (cutoff != null && cutoffDay > deadlineDay) {
            throw new IllegalArgumentException("ngày chốt số liệu " + cutoffDay + " sau hạn gửi ngày " + deadlineDay
                    + ": số liệu phải được chốt trước hạn gửi báo cáo");
        }
        return new Form(row.required("code"), VietnameseText.nfc(row.required("title")), row.list("submitters", " "),
                Measure.valueOf(row.required("default_measure")), deadlineDay,
                row.list("indicators", " "), row.list("aliases", "|"),
                periodType == null ? PeriodType.MONTH : PeriodType.parse(periodType), cutoffDay, cutoff != null);
    }

    private static Target target(CatalogRow row) {
        return new Target(row.required("code"), row.required("indicator"), TargetLevel.valueOf(row.required("level")),
                row.integer("year"), row.required("unit"), new BigDecimal(row.required("value")),
                VietnameseText.nfc(row.required("label")));
    }

    /**
     * "06172" or "kind:commune", then the notice's header and signature; lines of one cell separated by "|".
     * A unit or an indicator the catalog lacks is named with its line and column here, not at the night's briefing.
     */
    private static Office.Template office(CatalogRow row, Set<String> unitCodes, Set<String> indicatorCodes) {
        String units = row.required("unit");
        if (units.startsWith("kind:")) {
            try {
                UnitKind.valueOf(units.substring("kind:".length()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cột unit: loại đơn vị không hợp lệ " + units
                        + " (province, district, town, commune)");
            }
        } else if (!unitCodes.contains(units)) {
            throw new IllegalArgumentException("cột unit: đơn vị " + units + " không có trong units.csv");
        }
        String trend = row.optional("trend_indicator");
        if (trend != null && !indicatorCodes.contains(trend)) {
            throw new IllegalArgumentException("cột trend_indicator: chỉ tiêu " + trend + " không có trong indicators.csv");
        }
        List<String> signerLines = row.list("signer_lines", "|");
        if (signerLines.isEmpty()) {
            throw new IllegalArgumentException("cột signer_lines không được để trống");
        }
        List<String> recipients = row.list("recipients", "|");
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("cột recipients không được để trống");
        }
        String bundle = row.optional("bundle");
        return new Office.Template(units, row.list("issuing_body", "|"), nfc(row.optional("parent_body")),
                nfc(row.required("place")), nfc(row.optional("document_number")), nfc(row.required("issuer")),
                nfc(row.required("summary")), recipients, signerLines, nfc(row.optional("signer_name")),
                row.list("emails", "|"), trend, bundle != null && VietnameseText.fold(bundle).matches("y|yes|co|1|true"));
    }

    /**
     * "results,attainment,*,,{Indicator} được {value} {uom}...": every indicator it names exists, every pattern
     * matches one, and the wording uses only its kind's slots; a mistake is named with its line and column here,
     * never as a night that fails at its briefing.
     */
    private static NoticeItem noticeItem(CatalogRow row, List<Indicator> indicators, Set<String> unitCodes) {
        NoticeItem.Section section = NoticeItem.Section.parse(row.required("section"));
        NoticeItem.Kind kind;
        try {
            kind = NoticeItem.Kind.parse(row.required("kind"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cột kind: loại '" + row.required("kind") + "' không hợp lệ ("
                    + String.join(", ", java.util.Arrays.stream(NoticeItem.Kind.values())
                            .map(k -> k.name().toLowerCase(Locale.ROOT)).toList()) + ")");
        }
        List<NoticeItem.Reference> references = new ArrayList<>();
        for (String entry : row.list("indicators", " ")) {
            int equals = entry.indexOf('=');
            NoticeItem.Reference reference = new NoticeItem.Reference(equals < 0 ? entry : entry.substring(0, equals),
                    equals < 0 ? null : entry.substring(equals + 1).replace('_', ' '));
            if (indicators.stream().noneMatch(i -> reference.matches(i.code()))) {
                throw new IllegalArgumentException("cột indicators: " + (reference.isPattern()
                        ? "mẫu " + reference.text() + " không khớp chỉ tiêu nào trong indicators.csv"
                        : "chỉ tiêu " + reference.text() + " không có trong indicators.csv"));
            }
            references.add(reference);
        }
        String problem = kind.problem(section, references.size(), row.optionalOrEmpty("option"));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        SentencePattern pattern;
        try {
            pattern = SentencePattern.parse(VietnameseText.nfc(row.optionalOrEmpty("text")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cột text: " + e.getMessage());
        }
        for (String slot : pattern.slots()) {
            if (!kind.allows(slot)) {
                throw new IllegalArgumentException("cột text: ô {" + slot + "} không dùng được cho loại "
                        + kind.name().toLowerCase(Locale.ROOT));
            }
        }
        List<String> offices = row.list("offices", " ");
        for (String office : offices) {
            boolean isKind = java.util.Arrays.stream(UnitKind.values()).anyMatch(k -> k.name().equalsIgnoreCase(office));
            if (!isKind && !unitCodes.contains(office)) {
                throw new IllegalArgumentException("cột offices: " + office + " không phải loại đơn vị hay mã đơn vị"
                        + " trong units.csv");
            }
        }
        return new NoticeItem(section, kind, references, VietnameseText.nfc(row.optionalOrEmpty("option")), pattern,
                offices);
    }

    private static String nfc(String text) {
        return text == null ? null : VietnameseText.nfc(text);
    }

    /** The office a meeting or a task belongs to: a unit that a line of offices.csv covers. */
    private static String officeOf(CatalogRow row, List<Office.Template> offices, Set<String> unitCodes) {
        String office = row.required("office");
        if (offices.stream().noneMatch(t -> t.kind() == null ? t.units().equals(office) : unitCodes.contains(office))) {
            throw new IllegalArgumentException("cột office: " + office + " không phải đơn vị ra thông báo trong offices.csv");
        }
        return office;
    }

    private static Meeting meeting(CatalogRow row, List<Office.Template> offices, Set<String> unitCodes) {
        return new Meeting(officeOf(row, offices, unitCodes), YearMonth.parse(row.required("period")), row.date("meeting_date"), row.date("notice_date"),
                VietnameseText.nfc(row.required("chair")), VietnameseText.nfc(row.optionalOrEmpty("attendees")),
                VietnameseText.nfc(row.required("concluded_by")));
    }

    private static Task task(CatalogRow row, List<Office.Template> offices, Set<String> unitCodes) {
        String status = row.optional("status");
        return new Task(row.required("code"), officeOf(row, offices, unitCodes), YearMonth.parse(row.required("period")),
                VietnameseText.nfc(row.required("sector")), VietnameseText.nfc(row.required("responsible")),
                VietnameseText.nfc(row.required("task")), row.date("deadline"),
                status == null ? null : Task.TaskStatus.valueOf(status));
    }

    private static Rule rule(CatalogRow row) {
        String briefing = row.optional("briefing");
        return new Rule(row.required("code"), Rule.Scope.parse(row.required("applies_to")),
                Rule.Severity.valueOf(row.required("severity")), row.required("subject"), row.required("check"),
                row.decimal("tolerance_abs"), row.decimal("tolerance_rel"),
                briefing != null && VietnameseText.fold(briefing).matches("y|yes|co|1|true"),
                VietnameseText.nfc(row.required("message")), VietnameseText.nfc(row.ifColumn("name")));
    }

    /** "PNNPTNT,BM05-NTM,kind:commune,sender": who sends a form about whom, and whose file counts when both do. */
    private static Delegation delegation(CatalogRow row) {
        return new Delegation(row.required("sender"), row.required("form"), row.list("subjects", " "),
                Delegation.Authority.parse(row.required("authoritative")));
    }

    private static ListForms.ColumnRow listColumn(CatalogRow row) {
        String required = row.optional("required");
        return new ListForms.ColumnRow(row.required("form"), new ListForm.Column(row.required("column"),
                ListForm.ColumnType.valueOf(row.required("type")),
                required != null && VietnameseText.fold(required).matches("y|yes|co|1|true"), row.list("aliases", "|")));
    }

    private static ListForms.AggregationRow listAggregation(CatalogRow row) {
        return new ListForms.AggregationRow(row.required("form"), new ListForm.Aggregation(row.required("indicator"),
                Measure.valueOf(row.required("measure")), ListForm.Function.valueOf(row.required("function")),
                row.optional("column"), row.optionalOrEmpty("filter")));
    }

    /** One line per role, its aliases separated by "|", in the order they are tried. */
    private static List<Heading> headings(CatalogRow row) {
        ColumnRole role = ColumnRole.valueOf(row.required("role"));
        return row.list("aliases", "|").stream().map(alias -> new Heading(role, alias)).toList();
    }

}
