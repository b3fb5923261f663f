package vn.giaoban.submission;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.submission.internal.ListRecordStore;
import vn.giaoban.submission.internal.SubmissionReader;
import vn.giaoban.submission.internal.SubmissionRepository;

/**
 * The ingest step's parts: the received files in the order they arrived, each read into values
 * and findings, each stored in one transaction with its new status, so a killed run leaves every
 * file either fully stored or still waiting.
 */
@Component
public class SubmissionIngest {

    private static final Logger log = LoggerFactory.getLogger(SubmissionIngest.class);

    private final SubmissionRepository submissions;
    private final InboxProperties inbox;
    private final SubmissionReader reader;
    private final Clock clock;

    public SubmissionIngest(SubmissionRepository submissions, InboxProperties inbox, Catalog catalog,
            ListRecordStore listRecords, Clock clock) {
        this.submissions = submissions;
        this.inbox = inbox;
        this.reader = new SubmissionReader(catalog, Charset.forName(inbox.fallbackCharset()), listRecords);
        this.clock = clock;
    }

    /**
     * A new reader for each step execution. It asks the database for the next waiting file rather
     * than keeping a cursor: a restarted step simply finds what is still waiting.
     */
    public ItemReader<ReceivedFile> receivedFiles() {
        return new ItemReader<>() {
            private long lastId = Long.MIN_VALUE;

            @Override
            public ReceivedFile read() {
                Optional<ReceivedFile> next = submissions.nextReceived(lastId, inbox.dir());
                next.ifPresent(file -> lastId = file.submissionId());
                return next.orElse(null);
            }
        };
    }

    /**
     * A new reader for each partition of the ingest step: the files waiting in the unit folders its
     * {@link IngestPartitioner} context names, in the order received, listed when the partition opens (a
     * restarted partition lists again what is still waiting in them).
     */
    public ItemStreamReader<ReceivedFile> receivedFilesOfPartition() {
        return new ItemStreamReader<>() {
            private Iterator<ReceivedFile> files = Collections.emptyIterator();

            @Override
            public void open(ExecutionContext context) {
                Set<String> folders = IngestPartitioner.folders(context);
                List<ReceivedFile> waiting = folders.isEmpty() ? List.of() : submissions.receivedIn(folders, inbox.dir());
                log.info("Ingest partition of {} folders: {} files waiting", folders.size(), waiting.size());
                files = waiting.iterator();
            }

            @Override
            public ReceivedFile read() {
                return files.hasNext() ? files.next() : null;
            }
        };
    }

    public ItemProcessor<ReceivedFile, IngestResult> reading() {
        return file -> {
            log.info("{}: reading", file.relativePath());
            IngestResult result = reader.read(file, inbox.legacyCharset(file.folder()));
            if (result.status() == SubmissionStatus.REJECTED) {
                log.info("{}: rejected: {}", file.relativePath(), result.rejection());
            } else {
                log.info("{}: {} {} {} values, {} findings", file.relativePath(), result.formCode(), result.period(),
                        result.values().size(), result.findings().size());
            }
            return result;
        };
    }

    public ItemWriter<IngestResult> storing() {
        return (Chunk<? extends IngestResult> results) -> {
            for (IngestResult result : results) {
                submissions.store(result, clock.instant());
            }
        };
    }
}
