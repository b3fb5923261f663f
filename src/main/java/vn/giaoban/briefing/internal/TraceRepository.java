package vn.giaoban.briefing.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cells behind a notice's figures ({@code data_value} with its {@code submission}), and the traces of the
 * notices as written ({@code notice_trace} and its rows, V12), one per office and period, replaced each night.
 */
@Repository
public class TraceRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public TraceRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * A consolidated value and the cell it was read from.
     *
     * @param submitterKey the unit that sent the file (a department reports for its district)
     * @param derived      a month's figure computed from the year to date, not read
     */
    public record Cell(String submitterKey, String file, String sheet, String cell, Integer version,
            LocalDate receivedNight, BigDecimal number, String text, boolean derived) {
    }

    /**
     * The consolidated value of a unit, indicator and measure with its cell. A unit's values of the period are
     * read together, once per step or transaction ({@link PeriodReads}): a province's notice reads each commune's
     * cells for many figures.
     */
    public Optional<Cell> cell(String unitKey, String indicator, YearMonth period, String measure) {
        Map<String, Cell> cells = PeriodReads.once("TraceRepository " + unitKey + " " + period, () -> {
            Map<String, Cell> read = new HashMap<>();
            jdbc.sql("""
                    SELECT v.indicator_code, v.measure, v.num_value, v.text_value, v.sheet, v.cell, v.derived,
                           s.unit_key, s.original_name, s.relative_path, s.version, s.received_night
                    FROM data_value v JOIN submission s ON s.id = v.submission_id
                    WHERE v.unit_key = ? AND v.period = ?
                    """).params(unitKey, period.toString()).query((rs, n) -> {
                        String path = rs.getString(10);
                        String file = rs.getString(9) != null ? rs.getString(9)
                                : path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
                        Date night = rs.getDate(12);
                        int version = rs.getInt(11);
                        read.put(rs.getString(1) + " " + rs.getString(2), new Cell(rs.getString(8), file,
                                rs.getString(5), rs.getString(6), rs.wasNull() ? null : version,
                                night == null ? null : night.toLocalDate(), rs.getBigDecimal(3), rs.getString(4),
                                rs.getBoolean(7)));
                        return null;
                    }).list();
            return Map.copyOf(read);
        });
        return Optional.ofNullable(cells.get(indicator + " " + measure));
    }

    /** A row of {@code notice_figure}: a figure or a part, {@code parent} null at the top. */
    public record FigureRow(String id, String parent, String place, String label, String shown, BigDecimal value,
            String derivation, String how) {
    }

    /** A row of {@code notice_figure_source}. */
    public record SourceRow(String figureId, String unitCode, String unitName, String file, String sheet,
            String cell, Integer version, LocalDate receivedNight, String valueRead, String note) {
    }

    /** A row of {@code notice_segment}: a piece of a paragraph of section I. */
    public record SegmentRow(String section, int paragraph, String text, String figureId) {
    }

    /** A notice's trace as stored, rows in their order. */
    public record Stored(LocalDate night, List<SegmentRow> segments, List<FigureRow> figures,
            List<SourceRow> sources) {
    }

    /**
     * Replaces an office's trace of a month, whole, in a transaction of its own (as the notice's output record is):
     * never half a trace, and never part of a caller's transaction (a read-only one that shares the period's reads).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void replace(String office, YearMonth period, LocalDate night, List<SegmentRow> segments,
            List<FigureRow> figures, List<SourceRow> sources) {
        String month = period.toString();
        for (String table : List.of("notice_figure_source", "notice_figure", "notice_segment", "notice_trace")) {
            jdbc.sql("DELETE FROM " + table + " WHERE office_code = ? AND period = ?").params(office, month).update();
        }
        jdbc.sql("INSERT INTO notice_trace (office_code, period, night) VALUES (?, ?, ?)")
                .params(office, month, night).update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            SegmentRow s = segments.get(i);
            rows.add(new Object[] { office, month, i, s.section(), s.paragraph(), s.text(), s.figureId() });
        }
        batch.batchUpdate("""
                INSERT INTO notice_segment (office_code, period, seq, section, paragraph, text, figure_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
        rows.clear();
        for (int i = 0; i < figures.size(); i++) {
            FigureRow f = figures.get(i);
            rows.add(new Object[] { office, month, i, f.id(), f.parent(), f.place(), f.label(), f.shown(), f.value(),
                    f.derivation(), f.how() });
        }
        batch.batchUpdate("""
                INSERT INTO notice_figure (office_code, period, seq, figure_id, parent_id, place, label, shown,
                                           num_value, derivation, how)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        rows.clear();
        for (int i = 0; i < sources.size(); i++) {
            SourceRow s = sources.get(i);
            rows.add(new Object[] { office, month, i, s.figureId(), s.unitCode(), s.unitName(), s.file(), s.sheet(),
                    s.cell(), s.version(), s.receivedNight() == null ? null : Date.valueOf(s.receivedNight()),
                    s.valueRead(), s.note() });
        }
        batch.batchUpdate("""
                INSERT INTO notice_figure_source (office_code, period, seq, figure_id, unit_code, unit_name, file_name,
                                                  sheet, cell, version, received_night, value_read, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The office's trace of the period as last written, if any. */
    public Optional<Stored> stored(String office, YearMonth period) {
        String month = period.toString();
        Optional<LocalDate> night = jdbc.sql("SELECT night FROM notice_trace WHERE office_code = ? AND period = ?")
                .params(office, month).query(LocalDate.class).optional();
        if (night.isEmpty()) {
            return Optional.empty();
        }
        List<SegmentRow> segments = jdbc.sql("""
                SELECT section, paragraph, text, figure_id FROM notice_segment
                WHERE office_code = ? AND period = ? ORDER BY seq""").params(office, month)
                .query((rs, n) -> new SegmentRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
        List<FigureRow> figures = jdbc.sql("""
                SELECT figure_id, parent_id, place, label, shown, num_value, derivation, how FROM notice_figure
                WHERE office_code = ? AND period = ? ORDER BY seq""").params(office, month)
                .query((rs, n) -> new FigureRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)))
                .list();
        List<SourceRow> sources = jdbc.sql("""
                SELECT figure_id, unit_code, unit_name, file_name, sheet, cell, version, received_night, value_read, note
                FROM notice_figure_source WHERE office_code = ? AND period = ? ORDER BY seq""").params(office, month)
                .query((rs, n) -> {
                    int version = rs.getInt(7);
                    Integer v = rs.wasNull() ? null : version;
                    Date received = rs.getDate(8);
                    return new SourceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), v, received == null ? null : received.toLocalDate(),
                            rs.getString(9), rs.getString(10));
                }).list();
        return Optional.of(new Stored(night.get(), segments, figures, sources));
    }
}
