package vn.giaoban.system;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long what giaoban keeps is kept, so the database and the folders do not grow without bound.
 * The consolidated figures and the current version of every report are never removed.
 *
 * @param batchMetadata    finished job executions in the job repository
 * @param supersededValues the staged values of versions that were replaced, by their period
 * @param originals        archived and rejected originals, by their period folder
 * @param outputs          briefings under the reports folder, by their period folder
 * @param feedback         feedback files in the outbox, by their age
 */
@ConfigurationProperties("giaoban.retention")
record RetentionProperties(Period batchMetadata, Period supersededValues, Period originals, Period outputs,
        Period feedback) {
}
