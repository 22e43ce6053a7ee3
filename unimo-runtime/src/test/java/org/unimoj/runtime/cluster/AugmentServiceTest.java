package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;

/** The augmenter answers a fetch with the same slots a reader gives, cut into messages of bounded size, and says where a shard ends. */
class AugmentServiceTest {

    private static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void answersAreTheReadersSlotsCutIntoBoundedMessages(@TempDir Path dir) throws Exception {
        Path config = ClusterWorld.config(dir);
        try (ClusterData data = ClusterWorld.data(config, 2, dir.resolve("service")); ClusterData direct = ClusterWorld.data(config, 2, dir.resolve("direct"))) {
            long chunk = 3_000;
            ActorRef<AugmentCommand> service = KIT.spawn(AugmentService.local(data, chunk));
            TestProbe<MemberCommand> probe = KIT.createTestProbe();
            for (int stream = 0; stream < 3; stream++) {
                for (int shard = 0; shard < 2; shard++) {
                    ShardReader.Read want = direct.reader(stream, shard).read(0, 1000);
                    assertTrue(want.end() >= 0 && want.end() == want.slots().size(), "the reader reads the shard through: " + want.end());
                    // the fetch covers more than the shard: the answer stops at its end and says so
                    service.tell(new AugmentCommand.Fetch(stream, shard, 0, 1000, probe.getRef()));
                    List<Slot<PretrainExample>> got = new ArrayList<>();
                    long end = -1;
                    while (end < 0) {
                        MemberCommand.Fetched f = probe.expectMessageClass(MemberCommand.Fetched.class);
                        assertEquals(List.of(stream, shard, (long) got.size()), List.of(f.stream(), f.shard(), f.from()), "messages follow on");
                        long bytes = 0;
                        for (Slot<PretrainExample> s : f.slots()) {
                            bytes += AugmentService.approxBytes(s);
                        }
                        assertTrue(f.slots().size() == 1 || bytes <= chunk, "a message of " + f.slots().size() + " slots, " + bytes + " bytes");
                        got.addAll(f.slots());
                        end = f.end();
                    }
                    assertEquals(want.end(), end);
                    assertEquals(want.slots().size(), got.size());
                    for (int i = 0; i < got.size(); i++) {
                        assertEquals(want.slots().get(i).index(), got.get(i).index());
                        assertEquals(describe(want.slots().get(i)), describe(got.get(i)), "slot " + i + " of stream " + stream + " shard " + shard);
                    }
                    // a fetch past the end answers with no slots and the end
                    service.tell(new AugmentCommand.Fetch(stream, shard, want.end(), 4, probe.getRef()));
                    MemberCommand.Fetched past = probe.expectMessageClass(MemberCommand.Fetched.class);
                    assertEquals(0, past.slots().size());
                    assertEquals(want.end(), past.end());
                }
            }
        }
    }

    /** The slot's content as text (examples hold arrays, so records do not compare by content). */
    private static String describe(Slot<PretrainExample> s) {
        if (s instanceof Slot.Filled<PretrainExample> f) {
            if (f.value() instanceof PretrainExample.Text t) {
                return t.id() + java.util.Arrays.toString(t.ids());
            }
            if (f.value() instanceof PretrainExample.Image i) {
                return i.image().imageId() + java.util.Arrays.toString(i.image().features());
            }
            PretrainExample.Pair p = (PretrainExample.Pair) f.value();
            return p.captionId() + java.util.Arrays.toString(p.ids()) + p.positives().stream().map(java.util.Arrays::toString).toList()
                    + p.negatives().stream().map(java.util.Arrays::toString).toList() + java.util.Arrays.toString(p.image().features());
        }
        return "gap " + ((Slot.Empty<PretrainExample>) s).reason();
    }
}
