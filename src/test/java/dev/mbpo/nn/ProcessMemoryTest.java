package dev.mbpo.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    /** The malloc named is the one this JVM was started with: a preloaded library, else glibc's. */
    @Test
    void namesTheMallocThisProcessWasStartedWith() {
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        String expected = preload.contains("libtcmalloc") ? "tcmalloc" : preload.contains("libjemalloc") ? "jemalloc" : "glibc";
        assertEquals(expected, ProcessMemory.allocator(), "LD_PRELOAD=" + preload);
    }

    @Test
    void residentMemoryIsReadFromProc() {
        assertTrue(ProcessMemory.residentBytes() > 10L << 20, "a JVM holds more than 10 MiB");
    }
}
