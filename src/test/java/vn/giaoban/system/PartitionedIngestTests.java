package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import vn.giaoban.benchmark.MonthGenerator;

/**
 * The ingest step shared out between partitions read at once ends with exactly the database of one read in a
 * single thread: the same versions in the same order, the same values, findings and consolidated figures.
 */
class PartitionedIngestTests {

    @TempDir
    Path work;

    @Test
    void theSampleOctobersGiveTheSameDatabaseInThreePartitionsAsInOne() throws IOException {
        // given the samples, with a unit that sent its report again later the same month
        Function<Path, GiaobanRun> samples = dir -> resubmitted(GiaobanRun.withSamples(dir));

        // when
        GiaobanRun single = samples.apply(work.resolve("single")).setting("--giaoban.ingest.partitions=1");
        GiaobanRun partitioned = samples.apply(work.resolve("partitioned")).setting("--giaoban.ingest.partitions=3");
        try (single; partitioned) {
            JobExecution one = single.octoberNights();
            JobExecution three = partitioned.octoberNights();

            // then
            assertThat(one.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(three.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(partitions(partitioned)).containsExactly("ingestPartition:partition0",
                    "ingestPartition:partition1", "ingestPartition:partition2");
            assertThat(partitions(single)).isEmpty();
            assertThat(versions(partitioned)).contains("06139|BM03-DT|2022-10|2");
            assertThat(partitioned.businessRows()).isEqualTo(single.businessRows());
        }
    }

    @Test
    void aGeneratedMonthGivesTheSameDatabaseInThreePartitionsAsInOne() throws IOException {
        // given a small generated month: a few dozen unit folders, every layout and format
        MonthGenerator.Spec spec = MonthGenerator.Spec.smoke();
        MonthGenerator.Month month = null;
        for (String run : List.of("single", "partitioned")) {
            month = MonthGenerator.generate(spec, work.resolve("catalog-" + run), work.resolve(run).resolve("inbox"));
        }

        // when
        GiaobanRun single = generated(work.resolve("single"), month, work.resolve("catalog-single"), 1);
        GiaobanRun partitioned = generated(work.resolve("partitioned"), month, work.resolve("catalog-partitioned"), 3);
        try (single; partitioned) {
            assertThat(single.night(spec.period(), spec.night()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(partitioned.night(spec.period(), spec.night()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

            // then every generated file is a valid submission, and the two databases hold the same facts
            assertThat(single.jdbc().sql("SELECT status, COUNT(*) FROM submission GROUP BY status")
                    .query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                    .containsExactly("ACCEPTED=" + month.files());
            assertThat(partitions(partitioned)).hasSize(3);
            assertThat(partitioned.businessRows()).isEqualTo(single.businessRows());
        }
    }

    private static GiaobanRun generated(Path work, MonthGenerator.Month month, Path catalog, int partitions) {
        return GiaobanRun.empty(work).setting("--giaoban.catalog.location=file:" + catalog + "/")
                .setting("--giaoban.ingest.partitions=" + partitions);
    }

    /** A unit sends its October 2022 report again, saved an hour later: version 2 must follow version 1. */
    private static GiaobanRun resubmitted(GiaobanRun run) {
        try {
            Path folder = run.work().resolve("inbox/06139");
            Path first = folder.resolve("BM03-DT_Bac Hung_T10_2022.csv");
            Path again = folder.resolve("BM03-DT_Bac Hung_T10_2022 (gửi lại).csv");
            Files.copy(first, again);
            // an empty line at the end changes the content, not what the report says
            Files.write(again, "\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.file.StandardOpenOption.APPEND);
            Instant saved = Instant.parse("2022-10-20T03:00:00Z");
            Files.setLastModifiedTime(first, FileTime.from(saved));
            Files.setLastModifiedTime(again, FileTime.from(saved.plusSeconds(3600)));
            return run;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> partitions(GiaobanRun run) {
        return run.jdbc().sql("""
                SELECT DISTINCT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'ingestPartition:%'
                ORDER BY STEP_NAME
                """).query(String.class).list();
    }

    private static List<String> versions(GiaobanRun run) {
        return run.jdbc().sql("SELECT unit_key, form_code, period, version FROM submission WHERE version IS NOT NULL")
                .query((rs, n) -> rs.getString(1).replaceAll("@.*", "") + "|" + rs.getString(2) + "|" + rs.getString(3)
                        + "|" + rs.getInt(4))
                .list();
    }

}
