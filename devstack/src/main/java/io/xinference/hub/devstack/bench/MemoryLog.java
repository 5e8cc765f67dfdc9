package io.xinference.hub.devstack.bench;

import java.util.ArrayList;
import java.util.List;

/** Resident memory of both apps after each phase; the peak (VmHWM) is the kernel's, so no sample can miss it. */
final class MemoryLog {

    /** Memory after a phase, and the CPU seconds each app used during it. */
    record Sample(String phase, ProcessMemory command, ProcessMemory query, double commandCpuSeconds,
                  double queryCpuSeconds, double wallSeconds) {
    }

    private long commandPid;
    private long queryPid;
    private final List<Sample> samples = new ArrayList<>();
    private double commandCpu;
    private double queryCpu;
    private long last = System.nanoTime();

    MemoryLog(long commandPid, long queryPid) {
        this.commandPid = commandPid;
        this.queryPid = queryPid;
    }

    /** The apps run as new processes from now on; their CPU is counted from zero again. */
    void restarted(long newCommandPid, long newQueryPid) {
        commandPid = newCommandPid;
        queryPid = newQueryPid;
        commandCpu = ProcessCpu.seconds(newCommandPid);
        queryCpu = ProcessCpu.seconds(newQueryPid);
    }

    void sample(String phase) {
        double commandNow = ProcessCpu.seconds(commandPid);
        double queryNow = ProcessCpu.seconds(queryPid);
        long now = System.nanoTime();
        Sample sample = new Sample(phase, ProcessMemory.of(commandPid), ProcessMemory.of(queryPid),
                commandNow - commandCpu, queryNow - queryCpu, (now - last) / 1e9);
        commandCpu = commandNow;
        queryCpu = queryNow;
        last = now;
        samples.add(sample);
        Progress.say("after %s: command-side %d MiB (peak %d), %.1f CPU s; query-side %d MiB (peak %d), %.1f CPU s;"
                        + " %.1f s wall", phase, sample.command().currentMiB(), sample.command().peakMiB(),
                sample.commandCpuSeconds(), sample.query().currentMiB(), sample.query().peakMiB(),
                sample.queryCpuSeconds(), sample.wallSeconds());
    }

    List<Sample> samples() {
        return samples;
    }
}
