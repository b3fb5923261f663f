package vn.giaoban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features are modules (the direct sub-packages of {@code vn.giaoban}): no cycle between them, none
 * reaches into another's {@code internal} package, and each depends only on the modules its
 * {@code package-info.java} allows (catalog at the bottom, system on top). Writes the modules' C4/PlantUML
 * diagrams under {@code target/spring-modulith-docs} (the README's architecture section shows them).
 */
class ModulesTest {

    private final ApplicationModules modules = ApplicationModules.of(GiaobanApplication.class);

    @Test
    void theFeaturesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        // Spring Modulith's default output folder, which the README points to
        String components = Files.readString(Path.of("target", "spring-modulith-docs", "components.puml"));
        modules.forEach(module -> assertThat(components).contains("\"" + module.getDisplayName() + "\""));
    }
}
