package vn.giaoban.benchmark;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.catalog.Office;
import vn.giaoban.GiaobanApplication;

/**
 * The briefing of a night already run, written again from its database: the first time compiles the
 * notice's and annex's designs, the next ones fill the designs already compiled, which is what a
 * long-running deployment (or one shipping compiled designs) pays. Prints one line,
 * {@code briefing-ms first=<ms> precompiled=<ms>} (the best of three), for {@link NightlyBenchmark}.
 *
 * <p>{@code BriefingTiming <period> <night> <giaoban settings...>}
 */
public final class BriefingTiming {

    private BriefingTiming() {
    }

    public static void main(String[] args) {
        YearMonth period = YearMonth.parse(args[0]);
        LocalDate night = LocalDate.parse(args[1]);
        String[] settings = Arrays.copyOfRange(args, 2, args.length);
        try (ConfigurableApplicationContext context = SpringApplication.run(GiaobanApplication.class, settings)) {
            BriefingPublisher publisher = context.getBean(BriefingPublisher.class);
            Office office = publisher.offices(period).get(0);
            long started = System.nanoTime();
            publisher.publish(period, night, office);
            long first = (System.nanoTime() - started) / 1_000_000;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                started = System.nanoTime();
                publisher.publish(period, night, office);
                best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
            }
            System.out.println("briefing-ms first=" + first + " precompiled=" + best);
        }
    }
}
