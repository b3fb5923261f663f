package vn.giaoban.system;

import java.time.Clock;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.catalog.CatalogProperties;
import vn.giaoban.text.Messages;

/** The beans every feature shares: the clock, the validated catalog and the words users read. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    /** Migrations, with the recovery of a first creation killed half-way (HSQLDB commits DDL as it goes). */
    @Bean
    FlywayMigrationStrategy migrationStrategy() {
        return new InterruptedMigration();
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** Loaded and validated at start-up: a broken catalog stops the application before any job runs. */
    @Bean
    Catalog catalog(CatalogProperties properties, ResourceLoader resources) {
        return CatalogFiles.load(resources, properties.location());
    }

    /** The shipped sentences, with the office's rewording where its messages folder has any. */
    @Bean
    Messages messages(MessagesProperties properties) {
        return Messages.withOverrides(properties.dir());
    }
}
