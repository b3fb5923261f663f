package vn.giaoban.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.text.Messages;

/** What a worker must share with its manager, and how a partition request travels. */
class DeploymentVersionTest {

    @TempDir
    Path folder;

    @Test
    void aWorkerOfTheSameBuildAndCatalogReadsAndAnyDifferenceIsRefusedWithItsReason() {
        DeploymentVersion worker = new DeploymentVersion("0.1.0 (2026-11-28T09:00:00Z)", "ab12");

        assertThat(worker.refusal("0.1.0 (2026-11-28T09:00:00Z)", "ab12", Messages.defaults())).isEmpty();
        assertThat(worker.refusal("0.1.0 (2026-11-29T09:00:00Z)", "ab12", Messages.defaults())).get().asString()
                .startsWith("Máy xử lý chạy giaoban bản 0.1.0 (2026-11-28T09:00:00Z), khác bản của máy điều phối");
        assertThat(worker.refusal("0.1.0 (2026-11-28T09:00:00Z)", "cd34", Messages.defaults())).get().asString()
                .startsWith("Danh mục của máy xử lý (ab12) khác danh mục của máy điều phối (cd34)");
        assertThat(worker.refusal("null", "null", Messages.defaults())).isPresent();
    }

    @Test
    void theCatalogFingerprintFollowsEveryFileOfTheFolder() throws IOException {
        PathUtils.copyDirectory(Path.of("src/main/resources/catalog/van-lang"), folder);
        DefaultResourceLoader resources = new DefaultResourceLoader();
        String location = "file:" + folder + "/";
        String before = CatalogFiles.fingerprint(resources, location);

        assertThat(CatalogFiles.fingerprint(resources, location)).isEqualTo(before);
        assertThat(CatalogFiles.fingerprint(resources, "classpath:catalog/van-lang/")).isEqualTo(before);
        Files.writeString(folder.resolve("rules.csv"), Files.readString(folder.resolve("rules.csv")) + "\n");
        assertThat(CatalogFiles.fingerprint(resources, location)).isNotEqualTo(before);
        assertThat(CatalogFiles.fingerprint(resources, "classpath:catalog/lang-son/")).isNotEqualTo(before);
    }

    @Test
    void aPartitionRequestTravelsAsTextAndAnythingElseIsRefused() {
        assertThat(RemoteIngestConfiguration.request("ingestPartition:42"))
                .satisfies(request -> {
                    assertThat(request.getStepName()).isEqualTo("ingestPartition");
                    assertThat(request.getStepExecutionId()).isEqualTo(42L);
                });
        assertThatThrownBy(() -> RemoteIngestConfiguration.request("rO0ABXNyAC5vcmc")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void aProcessIsAManagerOrAWorkerNeverBoth() {
        assertThatThrownBy(() -> new RemoteProperties(true, true, null, null, null, null, null))
                .hasMessageContaining("vừa điều phối");
        RemoteProperties defaults = new RemoteProperties(false, false, null, null, null, null, null);
        assertThat(defaults.queue()).isEqualTo("giaoban.ingest");
        assertThat(defaults.consumers()).isEqualTo(1);
    }
}
