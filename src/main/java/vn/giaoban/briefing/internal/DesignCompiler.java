package vn.giaoban.briefing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/**
 * The JasperReports designs of the class path, compiled: at build time into a {@code .jasper} beside each
 * {@code .jrxml} ({@link #main}, run by the build's {@code process-classes} phase), or, when that file is
 * missing, unreadable or stale, from the {@code .jrxml} at run time. Compiling a design with Java
 * expressions costs 1-1.5 s of JDT; reading its compiled form, a few milliseconds.
 *
 * <p>A compiled design carries the SHA-256 of the {@code .jrxml} it came from ({@value #SOURCE_DIGEST}) and
 * is used only while that is still the design on the class path: a {@code .jasper} left behind by an older
 * build, or by an IDE that copies resources but never runs this compiler, is ignored, never filled.
 */
public final class DesignCompiler {

    /** The design property that holds the SHA-256 (hex) of the {@code .jrxml} a compiled design came from. */
    public static final String SOURCE_DIGEST = "vn.giaoban.design.source.sha256";

    private static final Logger log = LoggerFactory.getLogger(DesignCompiler.class);

    private DesignCompiler() {
    }

    /**
     * The compiled design of the class path resource {@code jrxml} ({@code reports/briefing.jrxml}): its
     * {@code .jasper} when that was compiled from the same bytes, otherwise compiled now.
     *
     * @throws IOException  when the design is not on the class path or cannot be read
     * @throws JRException  when it does not compile
     */
    public static JasperReport load(ClassLoader loader, String jrxml) throws IOException, JRException {
        byte[] source;
        try (InputStream in = loader.getResourceAsStream(jrxml)) {
            if (in == null) {
                throw new IOException("The design " + jrxml + " is not on the class path (is the reports/ folder packaged?)");
            }
            source = in.readAllBytes();
        }
        String digest = digest(source);
        String compiledName = compiledName(jrxml);
        try (InputStream in = loader.getResourceAsStream(compiledName)) {
            if (in != null) {
                Object compiled = JRLoader.loadObject(in);
                if (compiled instanceof JasperReport report && digest.equals(report.getProperty(SOURCE_DIGEST))) {
                    log.debug("Loaded the compiled design {}", compiledName);
                    return report;
                }
                log.warn("{} was not compiled from the {} on the class path: compiling the design instead", compiledName,
                        jrxml);
            }
        } catch (JRException | RuntimeException e) {
            // a .jasper of another JasperReports version, say: the design itself is still there
            log.warn("Could not read {} ({}): compiling the design instead", compiledName, e.toString());
        }
        return compile(source, digest);
    }

    /** {@code reports/briefing.jrxml} → {@code reports/briefing.jasper}. */
    static String compiledName(String jrxml) {
        return (jrxml.endsWith(".jrxml") ? jrxml.substring(0, jrxml.length() - ".jrxml".length()) : jrxml) + ".jasper";
    }

    private static JasperReport compile(byte[] source, String digest) throws JRException {
        long started = System.nanoTime();
        JasperDesign design = JRXmlLoader.load(new ByteArrayInputStream(source));
        design.setProperty(SOURCE_DIGEST, digest);
        JasperReport report = JasperCompileManager.compileReport(design);
        log.debug("Compiled the design {} in {} ms", design.getName(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code DesignCompiler <classes folder> <design>...}: compiles each design ({@code reports/briefing.jrxml},
     * relative to the folder) into its {@code .jasper} beside it. Run by the build after the resources are
     * copied, so the jar ships each design with its compiled form; any failure fails the build.
     */
    public static void main(String[] args) throws IOException, JRException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: DesignCompiler <classes folder> <design.jrxml>...");
        }
        Path classes = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path jrxml = classes.resolve(args[i]);
            byte[] source = Files.readAllBytes(jrxml);
            JasperReport report = compile(source, digest(source));
            Path target = classes.resolve(compiledName(args[i]));
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                JRSaver.saveObject(report, out);
            }
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
