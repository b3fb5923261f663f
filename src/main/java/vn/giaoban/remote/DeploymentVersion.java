package vn.giaoban.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.catalog.CatalogProperties;
import vn.giaoban.text.Messages;

/**
 * What a worker must share with its manager to read partitions for it: the same build of giaoban
 * (version and build time, from {@code META-INF/build-info.properties}: the one jar copied to every
 * machine) and the same catalog (a fingerprint of its files). A partition's message carries the
 * manager's; a worker that differs refuses it.
 */
@Component
public class DeploymentVersion {

    private final String application;
    private final String catalog;

    @Autowired
    public DeploymentVersion(CatalogProperties catalogProperties, ResourceLoader resources) {
        this(build(resources), CatalogFiles.fingerprint(resources, catalogProperties.location()));
    }

    DeploymentVersion(String application, String catalog) {
        this.application = application;
        this.catalog = catalog;
    }

    public String application() {
        return application;
    }

    public String catalog() {
        return catalog;
    }

    /** Why a worker of this version cannot read for a manager of that one, in the operator's words; empty when it can. */
    public Optional<String> refusal(String managerApplication, String managerCatalog, Messages messages) {
        if (!application.equals(managerApplication)) {
            return Optional.of(messages.get("cli.remote.other-build", application, managerApplication));
        }
        if (!catalog.equals(managerCatalog)) {
            return Optional.of(messages.get("cli.remote.other-catalog", catalog, managerCatalog));
        }
        return Optional.empty();
    }

    private static String build(ResourceLoader resources) {
        var info = resources.getResource("classpath:META-INF/build-info.properties");
        if (!info.exists()) {
            return "unknown";
        }
        try (InputStream in = info.getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("build.version", "?") + " (" + properties.getProperty("build.time", "?") + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
