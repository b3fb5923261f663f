package vn.giaoban.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giaoban.GiaobanApplication;
import vn.giaoban.briefing.AnnexWorkbook;
import vn.giaoban.briefing.Briefing;
import vn.giaoban.briefing.BriefingComposer;
import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.briefing.BriefingRenderer;
import vn.giaoban.briefing.DocxRenderer;
import vn.giaoban.catalog.Office;
import vn.giaoban.catalog.UnitKind;

/**
 * The cost of one commune's briefing in a JVM that has written briefings before (warm): each office's
 * briefing of a night already run, written again from its database, on one thread; then {@code rounds} rounds
 * over up to {@code communes} commune offices, each part timed by the thread's CPU time ({@link ThreadMXBean}):
 * composing (the database's figures), the PDF (notice and annex), the DOCX and the XLSX. All in one read-only
 * transaction, the scope in which what a briefing reads about the whole period is read once, as each partition
 * of the briefing step does in its step execution ({@code PeriodReads}). Prints
 * {@code briefing-load ...} lines for {@link BriefingBenchmark}.
 *
 * <p>{@code BriefingLoad <period> <night> <communes> <rounds> <giaoban settings...>}
 */
public final class BriefingLoad {

    private BriefingLoad() {
    }

    public static void main(String[] args) {
        YearMonth period = YearMonth.parse(args[0]);
        LocalDate night = LocalDate.parse(args[1]);
        int communes = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String[] settings = Arrays.copyOfRange(args, 4, args.length);
        try (ConfigurableApplicationContext context = SpringApplication.run(GiaobanApplication.class, settings)) {
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            transaction.setReadOnly(true);
            transaction.executeWithoutResult(status -> measure(context, period, night, communes, rounds));
        }
    }

    private static void measure(ConfigurableApplicationContext context, YearMonth period, LocalDate night, int communes,
            int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        {
            BriefingPublisher publisher = context.getBean(BriefingPublisher.class);
            BriefingComposer composer = context.getBean(BriefingComposer.class);
            BriefingRenderer pdf = context.getBean(BriefingRenderer.class);
            DocxRenderer docx = context.getBean(DocxRenderer.class);
            AnnexWorkbook xlsx = context.getBean(AnnexWorkbook.class);
            // -Dbriefing.load.offices=N: the first N offices only (a quick look at a large month)
            List<Office> offices = publisher.offices(period).stream()
                    .limit(Long.getLong("briefing.load.offices", Long.MAX_VALUE)).toList();
            List<Office> sample = offices.stream().filter(o -> o.unit().kind() == UnitKind.COMMUNE).limit(communes)
                    .toList();
            // every office once: the first compiles the designs and loads the fonts
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            long firstWall = 0;
            for (Office office : offices) {
                long started = System.nanoTime();
                publisher.publish(period, night, office);
                if (firstWall == 0) {
                    firstWall = System.nanoTime() - started;
                }
            }
            System.out.printf(Locale.ROOT, "briefing-load all offices=%d wall-ms=%d cpu-ms=%d first-ms=%d%n",
                    offices.size(), (System.nanoTime() - wall) / 1_000_000,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, firstWall / 1_000_000);
            long[][] parts = new long[5][rounds * sample.size()];
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (Office office : sample) {
                    Path folder = publisher.folder(period, office.code());
                    long t0 = threads.getCurrentThreadCpuTime();
                    Briefing briefing = composer.compose(office, period, night);
                    long t1 = threads.getCurrentThreadCpuTime();
                    pdf.renderPdf(briefing, folder.resolve("briefing-" + period + ".pdf"));
                    long t2 = threads.getCurrentThreadCpuTime();
                    docx.renderDocx(briefing, folder.resolve("briefing-" + period + ".docx"));
                    long t3 = threads.getCurrentThreadCpuTime();
                    xlsx.renderXlsx(briefing, folder.resolve("phu-luc-" + period + ".xlsx"));
                    long t4 = threads.getCurrentThreadCpuTime();
                    parts[0][n] = t1 - t0;
                    parts[1][n] = t2 - t1;
                    parts[2][n] = t3 - t2;
                    parts[3][n] = t4 - t3;
                    parts[4][n] = t4 - t0;
                    n++;
                }
            }
            String[] names = {"compose", "pdf", "docx", "xlsx", "total"};
            StringBuilder line = new StringBuilder("briefing-load warm communes=" + sample.size() + " rounds=" + rounds);
            for (int i = 0; i < names.length; i++) {
                long[] values = Arrays.copyOf(parts[i], n);
                Arrays.sort(values);
                line.append(String.format(Locale.ROOT, " %s-median-ms=%.1f %s-mean-ms=%.1f", names[i],
                        n == 0 ? 0 : values[n / 2] / 1e6, names[i], n == 0 ? 0 : Arrays.stream(values).sum() / 1e6 / n));
            }
            System.out.println(line);
        }
    }
}
