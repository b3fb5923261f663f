package vn.giaoban.submission;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.submission.internal.ListRecordStore;
import vn.giaoban.submission.internal.SubmissionReader;
import vn.giaoban.submission.internal.SubmissionRepository;
import vn.giaoban.text.Messages;

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
            ListRecordStore listRecords, Clock clock, Messages messages) {
        this.submissions = submissions;
        this.inbox = inbox;
        this.reader = new SubmissionReader(catalog, Charset.forName(inbox.fallbackCharset()),
                inbox.limits().readLimits(), listRecords, messages);
        this.clock = clock;
    }

    /** Files listed per query by the unpartitioned reader. */
    private static final int PAGE = 500;

    /**
     * A new reader for each step execution. It asks the database for the next waiting files rather
     * than keeping a cursor: a restarted step simply finds what is still waiting.
     */
    public ItemReader<ReceivedFile> receivedFiles() {
        return new ItemReader<>() {
            private long lastId = Long.MIN_VALUE;
            private Iterator<ReceivedFile> page = Collections.emptyIterator();

            @Override
            public ReceivedFile read() {
                if (!page.hasNext()) {
                    page = submissions.receivedAfter(lastId, PAGE, inbox.dir()).iterator();
                }
                if (!page.hasNext()) {
                    return null;
                }
                ReceivedFile next = page.next();
                lastId = next.submissionId();
                return next;
            }
        };
    }

    /**
     * A new reader for each partition of the ingest step: the files waiting in the unit folders its
     * {@link IngestPartitioner} context names, in the order received, listed when the partition opens (a
     * restarted partition lists again what is still waiting in them).
     */
    public PartitionFiles receivedFilesOfPartition() {
        return new PartitionFiles(submissions, inbox.dir());
    }

    /** The reader of one partition's files. */
    public static class PartitionFiles implements ItemStreamReader<ReceivedFile> {

        private final SubmissionRepository submissions;
        private final Path inbox;
        private Iterator<ReceivedFile> files = Collections.emptyIterator();

        PartitionFiles(SubmissionRepository submissions, Path inbox) {
            this.submissions = submissions;
            this.inbox = inbox;
        }

        @Override
        public void open(ExecutionContext context) {
            Set<String> folders = IngestPartitioner.folders(context);
            List<ReceivedFile> waiting = folders.isEmpty() ? List.of() : submissions.receivedIn(folders, inbox);
            log.info("Ingest partition of {} folders: {} files waiting", folders.size(), waiting.size());
            files = waiting.iterator();
        }

        @Override
        public ReceivedFile read() {
            return files.hasNext() ? files.next() : null;
        }
    }

    /** A file and what reading it gave, on their way to the database. */
    public record FileRead(ReceivedFile file, IngestResult result) {
    }

    public ItemProcessor<ReceivedFile, FileRead> reading() {
        return file -> {
            log.info("{}: reading", file.relativePath());
            return new FileRead(file, reader.read(file, inbox.legacyCharset(file.folder())));
        };
    }

    private static void logStored(FileRead read) {
        IngestResult result = read.result();
        if (result.status() == SubmissionStatus.REJECTED) {
            log.info("{}: rejected: {}", read.file().relativePath(), result.rejection());
        } else {
            log.info("{}: {} {} {} values, {} findings", read.file().relativePath(), result.formCode(),
                    result.period(), result.values().size(), result.findings().size());
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /**
     * Stores each file of a chunk in the chunk's transaction, and says what each gave once it has
     * committed: a file the log shows as stored is one a restarted night does not read again.
     */
    public ItemWriter<FileRead> storing() {
        return (Chunk<? extends FileRead> files) -> {
            for (FileRead read : files) {
                submissions.store(read.result(), clock.instant());
            }
            afterCommit(() -> files.forEach(SubmissionIngest::logStored));
        };
    }

    /** What the night received, as the summary line tells the office. */
    public NightSummary summary(LocalDate night) {
        return submissions.summary(night);
    }
}
