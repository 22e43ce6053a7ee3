package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        MemberCommand.Sync sync = new MemberCommand.Sync(99L, 5L, 120L, "akka://unimo@127.0.0.1:2551");
        assertEquals(sync, s.fromBinary(s.toBinary(sync), s.manifest(sync)));
        MemberCommand.Finished f = new MemberCommand.Finished(1L, "akka://unimo@héte:1");
        assertEquals(f, s.fromBinary(s.toBinary(f), s.manifest(f)));
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
    void clusterConfBindsTheRemoteMessages() {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "serializer-test",
                ConfigFactory.parseString("akka.actor.provider = local")
                        .withFallback(ConfigFactory.parseResources(ClusterRun.class, "cluster.conf"))
                        .withFallback(ConfigFactory.load()));
        try {
            Serialization ser = SerializationExtension.get(system);
            for (Object m : new Object[] {new MemberCommand.GradientChunk(1, 1, 0, 0, new float[2]), new MemberCommand.Sync(1, 1, 1, "a"),
                new MemberCommand.Finished(1, "a")}) {
                Serializer found = ser.findSerializerFor(m);
                assertEquals(MemberMessageSerializer.IDENTIFIER, found.identifier(), m.getClass().getSimpleName());
            }
        } finally {
            system.terminate();
        }
    }
}
