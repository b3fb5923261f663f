package vn.giaoban.briefing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.JasperReport;

import vn.giaoban.briefing.BriefingRenderer;

class DesignCompilerTest {

    private static final String DESIGN = "reports/small.jrxml";

    @TempDir
    Path classes;

    @Test
    void theBuildShipsEachDesignCompiledFromTheSameSource() throws Exception {
        // given the class path the build made (process-classes ran DesignCompiler)
        ClassLoader loader = BriefingRenderer.class.getClassLoader();
        for (String design : new String[] {BriefingRenderer.LAYOUT, BriefingRenderer.ANNEX_LAYOUT}) {
            // then each .jrxml has its .jasper, marked with the .jrxml's digest
            assertThat(loader.getResource(DesignCompiler.compiledName(design))).as(design).isNotNull();
            byte[] source;
            try (var in = loader.getResourceAsStream(design)) {
                source = in.readAllBytes();
            }
            JasperReport report = DesignCompiler.load(loader, design);
            assertThat(report.getProperty(DesignCompiler.SOURCE_DIGEST)).isEqualTo(DesignCompiler.digest(source));
        }
    }

    @Test
    void aCompiledDesignOfTheSameSourceIsRead() throws Exception {
        // given a design and its .jasper compiled by the build's step
        write(DESIGN, design("Tiêu đề"));
        DesignCompiler.main(new String[] {classes.toString(), DESIGN});
        assertThat(classes.resolve("reports/small.jasper")).exists();

        // when it is loaded, then it is the compiled one: the same report, the source's digest
        try (URLClassLoader loader = loader()) {
            JasperReport report = DesignCompiler.load(loader, DESIGN);
            assertThat(report.getName()).isEqualTo("small");
            assertThat(report.getProperty(DesignCompiler.SOURCE_DIGEST))
                    .isEqualTo(DesignCompiler.digest(Files.readAllBytes(classes.resolve(DESIGN))));
            assertThat(report.getProperty("title")).isEqualTo("Tiêu đề");
        }
    }

    @Test
    void aStaleCompiledDesignIsNeverFilled() throws Exception {
        // given a .jasper compiled from an older version of the design (an IDE copied the new .jrxml only)
        write(DESIGN, design("Cũ"));
        DesignCompiler.main(new String[] {classes.toString(), DESIGN});
        write(DESIGN, design("Mới"));

        // when it is loaded, then the design on the class path is compiled instead
        try (URLClassLoader loader = loader()) {
            assertThat(DesignCompiler.load(loader, DESIGN).getProperty("title")).isEqualTo("Mới");
        }
    }

    @Test
    void anUnreadableCompiledDesignIsCompiledAgain() throws Exception {
        // given a .jasper that is not one (a truncated file, another JasperReports version)
        write(DESIGN, design("Tiêu đề"));
        write("reports/small.jasper", "not a compiled design");

        // when it is loaded, then the .jrxml is compiled
        try (URLClassLoader loader = loader()) {
            assertThat(DesignCompiler.load(loader, DESIGN).getProperty("title")).isEqualTo("Tiêu đề");
        }
    }

    @Test
    void aMissingDesignIsNamed() throws Exception {
        try (URLClassLoader loader = loader()) {
            assertThatThrownBy(() -> DesignCompiler.load(loader, "reports/missing.jrxml"))
                    .isInstanceOf(IOException.class).hasMessageContaining("reports/missing.jrxml");
        }
    }

    private URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(classes.resolve(name).getParent());
        Files.writeString(classes.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A design without expressions (compiled in milliseconds), its title in a property. */
    private static String design(String title) {
        return """
                <jasperReport name="small" language="java" pageWidth="595" pageHeight="842" columnWidth="555"
                		leftMargin="20" rightMargin="20" topMargin="20" bottomMargin="20">
                	<property name="title" value="%s"/>
                </jasperReport>
                """.formatted(title);
    }
}
