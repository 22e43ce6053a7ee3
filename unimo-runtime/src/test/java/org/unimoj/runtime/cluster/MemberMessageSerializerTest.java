package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import com.typesafe.config.ConfigFactory;
import java.io.NotSerializableException;
import org.junit.jupiter.api.Test;

class MemberMessageSerializerTest {

    private final MemberMessageSerializer s = new MemberMessageSerializer();

    @Test
    void gradientChunkRoundTripsBitExactWithAFixedHeader() throws Exception {
        float[] v = {1.5f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY, 3.1415927f};
        MemberCommand.GradientChunk c = new MemberCommand.GradientChunk(-7L, 12L, 3, 4096, v);
        byte[] bytes = s.toBinary(c);
        assertEquals(MemberMessageSerializer.CHUNK_HEADER + 4 * v.length, bytes.length);
        // little-endian raw floats after the header
        assertEquals(Float.floatToRawIntBits(1.5f), java.nio.ByteBuffer.wrap(bytes, MemberMessageSerializer.CHUNK_HEADER, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        MemberCommand.GradientChunk back = assertInstanceOf(MemberCommand.GradientChunk.class, s.fromBinary(bytes, s.manifest(c)));
        assertEquals(-7L, back.ring());
        assertEquals(12L, back.step());
        assertEquals(3, back.phase());
        assertEquals(4096, back.offset());
        int[] want = new int[v.length];
        int[] got = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            want[i] = Float.floatToRawIntBits(v[i]);
            got[i] = Float.floatToRawIntBits(back.values()[i]);
        }
        assertArrayEquals(want, got);
    }

    @Test
    void syncAndFinishedRoundTrip() throws Exception {
        MemberCommand.Sync sync = new MemberCommand.Sync(99L, 5L, "akka://unimo@127.0.0.1:2551");
        assertEquals(sync, s.fromBinary(s.toBinary(sync), s.manifest(sync)));
        MemberCommand.Finished f = new MemberCommand.Finished(1L, "akka://unimo@héte:1");
        assertEquals(f, s.fromBinary(s.toBinary(f), s.manifest(f)));
    }

    @Test
    void partRoundTripsWithItsWeightsAndRanges() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int t = 0; t < 50; t++) {
            double[] w = new double[rnd.nextInt(6)];
            for (int i = 0; i < w.length; i++) {
                w[i] = rnd.nextInt(100) + rnd.nextDouble();
            }
            long[] ranges = new long[6 * rnd.nextInt(4)];
            for (int i = 0; i < ranges.length; i++) {
                ranges[i] = rnd.nextLong();
            }
            MemberCommand.Part p = new MemberCommand.Part(rnd.nextLong(), rnd.nextLong(t + 1), "akka://unimo@10.0.0." + t + ":2551", w, ranges);
            MemberCommand.Part q = (MemberCommand.Part) s.fromBinary(s.toBinary(p), s.manifest(p));
            assertEquals(p.ring(), q.ring());
            assertEquals(p.step(), q.step());
            assertEquals(p.address(), q.address());
            assertArrayEquals(p.weights(), q.weights());
            assertArrayEquals(p.ranges(), q.ranges());
        }
        byte[] bytes = s.toBinary(new MemberCommand.Part(1, 2, "a", new double[] {1, 2}, new long[] {1, 2, 3, 4, 5, 6}));
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> s.fromBinary(java.util.Arrays.copyOf(bytes, 40), "P"));
        assertTrue(e.getMessage().contains("ranges"), e.getMessage());
    }

    @Test
    void truncatedOrUnknownInputIsRejectedWithAReason() {
        byte[] bytes = s.toBinary(new MemberCommand.GradientChunk(1, 2, 0, 0, new float[] {1, 2, 3}));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 2);
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> s.fromBinary(cut, "G"));
        assertEquals("gradient chunk: header says 3 floats, 10 bytes follow", e.getMessage());
        assertThrows(NotSerializableException.class, () -> s.fromBinary(bytes, "X"));
        assertThrows(NotSerializableException.class, () -> s.fromBinary(new byte[5], "S"));
    }

    /** cluster.conf binds every remote member message to this serializer (not Java serialization). */
    @Test
    void clusterConfBindsTheRemoteMessages() throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "serializer-test",
                ConfigFactory.parseString("akka.actor.provider = local")
                        .withFallback(ConfigFactory.parseResources(ClusterRun.class, "cluster.conf"))
                        .withFallback(ConfigFactory.load()));
        try {
            Serialization ser = SerializationExtension.get(system);
            for (Object m : new Object[] {new MemberCommand.GradientChunk(1, 1, 0, 0, new float[2]), new MemberCommand.Sync(1, 1, "a"),
                new MemberCommand.Finished(1, "a"), new MemberCommand.Part(1, 1, "a", new double[1], new long[6])}) {
                Serializer found = ser.findSerializerFor(m);
                assertEquals(MemberMessageSerializer.IDENTIFIER, found.identifier(), m.getClass().getSimpleName());
            }
            // the augmenters' messages: a fetch with the trainer's reference, and examples back
            akka.actor.typed.ActorRef<MemberCommand> trainer = system.systemActorOf(Behaviors.<MemberCommand>empty(), "trainer",
                    akka.actor.typed.Props.empty());
            AugmentCommand.Fetch fetch = new AugmentCommand.Fetch(2, 1, 40, 8, trainer);
            Serializer augment = ser.findSerializerFor(fetch);
            assertEquals(AugmentMessageSerializer.IDENTIFIER, augment.identifier());
            AugmentMessageSerializer a = (AugmentMessageSerializer) augment;
            assertEquals(fetch, a.fromBinary(a.toBinary(fetch), a.manifest(fetch)));
            org.unimoj.api.data.RegionFeatures image = org.unimoj.api.data.RegionFeatures.of("img7", 10, 10, 2, new float[] {0, 0, 5, 5},
                    new float[] {0.5f, -1.25f});
            MemberCommand.Fetched fetched = new MemberCommand.Fetched(0, 1, 40, java.util.List.of(
                    new org.unimoj.runtime.train.Slot.Filled<>(40, org.unimoj.runtime.pretrain.PretrainExample.Pair.plain("c1", image, new int[] {0, 9, 2})),
                    new org.unimoj.runtime.train.Slot.Empty<>(41, "caption c2: image img8 has no region features")), 42);
            assertEquals(AugmentMessageSerializer.IDENTIFIER, ser.findSerializerFor(fetched).identifier());
            MemberCommand.Fetched back = (MemberCommand.Fetched) a.fromBinary(a.toBinary(fetched), a.manifest(fetched));
            assertEquals(java.util.List.of(0, 1, 40L, 42L), java.util.List.of(back.stream(), back.shard(), back.from(), back.end()));
            assertEquals(2, back.slots().size());
            var pair = (org.unimoj.runtime.pretrain.PretrainExample.Pair) ((org.unimoj.runtime.train.Slot.Filled<?>) back.slots().get(0)).value();
            assertEquals("c1", pair.captionId());
            assertArrayEquals(new int[] {0, 9, 2}, pair.ids());
            assertArrayEquals(image.features(), pair.image().features());
            assertEquals("caption c2: image img8 has no region features", ((org.unimoj.runtime.train.Slot.Empty<?>) back.slots().get(1)).reason());
        } finally {
            system.terminate();
        }
    }
}
