/**
 * The ingest and briefing steps' partitions over RabbitMQ to worker processes.
 */
@ApplicationModule(allowedDependencies = { "catalog", "submission", "text" })
package vn.giaoban.remote;

import org.springframework.modulith.ApplicationModule;
