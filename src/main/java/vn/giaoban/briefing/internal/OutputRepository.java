package vn.giaoban.briefing.internal;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notice last written for each office and period ({@code briefing_output}): where its files are and what it
 * says. Recorded in a transaction of its own as soon as the files are on disk, whatever the caller's: the
 * partitions of a night write different offices at once.
 */
@Repository
public class OutputRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public OutputRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One office's notice of a period, as last written. */
    public record Output(String office, Path pdf, Path docx, Path annex, String contentKey) {
    }

    public void record(YearMonth period, Output output) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM briefing_output WHERE period = ? AND office = ?")
                    .params(period.toString(), output.office()).update();
            jdbc.sql("""
                    INSERT INTO briefing_output (period, office, pdf_path, docx_path, annex_path, content_key, written_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(period.toString(), output.office(), output.pdf().toAbsolutePath().toString(),
                    output.docx().toAbsolutePath().toString(), output.annex().toAbsolutePath().toString(),
                    output.contentKey(), Timestamp.valueOf(LocalDateTime.now())).update();
        });
    }

    /** The offices' notices of the period as last written, by office code. */
    public List<Output> outputs(YearMonth period) {
        return jdbc.sql("""
                SELECT office, pdf_path, docx_path, annex_path, content_key FROM briefing_output
                WHERE period = ? ORDER BY office
                """).param(period.toString())
                .query((rs, n) -> new Output(rs.getString(1), Path.of(rs.getString(2)), Path.of(rs.getString(3)),
                        Path.of(rs.getString(4)), rs.getString(5)))
                .list();
    }
}
