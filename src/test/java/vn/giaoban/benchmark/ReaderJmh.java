package vn.giaoban.benchmark;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole file read by one reader, timed once per iteration (a file of a million rows is read in
 * seconds: the JIT has warmed up long before the end of the first read). {@link ReaderBenchmark}
 * sets the readers and files and collects the results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ReaderJmh {

    /** A {@link Readers} name. */
    @Param("XLSX_STAX_FLOOR")
    public String reader;
    @Param("")
    public String xlsx;
    @Param("")
    public String csv;

    @Benchmark
    public long read() throws Exception {
        Readers r = Readers.valueOf(reader);
        return r.read(Path.of(r.format.equals("xlsx") ? xlsx : csv));
    }
}
