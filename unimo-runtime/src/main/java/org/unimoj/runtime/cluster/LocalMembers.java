package org.unimoj.runtime.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts cluster members as separate JVMs on 127.0.0.1 ({@code unimo pretrain --cluster} on
 * free ports, the first port the seed node), each logging to {@code run-dir/member-PORT.log}:
 * what the multi-process tests and {@code unimo bench allreduce} run.
 */
public final class LocalMembers implements AutoCloseable {

    private final List<Integer> ports;
    private final List<Process> processes = new ArrayList<>();
    private final Path runDir;

    /**
     * @param n         members
     * @param classPath the class path of the JVMs (this JVM's, normally)
     * @param extra     options after {@code pretrain --cluster --seed-nodes ... --port ... --run-dir ...}
     */
    public LocalMembers(int n, String classPath, Path runDir, List<String> extra) throws IOException {
        this(n, 0, classPath, runDir, extra);
    }

    /** {@code trainers} trainer members, then {@code augmenters} augmenter members ({@code --role augmenter}). */
    public LocalMembers(int trainers, int augmenters, String classPath, Path runDir, List<String> extra) throws IOException {
        this.runDir = runDir;
        Files.createDirectories(runDir);
        this.ports = freePorts(trainers + augmenters);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(i);
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC"));
            String ext = System.getProperty("org.bytedeco.javacpp.platform.extension");
            if (ext != null) {
                cmd.add("-Dorg.bytedeco.javacpp.platform.extension=" + ext);
            }
            cmd.addAll(List.of("-cp", classPath, "org.unimoj.runtime.cli.Unimo", "pretrain", "--cluster",
                    "--seed-nodes", "127.0.0.1:" + ports.get(0), "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--run-dir", runDir.toString()));
            cmd.addAll(extra);
            if (i >= trainers) {
                cmd.addAll(List.of("--role", ClusterRun.AUGMENTER));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(port).toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            processes.add(pb.start());
        }
    }

    public List<Integer> ports() {
        return ports;
    }

    public Process process(int i) {
        return processes.get(i);
    }

    public Path log(int port) {
        return runDir.resolve("member-" + port + ".log");
    }

    /** Waits for every member that is still alive; returns their exit codes (-1: killed or timed out). */
    public int[] await(long seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int[] codes = new int[processes.size()];
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            long left = Math.max(0, end - System.nanoTime());
            codes[i] = p.waitFor(left, java.util.concurrent.TimeUnit.NANOSECONDS) ? p.exitValue() : -1;
        }
        return codes;
    }

    /** Ports free now on 127.0.0.1 (held open together, so they differ). */
    static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
                sockets.add(s);
                ports.add(s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
        return ports;
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }
}
