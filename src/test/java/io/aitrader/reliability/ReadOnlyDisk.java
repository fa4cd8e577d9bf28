package io.aitrader.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.aitrader.testing.Await;

/**
 * A small ext4 file system in an image file, loop-mounted with {@code errors=remount-ro}, that a test can turn
 * read-only while files on it are open for writing. {@code mount -o remount,ro} refuses that (EBUSY while SQLite holds
 * jobs.db open), and root ignores permission bits, so the switch is the kernel's own: writing to
 * {@code /sys/fs/ext4/<device>/trigger_fs_error} raises a file-system error, and ext4 remounts itself read-only at once,
 * the way it does on a real disk error. Needs root and loop devices; otherwise the test is skipped, saying why.
 */
final class ReadOnlyDisk implements AutoCloseable {

    private final Path image;
    private final Path mountPoint;
    private String device;

    private ReadOnlyDisk(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Creates and mounts the file system, or skips the calling test when this machine cannot. */
    static ReadOnlyDisk mountOrSkip(Path work) throws IOException {
        Path image = work.resolve("data.img");
        Path mountPoint = work.resolve("mnt");
        Files.createDirectories(mountPoint);
        ReadOnlyDisk disk = new ReadOnlyDisk(image, mountPoint);
        String why = disk.tryMount();
        Assumptions.assumeTrue(why == null, "Skipped: the read-only disk test needs root, loop devices and ext4 "
                + "(mkfs.ext4, mount -o loop) to switch the data directory to read-only mid-run: " + why);
        return disk;
    }

    private String tryMount() throws IOException {
        try (var out = Files.newByteChannel(image, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            out.truncate(0);
            out.position(128L * 1024 * 1024 - 1);
            out.write(java.nio.ByteBuffer.wrap(new byte[1]));
        }
        Result mkfs = run("mkfs.ext4", "-q", "-F", image.toString());
        if (mkfs.code != 0) {
            return "mkfs.ext4 failed: " + mkfs.output;
        }
        Result mount = run("mount", "-o", "loop,errors=remount-ro", image.toString(), mountPoint.toString());
        if (mount.code != 0) {
            return "mount failed: " + mount.output;
        }
        Result source = run("findmnt", "-n", "-o", "SOURCE", mountPoint.toString());
        device = source.output.trim().replace("/dev/", "");
        if (!Files.exists(trigger())) {
            run("umount", mountPoint.toString());
            return "the kernel has no " + trigger();
        }
        return null;
    }

    Path path() {
        return mountPoint;
    }

    private Path trigger() {
        return Path.of("/sys/fs/ext4", device, "trigger_fs_error");
    }

    /** Writes the page cache of this file system to the image, as the kernel's writeback eventually would. */
    void sync() throws IOException {
        Result sync = run("sync", "-f", mountPoint.toString());
        if (sync.code != 0) {
            throw new AssertionError("sync failed: " + sync.output);
        }
    }

    /** Raises an ext4 error: the file system is read-only from now on, open files included. */
    void makeReadOnly() throws IOException {
        Files.writeString(trigger(), "1");
    }

    /** Unmounts, repairs with e2fsck (as an operator would after a disk error) and mounts read-write again. */
    void repairAndRemount() throws IOException {
        unmount();
        Result fsck = run("e2fsck", "-f", "-y", image.toString());
        if (fsck.code > 1) { // 1: errors corrected
            throw new AssertionError("e2fsck could not repair the file system: " + fsck.output);
        }
        Result mount = run("mount", "-o", "loop,errors=remount-ro", image.toString(), mountPoint.toString());
        if (mount.code != 0) {
            throw new AssertionError("remount failed: " + mount.output);
        }
    }

    private void unmount() {
        Await.until(Duration.ofSeconds(5), Duration.ofMillis(100), () -> run("umount", mountPoint.toString()),
                result -> result.code == 0, mountPoint + " to unmount");
    }

    @Override
    public void close() throws IOException {
        if (run("mountpoint", "-q", mountPoint.toString()).code == 0
                && run("umount", mountPoint.toString()).code != 0) {
            run("umount", "-l", mountPoint.toString());
        }
        Files.deleteIfExists(image);
    }

    record Result(int code, String output) {
    }

    static Result run(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
