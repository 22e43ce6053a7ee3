package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.unimoj.runtime.train.FileTrees;
import org.unimoj.runtime.train.RunState;
import org.unimoj.runtime.train.Snapshot;

/**
 * Writes checkpoints from snapshots, off the trainer's thread: the snapshot's files and the
 * {@link RunState} go into a temporary directory, are flushed to disk, and the directory is renamed
 * to {@code step-NNNNNNNN}; then the file {@code latest} is replaced (write, fsync, rename) to name
 * it. A crash at any moment leaves {@code latest} naming a complete checkpoint. Keeps the newest
 * {@code keep} checkpoints.
 */
public final class Checkpointer extends AbstractBehavior<Checkpointer.Command> {

    /** The file in the checkpoints directory that names the newest complete checkpoint. */
    public static final String LATEST = "latest";

    /** The checkpointer's messages. */
    public sealed interface Command permits Save {}

    /** Write {@code snapshot} with {@code state}; answer {@link Saved}. */
    public record Save(Snapshot snapshot, RunState state, ActorRef<Saved> replyTo) implements Command {}

    /** A checkpoint was written to {@code dir}. */
    public record Saved(long step, Path dir, double seconds) {}

    private final Path root;
    private final int keep;

    private Checkpointer(ActorContext<Command> context, Path root, int keep) {
        super(context);
        this.root = root;
        this.keep = keep;
    }

    /** A checkpointer writing under {@code root}, keeping the newest {@code keep} checkpoints. */
    public static Behavior<Command> create(Path root, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one checkpoint, got " + keep);
        }
        return Behaviors.setup(ctx -> new Checkpointer(ctx, root, keep));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Save.class, this::onSave).build();
    }

    /** The directory name of the checkpoint after {@code step}. */
    public static String dirName(long step) {
        return String.format("step-%08d", step);
    }

    /** The newest complete checkpoint under {@code root}, or null when there is none. */
    public static Path latest(Path root) {
        Path f = root.resolve(LATEST);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            Path dir = root.resolve(Files.readString(f).strip());
            return Files.isDirectory(dir) ? dir : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private Behavior<Command> onSave(Save m) {
        long t0 = System.nanoTime();
        long step = m.snapshot().step();
        Path dir = root.resolve(dirName(step));
        Path tmp = root.resolve("." + dirName(step) + ".tmp");
        try {
            Files.createDirectories(root);
            FileTrees.deleteTree(tmp);
            Files.createDirectories(tmp);
            m.snapshot().writeCheckpoint(tmp, m.state().asMetadata());
            m.state().write(tmp);
            syncTree(tmp);
            FileTrees.deleteTree(dir);
            move(tmp, dir);
            Path latestTmp = root.resolve("." + LATEST + ".tmp");
            Files.writeString(latestTmp, dir.getFileName() + "\n");
            sync(latestTmp);
            move(latestTmp, root.resolve(LATEST));
            prune();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + dir + ": " + e.getMessage(), e);
        }
        m.replyTo().tell(new Saved(step, dir, (System.nanoTime() - t0) / 1e9));
        return this;
    }

    private void prune() throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(root)) {
            all = s.filter(p -> p.getFileName().toString().matches("step-\\d{8}") && Files.isDirectory(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (int i = 0; i < all.size() - keep; i++) {
            FileTrees.deleteTree(all.get(i));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void syncTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p)) {
                    sync(p);
                }
            }
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

}
