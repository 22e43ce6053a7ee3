package org.unimoj.runtime.cluster;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.SerializerWithStringManifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;

/**
 * The wire format between trainers and augmenter members: a fetch request (stream, shard, slots,
 * the trainer's actor path) and its answer, the slots' examples in {@link ExampleCodec}'s binary
 * form (token ids and region features raw). No Java serialization, no JSON.
 */
public final class AugmentMessageSerializer extends SerializerWithStringManifest {

    public static final int IDENTIFIER = 761_204;
    static final String FETCH = "Q";
    static final String FETCHED = "A";

    private final ExtendedActorSystem system;
    private volatile ActorRefResolver resolver;

    public AugmentMessageSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof AugmentCommand.Fetch) {
            return FETCH;
        } else if (o instanceof MemberCommand.Fetched) {
            return FETCHED;
        }
        throw new IllegalArgumentException("not an augmenter message: " + o.getClass().getName());
    }

    private ActorRefResolver resolver() {
        if (resolver == null) {
            resolver = ActorRefResolver.get(Adapter.toTyped(system));
        }
        return resolver;
    }

    @Override
    public byte[] toBinary(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (o instanceof AugmentCommand.Fetch f) {
                out.writeInt(f.stream());
                out.writeInt(f.shard());
                out.writeLong(f.from());
                out.writeInt(f.count());
                byte[] ref = resolver().toSerializationFormat(f.replyTo()).getBytes(StandardCharsets.UTF_8);
                out.writeInt(ref.length);
                out.write(ref);
            } else if (o instanceof MemberCommand.Fetched f) {
                out.writeInt(f.stream());
                out.writeInt(f.shard());
                out.writeLong(f.from());
                out.writeLong(f.end());
                out.writeInt(f.slots().size());
                for (Slot<PretrainExample> s : f.slots()) {
                    ExampleCodec.writeSlot(out, s);
                }
            } else {
                throw new IllegalArgumentException("not an augmenter message: " + o.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            switch (manifest) {
                case FETCH -> {
                    int stream = in.readInt();
                    int shard = in.readInt();
                    long from = in.readLong();
                    int count = in.readInt();
                    int n = in.readInt();
                    if (n < 0 || n > in.available()) {
                        throw new NotSerializableException("augmenter fetch: actor path of " + n + " bytes, " + in.available() + " follow");
                    }
                    ActorRef<MemberCommand> replyTo = resolver().resolveActorRef(new String(in.readNBytes(n), StandardCharsets.UTF_8));
                    return new AugmentCommand.Fetch(stream, shard, from, count, replyTo);
                }
                case FETCHED -> {
                    int stream = in.readInt();
                    int shard = in.readInt();
                    long from = in.readLong();
                    long end = in.readLong();
                    int n = in.readInt();
                    if (n < 0 || n > in.available()) {
                        throw new NotSerializableException("augmenter answer: " + n + " slots in " + in.available() + " bytes");
                    }
                    List<Slot<PretrainExample>> slots = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        slots.add(ExampleCodec.readSlot(in));
                    }
                    return new MemberCommand.Fetched(stream, shard, from, slots, end);
                }
                default -> throw new NotSerializableException("unknown augmenter message manifest '" + manifest + "'");
            }
        } catch (NotSerializableException e) {
            throw e;
        } catch (IOException e) {
            NotSerializableException n = new NotSerializableException("augmenter message '" + manifest + "' of " + bytes.length + " bytes: " + e.getMessage());
            n.initCause(e);
            throw n;
        }
    }
}
