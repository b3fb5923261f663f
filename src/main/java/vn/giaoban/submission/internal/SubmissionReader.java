package vn.giaoban.submission.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.ColumnRole;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.ListForm;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.ValueType;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.table.CellKind;
import vn.giaoban.submission.internal.table.ReadLimits;
import vn.giaoban.submission.internal.table.SheetCell;
import vn.giaoban.submission.internal.table.SheetRow;
import vn.giaoban.submission.internal.table.TableSource;
import vn.giaoban.submission.internal.table.TableSources;
import vn.giaoban.submission.internal.table.UnreadableFileException;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseNumbers;
import vn.giaoban.text.VietnameseText;

/**
 * Reads one received file into values and findings, streaming its rows: the title lines identify
 * it, the header is found by its titles, each row below is matched to an indicator of the form by
 * code or name, each value column gives the measure its heading names. A file that cannot be read
 * or identified is rejected whole; a bad cell is a finding on that value and the rest count.
 *
 * <p>Over 400 lines on purpose: {@code Reading} is one file's state carried from row to row (title,
 * header, form or list, values so far); cut further, that state would be handed between classes at
 * every row. What needs none of it is apart: a figure's cell in {@link FigureCells}, a list in {@link ListTable}.
 */
public final class SubmissionReader {

    private static final Logger log = LoggerFactory.getLogger(SubmissionReader.class);
    /**
     * The findings' sentences (feedback.reading.*), in the shipped wording: the reader also runs outside
     * Spring (checks, the benchmark), and only a finding asks for one.
     */
    /**
     * Findings kept per file: a sheet of a hundred thousand junk rows must not write a hundred
     * thousand lines into the database and the feedback; the rest are counted in one more.
     */
    static final int MAX_FINDINGS = 200;

    /** How far down a sheet a header is looked for before the sheet is taken to hold no table. */
    private static final int HEADER_SEARCH_ROWS = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern LEADING_NUMBERING = Pattern.compile("^(?:[ivxlc]+|\\d+(?: \\d+)*|[a-z])\\s+");
    /** "Tổng số đơn tiếp nhận" is "Số đơn tiếp nhận": a total's label often says so. */
    private static final Pattern LEADING_TOTAL = Pattern.compile("^tong (?:so )?");
    private static final Pattern TRAILING_PARENTHESES = Pattern.compile("\\s*\\([^()]*\\)\\s*$");

    private final Catalog catalog;
    private final SubmissionIdentifier identifier;
    private final HeaderDetector headers;
    private final Charset fallbackCharset;
    private final ReadLimits limits;
    private final List<ListForm> listForms;
    private final ListRecordStore listRecords;
    private final Messages words;
    private final FigureCells figures;
    /** Each indicator's folded names, folded once: every row of every file is matched against them. */
    private final Map<String, List<String>> foldedNames = new ConcurrentHashMap<>();

    /** A reader that keeps no list records, in the shipped wording: for a check of files, or a test of the reader. */
    public SubmissionReader(Catalog catalog, Charset fallbackCharset) {
        this(catalog, fallbackCharset, ReadLimits.DEFAULTS, ListRecordStore.none());
    }

    /** A reader in the shipped wording. */
    public SubmissionReader(Catalog catalog, Charset fallbackCharset, ReadLimits limits, ListRecordStore listRecords) {
        this(catalog, fallbackCharset, limits, listRecords, Messages.defaults());
    }

    /**
     * @param limits      how large a file is read, and where a large .xlsx's shared strings are kept
     * @param listRecords where the records of a list are stored as they are read
     * @param words       the findings' sentences, with the office's rewording
     */
    public SubmissionReader(Catalog catalog, Charset fallbackCharset, ReadLimits limits, ListRecordStore listRecords,
            Messages words) {
        this.words = words;
        this.figures = new FigureCells(words);
        this.limits = limits;
        this.catalog = catalog;
        this.listRecords = listRecords;
        this.identifier = new SubmissionIdentifier(catalog, words);
        this.headers = new HeaderDetector(new HeadingMatcher(catalog.headings()));
        this.fallbackCharset = fallbackCharset;
        this.listForms = catalog.listForms();
        catalog.indicators().forEach(indicator -> foldedNames.put(indicator.code(), Catalog.foldedNames(indicator)));
    }

    private record ListHeader(ListForm form, Map<Integer, ListForm.Column> columns) {
    }

    public IngestResult read(ReceivedFile file) {
        return read(file, fallbackCharset);
    }

    /** @param legacyCharset how this unit's CSV files are encoded when they are neither UTF-8 nor marked by a BOM */
    public IngestResult read(ReceivedFile file, Charset legacyCharset) {
        List<Unit> folderUnits = catalog.unitsWithCode(file.folder());
        if (folderUnits.isEmpty()) {
            return IngestResult.rejected(file.submissionId(), null, null, null, List.of(),
                    words.get("feedback.reading.unknown-folder", file.folder()));
        }
        Optional<TemplateMetadata> template = TemplateMetadata.read(file.path());
        try (TableSource source = TableSources.stream(file.path(), legacyCharset, limits);
                Reading reading = new Reading(file, folderUnits, template)) {
            return LegacyTextFinding.added(reading.run(source.rows()), source.convertedCells(), words);
        } catch (ListRecordStore.StoreFailure e) {
            throw e; // the database's fault, not the file's: the night stops and is restarted
        } catch (UnreadableFileException e) {
            return unreadable(file, folderUnits, template, e.getMessage());
        } catch (UncheckedIOException e) {
            return unreadable(file, folderUnits, template, TableSources.reason(e));
        } catch (IOException | RuntimeException e) {
            log.warn("{} could not be read", file.relativePath(), e);
            return unreadable(file, folderUnits, template, words.get("feedback.reading.failed", e.getClass().getSimpleName()));
        }
    }

    /**
     * A file that cannot be read at all still says what it is by its name and folder ("BM03-DT_T10-2022.xlsx" in
     * 06172/): refused as that unit's report of that form and period, so the office's list counts it against the
     * right report, not against every report the unit owes.
     */
    private IngestResult unreadable(ReceivedFile file, List<Unit> folderUnits, Optional<TemplateMetadata> template,
            String reason) {
        Identification byName = identifier.identify(folderUnits, file.path().getFileName().toString(), List.of(), template);
        return IngestResult.rejected(file.submissionId(), unitKey(byName), formCode(byName), byName.period(), List.of(),
                reason);
    }

    /** The state of reading one file. */
    private final class Reading implements AutoCloseable {
        private final ReceivedFile file;
        private final List<Unit> folderUnits;
        private final Optional<TemplateMetadata> template;
        private final List<String> titleLines = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, StagedValue> values = new LinkedHashMap<>();
        /** Rows that named one of the form's indicators, whether or not a value of theirs could be taken. */
        private int rowsMatched;
        private final Set<String> hiddenReported = new HashSet<>();
        private Identification identification;
        private Unit unit;
        private String subjectKey;
        private Map<String, Indicator> formIndicators;
        /** The list forms the folder's unit submits: the headers each row above a table is tried against. */
        private final List<ListForm> submittableLists;
        /** The list being read, once a list form's header was found. */
        private ListTable list;
        /** Where that list's records are stored as they are read. */
        private ListRecordStore.Writer listRecordWriter;

        Reading(ReceivedFile file, List<Unit> folderUnits, Optional<TemplateMetadata> template) {
            this.file = file;
            this.folderUnits = folderUnits;
            this.template = template;
            this.submittableLists = listForms.stream().filter(list -> catalog.form(list.formCode())
                    .map(form -> folderUnits.stream().anyMatch(form::submittableBy)).orElse(false)).toList();
        }

        IngestResult run(Iterator<SheetRow> rows) {
            String sheet = null;
            TableHeader header = null;
            SheetRow pendingRow = null;
            Map<Integer, String> pendingTitles = null;
            int rowsBeforeHeader = 0;
            while (rows.hasNext()) {
                SheetRow row = rows.next();
                if (list != null) {
                    if (row.sheet().equals(list.sheet())) {
                        list.row(row, findings);
                    }
                    continue;
                }
                if (!row.sheet().equals(sheet)) {
                    if (header == null && pendingTitles != null) {
                        header = headers.header(pendingRow.sheet(), pendingRow.number(), pendingTitles).orElse(null);
                        if (header != null && !start(header)) {
                            return rejection();
                        }
                    }
                    sheet = row.sheet();
                    header = null;
                    pendingRow = null;
                    pendingTitles = null;
                    rowsBeforeHeader = 0;
                }
                if (header == null) {
                    if (pendingTitles != null) {
                        header = headers.twoRows(pendingRow, pendingTitles, row).orElse(null);
                        boolean twoRowHeader = header != null;
                        if (header == null) {
                            header = headers.header(pendingRow.sheet(), pendingRow.number(), pendingTitles).orElse(null);
                        }
                        pendingRow = null;
                        pendingTitles = null;
                        if (header != null) {
                            if (!start(header)) {
                                return rejection();
                            }
                            if (twoRowHeader) {
                                continue;
                            }
                        }
                    }
                    if (header == null) {
                        if (++rowsBeforeHeader > HEADER_SEARCH_ROWS) {
                            continue;
                        }
                        Optional<ListHeader> listHeader = listHeader(row);
                        if (listHeader.isPresent()) {
                            if (!startList(listHeader.get(), row.sheet())) {
                                return rejection();
                            }
                            continue;
                        }
                        Optional<Map<Integer, String>> naming = headers.namingRow(row);
                        if (naming.isPresent()) {
                            pendingRow = row;
                            pendingTitles = naming.get();
                        } else if (identification == null) {
                            titleLines.add(text(row));
                        }
                        continue;
                    }
                }
                dataRow(header, row);
            }
            if (header == null && pendingTitles != null) {
                header = headers.header(pendingRow.sheet(), pendingRow.number(), pendingTitles).orElse(null);
                if (header != null && !start(header)) {
                    return rejection();
                }
            }
            if (identification == null) {
                Identification byTitle = identifier.identify(folderUnits, file.path().getFileName().toString(), titleLines, template);
                Optional<ListForm> expectedList = byTitle.identified() ? catalog.listForm(byTitle.form().code())
                        : Optional.empty();
                String reason = expectedList.isPresent()
                        ? words.get("feedback.reading.no-list", String.join(", ",
                                expectedList.get().columns().stream().filter(ListForm.Column::required)
                                        .map(c -> "\"" + c.aliases().get(0) + "\"").toList()), byTitle.form().code())
                        : byTitle.identified()
                        ? words.get("feedback.reading.no-table")
                        : byTitle.rejection();
                return IngestResult.rejected(file.submissionId(), unitKey(byTitle), formCode(byTitle), byTitle.period(),
                        List.of(), reason);
            }
            if (list != null) {
                return listResult();
            }
            missingIndicators();
            if (values.isEmpty()) {
                // rows of the form's indicators whose every value was refused is not a file of the wrong form
                return new IngestResult(file.submissionId(), SubmissionStatus.REJECTED, unit.key(),
                        identification.form().code(), identification.period(), identification.asOf(), List.of(),
                        capped(findings), rowsMatched > 0
                                ? words.get("feedback.reading.no-valid-values", identification.form().code())
                                : words.get("feedback.reading.no-values", identification.form().code()));
            }
            return new IngestResult(file.submissionId(), SubmissionStatus.ACCEPTED, unit.key(),
                    identification.form().code(), identification.period(), identification.asOf(),
                    List.copyOf(values.values()), capped(findings), null);
        }

        /** A read that ended without its list's records committed leaves them to be deleted by the next read. */
        @Override
        public void close() {
            if (listRecordWriter != null) {
                listRecordWriter.close();
            }
        }

        /** A list form's header in this row: the first list form, of those the folder's unit submits, whose columns it names. */
        private Optional<ListHeader> listHeader(SheetRow row) {
            for (ListForm candidate : submittableLists) {
                Optional<Map<Integer, ListForm.Column>> columns = ListTable.header(candidate, row);
                if (columns.isPresent()) {
                    return Optional.of(new ListHeader(candidate, columns.get()));
                }
            }
            return Optional.empty();
        }

        /** Identifies the file at its list's header; false when it cannot be, or names another form. */
        private boolean startList(ListHeader header, String listSheet) {
            if (!identify()) {
                return false;
            }
            if (!identification.form().code().equals(header.form().formCode())) {
                identification = Identification.rejected(unit, identification.period(), words.get("feedback.reading.list-of-other-form",
                        header.form().formCode(), identification.form().code()));
                return false;
            }
            listRecordWriter = listRecords.open(file.submissionId(), header.form());
            list = ListTable.start(catalog, header.form(), header.columns(), listSheet, identification.period(),
                    listRecordWriter, words);
            return true;
        }

        private IngestResult listResult() {
            listRecordWriter.finish();
            if (list.records() == 0 && list.notCounted() > 0) {
                // every row failed: the list is not "no petitions", it is unread
                return new IngestResult(file.submissionId(), SubmissionStatus.REJECTED, unit.key(),
                        identification.form().code(), identification.period(), identification.asOf(), List.of(),
                        capped(findings), words.get("feedback.reading.list-none-counted", list.notCounted()));
            }
            List<StagedValue> listValues = list.values(subjectKey, identification.period());
            findings.add(Finding.file(Severity.INFO, "LIST_COUNTED", words.get("feedback.reading.list-counted",
                    list.records(), String.join("; ", listValues.stream().map(v -> v.measure() == Measure.MONTH
                            ? words.get("feedback.reading.list-figure-month", catalog.indicator(v.indicatorCode()).name(),
                                    VietnameseNumbers.format(v.number(), 0))
                            : words.get("feedback.reading.list-figure-cumulative", catalog.indicator(v.indicatorCode()).name(),
                                    VietnameseNumbers.format(v.number(), 0))).toList()))));
            return new IngestResult(file.submissionId(), SubmissionStatus.ACCEPTED, unit.key(),
                    identification.form().code(), identification.period(), identification.asOf(), listValues,
                    capped(findings), null);
        }

        /** Identifies the file from its name, title lines and template; false when it cannot be. */
        private boolean identify() {
            if (identification != null) {
                return identification.identified();
            }
            identification = identifier.identify(folderUnits, file.path().getFileName().toString(), titleLines, template);
            if (!identification.identified()) {
                return false;
            }
            findings.addAll(identification.notes());
            unit = identification.unit();
            subjectKey = unit.kind().reportsForParent()
                    ? catalog.parent(unit).map(Unit::key).orElse(unit.key())
                    : unit.key();
            return true;
        }

        /** Identifies the file at its first table; false when it cannot be. */
        private boolean start(TableHeader header) {
            if (identification != null) {
                return true;
            }
            if (!identify()) {
                return false;
            }
            formIndicators = new LinkedHashMap<>();
            identification.form().indicatorCodes().forEach(code -> formIndicators.put(code, catalog.indicator(code)));
            return true;
        }

        private IngestResult rejection() {
            return IngestResult.rejected(file.submissionId(), unitKey(identification), formCode(identification),
                    identification.period(), List.of(), identification.rejection());
        }

        private void dataRow(TableHeader header, SheetRow row) {
            Optional<Indicator> indicator = indicatorOf(header, row);
            if (indicator.isEmpty()) {
                reportUnknownRow(header, row);
                return;
            }
            if (row.hidden() && hiddenReported.add(row.sheet() + row.number())) {
                findings.add(new Finding(Severity.WARNING, "HIDDEN_ROW", row.sheet(), "A" + row.number(), null,
                        words.get("feedback.reading.hidden-row", row.number())));
            }
            if (indicator.get().valueType() == ValueType.TEXT) {
                freeText(header, row, indicator.get());
                return;
            }
            rowsMatched++;
            Form form = identification.form();
            for (Map.Entry<Integer, ColumnRole> column : header.valueColumns().entrySet()) {
                Measure measure = column.getValue().measure().orElse(form.defaultMeasure());
                Optional<SheetCell> cell = row.cell(column.getKey())
                        .filter(c -> !(c.kind() == CellKind.TEXT && c.text().isBlank()));
                if (cell.isEmpty()) {
                    if (measure == form.defaultMeasure()) {
                        // the figure the form is for, left blank: said, with its cell, rather than passed over
                        findings.add(new Finding(Severity.WARNING, "BLANK_FIGURE", row.sheet(),
                                TableSources.columnName(column.getKey()) + row.number(), null,
                                words.get("feedback.reading.blank-figure", indicator.get().name())));
                    }
                    continue;
                }
                value(indicator.get(), measure, cell.get(), row.sheet());
            }
        }

        /**
         * A free-text row ("Kết quả nổi bật trong tháng"): its text stands in the first value column
         * that has any (often a cell merged across them) or in the notes. It is the unit's own words,
         * so it is about the unit that wrote it, even a department.
         */
        private void freeText(TableHeader header, SheetRow row, Indicator indicator) {
            List<Integer> columns = new ArrayList<>(header.valueColumns().keySet());
            header.column(ColumnRole.NOTE).ifPresent(columns::add);
            for (int column : columns) {
                Optional<SheetCell> cell = row.cell(column).filter(c -> c.kind() == CellKind.TEXT && !c.text().isBlank());
                if (cell.isPresent()) {
                    String key = indicator.code() + "/" + Measure.POINT;
                    values.putIfAbsent(key, new StagedValue(unit.key(), indicator.code(), identification.period(),
                            Measure.POINT, null, cell.get().text().strip(), row.sheet(), cell.get().reference()));
                    return;
                }
            }
        }

        private void value(Indicator indicator, Measure measure, SheetCell cell, String sheet) {
            String key = indicator.code() + "/" + measure;
            if (values.containsKey(key)) {
                findings.add(new Finding(Severity.ERROR, "DUPLICATE_ROW", sheet, cell.reference(), cell.text(),
                        words.get("feedback.reading.duplicate-row", indicator.name(), values.get(key).cell())));
                return;
            }
            if (cell.kind() == CellKind.ERROR) {
                findings.add(new Finding(Severity.ERROR, "ERROR_CELL", sheet, cell.reference(), cell.text(),
                        words.get("feedback.reading.error-cell", cell.text(), indicator.name())));
                return;
            }
            YearMonth period = identification.period();
            if (indicator.valueType() == ValueType.STATUS) {
                Optional<String> status = FigureCells.status(cell.text());
                if (status.isEmpty()) {
                    findings.add(new Finding(Severity.ERROR, "NOT_A_STATUS", sheet, cell.reference(), cell.text(),
                            words.get("feedback.reading.not-a-status", indicator.name())));
                    return;
                }
                values.put(key, new StagedValue(subjectKey, indicator.code(), period, measure, null, status.get(), sheet,
                        cell.reference()));
                return;
            }
            Optional<BigDecimal> number = figures.number(indicator, measure, cell, sheet, findings);
            number.ifPresent(n -> values.put(key, new StagedValue(subjectKey, indicator.code(), period, measure, n, null,
                    sheet, cell.reference())));
        }

        private Optional<Indicator> indicatorOf(TableHeader header, SheetRow row) {
            Optional<Indicator> byCode = header.column(ColumnRole.CODE).flatMap(row::cell)
                    .flatMap(cell -> match(cell.text()));
            if (byCode.isPresent()) {
                return byCode;
            }
            return header.column(ColumnRole.NAME).flatMap(row::cell).flatMap(cell -> match(cell.text()));
        }

        private Optional<Indicator> match(String text) {
            String folded = VietnameseText.fold(text);
            List<String> candidates = new ArrayList<>();
            candidates.add(folded);
            String unnumbered = LEADING_NUMBERING.matcher(folded).replaceFirst("");
            candidates.add(unnumbered);
            candidates.add(VietnameseText.fold(TRAILING_PARENTHESES.matcher(text).replaceFirst("")));
            candidates.add(LEADING_NUMBERING.matcher(candidates.get(2)).replaceFirst(""));
            for (int i = 0, n = candidates.size(); i < n; i++) {
                candidates.add(LEADING_TOTAL.matcher(candidates.get(i)).replaceFirst(""));
            }
            for (Indicator indicator : formIndicators.values()) {
                List<String> names = foldedNames.computeIfAbsent(indicator.code(), code -> Catalog.foldedNames(indicator));
                for (String candidate : candidates) {
                    if (!candidate.isEmpty() && names.contains(candidate)) {
                        return Optional.of(indicator);
                    }
                }
            }
            return Optional.empty();
        }

        private void reportUnknownRow(TableHeader header, SheetRow row) {
            Optional<SheetCell> label = header.column(ColumnRole.NAME).flatMap(row::cell)
                    .or(() -> header.column(ColumnRole.CODE).flatMap(row::cell));
            boolean hasValues = header.valueColumns().keySet().stream()
                    .map(row::cell).flatMap(Optional::stream)
                    .anyMatch(cell -> cell.kind() == CellKind.NUMBER || HeaderDetector.looksNumeric(cell.text()));
            if (label.isEmpty() || !hasValues || VietnameseText.fold(label.get().text()).length() < 3) {
                return;
            }
            findings.add(new Finding(Severity.INFO, "ROW_NOT_IN_FORM", row.sheet(), label.get().reference(),
                    label.get().text(), words.get("feedback.reading.row-not-in-form", identification.form().code())));
        }

        private void missingIndicators() {
            Set<String> present = new HashSet<>();
            values.values().forEach(v -> present.add(v.indicatorCode()));
            for (Indicator indicator : formIndicators.values()) {
                // free text is optional: a month without highlights is a month
                if (!present.contains(indicator.code()) && indicator.valueType() != ValueType.TEXT) {
                    findings.add(Finding.file(Severity.WARNING, "MISSING_INDICATOR", words.get("feedback.reading.missing-indicator", indicator.name(), indicator.code())));
                }
            }
        }
    }

    private List<Finding> capped(List<Finding> findings) {
        if (findings.size() <= MAX_FINDINGS) {
            return List.copyOf(findings);
        }
        List<Finding> kept = new ArrayList<>(findings.subList(0, MAX_FINDINGS));
        kept.add(Finding.file(Severity.INFO, "MORE_FINDINGS", words.get("feedback.reading.more-findings", findings.size() - MAX_FINDINGS)));
        return kept;
    }

    private static String unitKey(Identification identification) {
        return identification.unit() == null ? null : identification.unit().key();
    }

    private static String formCode(Identification identification) {
        return identification.form() == null ? null : identification.form().code();
    }

    /** A title row as a person reads it: a date cell ("Số liệu đến ngày: | 23/10/2022") as its date. */
    private static String text(SheetRow row) {
        StringBuilder line = new StringBuilder();
        for (SheetCell cell : row.cells()) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            if (cell.date() && cell.number() != null && DateUtil.isValidExcelDate(cell.number().doubleValue())) {
                line.append(DAY.format(DateUtil.getLocalDateTime(cell.number().doubleValue())));
            } else {
                line.append(cell.text());
            }
        }
        return line.toString();
    }
}
