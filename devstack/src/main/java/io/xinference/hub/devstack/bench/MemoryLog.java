package io.xinference.hub.devstack.bench;

import java.util.ArrayList;
import java.util.List;

/** Resident memory of both apps after each phase; the peak (VmHWM) is the kernel's, so no sample can miss it. */
final class MemoryLog {

    record Sample(String phase, ProcessMemory command, ProcessMemory query) {
    }

    private final long commandPid;
    private final long queryPid;
    private final List<Sample> samples = new ArrayList<>();

    MemoryLog(long commandPid, long queryPid) {
        this.commandPid = commandPid;
        this.queryPid = queryPid;
    }

    void sample(String phase) {
        Sample sample = new Sample(phase, ProcessMemory.of(commandPid), ProcessMemory.of(queryPid));
        samples.add(sample);
        Progress.say("memory after %s: command-side %d MiB (peak %d), query-side %d MiB (peak %d)", phase,
                sample.command().currentMiB(), sample.command().peakMiB(), sample.query().currentMiB(),
                sample.query().peakMiB());
    }

    List<Sample> samples() {
        return samples;
    }
}
