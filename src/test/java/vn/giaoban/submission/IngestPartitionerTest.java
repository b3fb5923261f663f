package vn.giaoban.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import vn.giaoban.submission.internal.FolderLoad;
import vn.giaoban.submission.IngestPartitioner.Share;

class IngestPartitionerTest {

    @Test
    void sharesAreBalancedByBytesNotByFiles() {
        // given one folder of a single large list and many folders of small reports
        List<FolderLoad> loads = new java.util.ArrayList<>(List.of(new FolderLoad("06124", 9_000_000, 1)));
        for (int i = 0; i < 9; i++) {
            loads.add(new FolderLoad("C" + i, 1_000_000, 10));
        }

        // when
        List<Share> shares = IngestPartitioner.balance(loads, 2);

        // then the large folder is a share of its own, and the bytes are even though the files are not
        assertThat(shares).extracting(Share::bytes).containsExactly(9_000_000L, 9_000_000L);
        assertThat(shares).extracting(Share::files).containsExactly(1, 90);
        assertThat(shares.get(0).folders()).containsExactly("06124");
    }

    @Test
    void everyFolderIsInExactlyOneShare() {
        // given
        List<FolderLoad> loads = List.of(new FolderLoad("A", 500, 2), new FolderLoad("B", 400, 1),
                new FolderLoad("C", 300, 3), new FolderLoad("D", 300, 1), new FolderLoad("E", 200, 1),
                new FolderLoad("F", 100, 1), new FolderLoad("G", 100, 1));

        // when
        List<Share> shares = IngestPartitioner.balance(loads, 3);

        // then
        assertThat(shares.stream().flatMap(s -> s.folders().stream())).containsExactlyInAnyOrder("A", "B", "C", "D",
                "E", "F", "G");
        assertThat(shares.stream().mapToLong(Share::bytes).sum()).isEqualTo(1900);
        // the greedy bound: no share exceeds the mean by more than the largest folder
        long max = shares.stream().mapToLong(Share::bytes).max().orElseThrow();
        long min = shares.stream().mapToLong(Share::bytes).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(500);
        assertThat(shares).extracting(Share::bytes).containsExactly(700L, 600L, 600L);
    }

    @Test
    void alwaysAsManySharesAsTheGridEvenWithFewerFolders() {
        // given two folders for four partitions
        List<FolderLoad> loads = List.of(new FolderLoad("B", 10, 1), new FolderLoad("A", 10, 1));

        // when
        List<Share> shares = IngestPartitioner.balance(loads, 4);

        // then the names stay the same on a restart: empty shares are kept, ties go to the first share
        assertThat(shares).hasSize(4);
        assertThat(shares.get(0).folders()).containsExactly("A");
        assertThat(shares.get(1).folders()).containsExactly("B");
        assertThat(shares.get(2).folders()).isEmpty();
        assertThat(shares.get(3).folders()).isEmpty();
    }

    @Test
    void aGridOfOneTakesEverythingAndNoneIsRefused() {
        List<Share> shares = IngestPartitioner.balance(List.of(new FolderLoad("B", 1, 1), new FolderLoad("A", 2, 1)), 1);
        assertThat(shares).singleElement().satisfies(share -> assertThat(share.folders()).containsExactly("A", "B"));
        assertThatThrownBy(() -> IngestPartitioner.balance(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContextNamesItsFolders() {
        ExecutionContext context = new ExecutionContext();
        context.putString(IngestPartitioner.FOLDERS, "06124/CAH/PTCKH");
        assertThat(IngestPartitioner.folders(context)).isEqualTo(Set.of("06124", "CAH", "PTCKH"));
        assertThat(IngestPartitioner.folders(new ExecutionContext())).isEmpty();
    }
}
